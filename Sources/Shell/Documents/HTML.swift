/// A fragment of HTML, built from text that is always escaped: a value from the log can never
/// become markup (a unit named `<script>` prints as those characters).
struct HTML: Sendable, CustomStringConvertible {
    fileprivate(set) var markup: String

    var description: String { markup }

    /// Markup written by this program, not by a user.
    init(raw markup: String) {
        self.markup = markup
    }

    /// Text, escaped.
    init(_ text: String) {
        markup = HTML.escape(text)
    }

    /// An element with escaped text content, e.g. `HTML.element("td", "东风社区", class: "name")`.
    static func element(_ name: String, _ text: String, class className: String? = nil, title: String? = nil)
        -> HTML
    {
        element(name, [HTML(text)], class: className, title: title)
    }

    /// An element around other fragments.
    static func element(_ name: String, _ children: [HTML], class className: String? = nil, title: String? = nil)
        -> HTML
    {
        var open = "<" + name
        if let className { open += " class=\"" + escape(className) + "\"" }
        if let title { open += " title=\"" + escape(title) + "\"" }
        return HTML(raw: open + ">" + children.map(\.markup).joined() + "</" + name + ">")
    }

    static func + (lhs: HTML, rhs: HTML) -> HTML {
        HTML(raw: lhs.markup + rhs.markup)
    }

    /// The five characters that matter in text and attribute values, as entities.
    private static let entities: [Unicode.Scalar: String] = [
        "&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;", "'": "&#39;",
    ]

    /// Escapes text for an element's content or an attribute's value, scalar by scalar: a
    /// quote followed by a combining mark is still a quote to the browser.
    static func escape(_ text: String) -> String {
        text.unicodeScalars.reduce(into: "") { escaped, scalar in
            if let entity = entities[scalar] { escaped += entity } else { escaped.unicodeScalars.append(scalar) }
        }
    }
}

extension Array where Element == HTML {
    func joined() -> HTML {
        HTML(raw: map(\.markup).joined())
    }
}
