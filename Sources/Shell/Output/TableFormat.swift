/// The table format: columns laid out for the terminal, a creating command's message, or text.
struct TableFormat {
    var language: Language
    var terminal: Terminal

    func render(_ output: Output) -> String {
        switch output {
        case .table(let columns, let rows):
            let headers = columns.map { $0.header.text(language) }
            let cells = rows.map { row in row.map { $0.tabled(language) } }
            // Amounts line up on their decimal point.
            let right = Set(
                columns.indices.filter { index in
                    rows.contains { if case .amount = $0[index] { true } else { false } }
                })
            return TableLayout(
                headers: headers, rows: cells, terminal: terminal, language: language, rightAligned: right
            ).render()
        case .object(_, let message):
            return message.text(language) + "\n"
        case .text(let text):
            return text.hasSuffix("\n") ? text : text + "\n"
        }
    }
}
