/// A plain table of a printed page: a header row and rows of text, numbers aligned right.
enum Table {
    static func html(_ columns: [String], _ rows: [[String]], numeric: Set<Int> = [], empty: String? = nil) -> HTML {
        if rows.isEmpty, let empty { return HTML.element("p", empty, class: "empty") }
        func row(_ cells: [String], _ tag: String) -> HTML {
            HTML.element(
                "tr", cells.enumerated().map { HTML.element(tag, $1, class: numeric.contains($0) ? "num" : nil) })
        }
        return HTML.element("table", [row(columns, "th")] + rows.map { row($0, "td") }, class: "list")
    }
}
