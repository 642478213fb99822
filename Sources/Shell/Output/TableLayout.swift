/// Lays out rows under headers, aligned by display width (CJK characters are two columns).
///
/// On a terminal, a table wider than the screen switches to an expanded layout, one field per
/// line; when output is not a terminal it always keeps one row per line, so scripts can read it.
struct TableLayout {
    var headers: [String]
    var rows: [[String]]
    var terminal: Terminal
    var language: Language
    /// The columns padded on the left (amounts), by index.
    var rightAligned: Set<Int> = []

    func render() -> String {
        if rows.isEmpty {
            return (language == .zh ? "（无）" : "(none)") + "\n"
        }
        let widths = headers.indices.map { column in
            max(DisplayWidth.of(headers[column]), rows.map { DisplayWidth.of($0[column]) }.max() ?? 0)
        }
        let total = widths.reduce(0, +) + 2 * max(0, widths.count - 1)
        if terminal.isTTY && total > terminal.columns {
            return expanded()
        }
        // Colour codes wrap the padded header, so they never count in a column's width.
        let header = terminal.color ? "\u{1B}[1m" + line(headers, widths) + "\u{1B}[0m" : line(headers, widths)
        var lines = [header, widths.map { String(repeating: "─", count: $0) }.joined(separator: "  ")]
        lines += rows.map { line($0, widths) }
        return lines.map { trimmingTrailingSpaces($0) }.joined(separator: "\n") + "\n"
    }

    private func line(_ cells: [String], _ widths: [Int]) -> String {
        zip(cells, widths).enumerated().map { column, cell in
            rightAligned.contains(column)
                ? String(repeating: " ", count: max(0, cell.1 - DisplayWidth.of(cell.0))) + cell.0
                : DisplayWidth.pad(cell.0, to: cell.1)
        }.joined(separator: "  ")
    }

    private func expanded() -> String {
        let labelWidth = headers.map { DisplayWidth.of($0) }.max() ?? 0
        var blocks: [String] = []
        for (index, row) in rows.enumerated() {
            var lines = ["─[ \(index + 1) ]" + String(repeating: "─", count: max(0, min(terminal.columns, 40) - 8))]
            for (header, cell) in zip(headers, row) {
                lines.append(DisplayWidth.pad(header, to: labelWidth) + " │ " + cell)
            }
            blocks.append(lines.joined(separator: "\n"))
        }
        return blocks.joined(separator: "\n") + "\n"
    }

    private func trimmingTrailingSpaces(_ text: String) -> String {
        var text = text
        while text.last == " " { text.removeLast() }
        return text
    }
}
