import Testing

@testable import Shell

@Suite("HTML documents")
struct HTMLTests {
    @Test("Text from the log is escaped everywhere, so it can never become markup")
    func escaping() {
        let cell = HTML.element("td", "<script>alert('x')</script> & \"引号\"", class: "a\"b", title: "<t>")
        #expect(
            cell.description
                == "<td class=\"a&quot;b\" title=\"&lt;t&gt;\">&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;引号&quot;</td>"
        )
    }

    @Test("A quote followed by a combining mark is still escaped: it cannot end an attribute")
    func combiningMarks() {
        let markedQuote = "\"" + "\u{301}"
        let cell = HTML.element("td", "x", title: markedQuote + " onmouseover=\"")
        let markup = cell.description
        let escaped = "&quot;" + "\u{301}" + " onmouseover=&quot;"
        // The only quotes left are the two around the attribute's value.
        #expect(markup.unicodeScalars.filter { $0 == "\"" }.count == 2)
        #expect(markup.contains(escaped))
    }

    @Test("A page forbids scripts and anything from the network, and sets its paper")
    func page() {
        let page = Page(
            title: "东风<街道>", meta: ["截至 2017-12-31"], orientation: .landscape, body: [HTML("正文")],
            footer: ["封印"], language: .zh)
        let html = page.html
        #expect(html.contains("default-src 'none'"))
        #expect(html.contains("@page { size: A4 landscape;"))
        #expect(html.contains("<title>东风&lt;街道&gt;</title>"))
        #expect(!html.contains("<script"))
    }

    @Test(
        "Heatmap columns are short period labels",
        arguments: [
            ("2017-W05", "05"), ("2017-04", "04"), ("2017-Q2", "Q2"), ("2017 劳动节", "劳动节"), ("2017 11-09", "11-09"),
        ])
    func shortLabels(label: String, short: String) {
        #expect(ComplianceDocument.shortLabel(label) == short)
    }
}
