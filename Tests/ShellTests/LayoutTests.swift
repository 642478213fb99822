import Foundation
import Testing

@testable import Shell

/// How results look: table layouts on terminals and pipes, CSV quoting, JSON escaping and
/// numbers, rendered in-process with a fake terminal so no database or TTY is needed.
@Suite("Rendering layouts")
struct LayoutTests {
    static let narrowTerminal = Terminal(isTTY: true, columns: 40, color: false)
    static let narrowPipe = Terminal(isTTY: false, columns: 40, color: false)

    /// Mixed CJK, ASCII, fullwidth punctuation, halfwidth katakana, a combining accent and an
    /// emoji: the cases where counting characters instead of columns misaligns a table.
    static let headers = ["单位", "community", "备注（注）"]
    static let rows = [
        ["汉水湾化工储运站（东区）", "A区", "ok"],
        ["Metro Mall 万家", "江岸社区", "全角，标点。"],
        ["ｶﾀｶﾅ", "cafe\u{0301}", "🚒 fire"],
        ["x", "", "trailing empty cell above"],
    ]

    func table(_ headers: [String], _ rows: [[String]]) -> Output {
        .table(headers.map { Column($0, L($0, $0)) }, rows.map { $0.map(Value.text) })
    }

    func render(_ output: Output, _ format: Format = .table, _ terminal: Terminal = .pipe) -> String {
        Renderer(format: format, language: .en, terminal: terminal).render(output)
    }

    /// The rest of `line` from display column `column` on, or nil when that column falls
    /// inside a wide character or past the end.
    func text(in line: String, atColumn column: Int) -> Substring? {
        var used = 0
        var index = line.unicodeScalars.startIndex
        while used < column, index < line.unicodeScalars.endIndex {
            used += DisplayWidth.of(line.unicodeScalars[index])
            index = line.unicodeScalars.index(after: index)
        }
        guard used == column else { return nil }
        return Substring(line.unicodeScalars[index...])
    }

    /// Where each column starts, computed independently of the layout code: the widest cell
    /// (or header) of each column by display width, plus two spaces between columns.
    func columnStarts(_ headers: [String], _ rows: [[String]]) -> (starts: [Int], total: Int) {
        let widths = headers.indices.map { column in
            ([headers[column]] + rows.map { $0[column] }).map { DisplayWidth.of($0) }.max() ?? 0
        }
        var starts: [Int] = []
        var position = 0
        for width in widths {
            starts.append(position)
            position += width + 2
        }
        return (starts, position - 2)
    }

    @Test("Every cell starts at its column's display position, whatever its script")
    func columnsAlignByDisplayWidth() throws {
        let lines = render(table(Self.headers, Self.rows)).split(separator: "\n").map(String.init)
        let (starts, total) = columnStarts(Self.headers, Self.rows)
        try #require(lines.count == Self.rows.count + 2)
        let expected = [Self.headers, Self.headers.indices.map { _ in "─" }] + Self.rows
        for (line, cells) in zip(lines, expected) {
            for (start, cell) in zip(starts, cells) where !cell.isEmpty {
                let rest = text(in: line, atColumn: start)
                #expect(rest?.hasPrefix(cell) == true, "\(cell) should start at column \(start) of \(line)")
            }
            // Padding is trimmed at the end of a line, never added past the last column.
            #expect(DisplayWidth.of(line) <= total, "\(line) is wider than the table")
            #expect(line.last != " ", "\(line) keeps trailing spaces")
        }
        // The rule under the header spans the whole table, so it has the full width.
        #expect(DisplayWidth.of(lines[1]) == total)
    }

    @Test("A terminal narrower than a row gets one field per line")
    func expandedOnNarrowTerminal() {
        let text = render(table(Self.headers, Self.rows), .table, Self.narrowTerminal)
        #expect(text.contains("─[ 1 ]"))
        #expect(text.contains("─[ 4 ]"))
        // Labels are padded to the widest header, so the separators line up too.
        let label = DisplayWidth.pad("单位", to: DisplayWidth.of("备注（注）"))
        #expect(text.contains(label + " │ 汉水湾化工储运站（东区）\n"))
        #expect(text.contains("备注（注） │ 🚒 fire\n"))
        #expect(!text.contains("───  "), "no column rule in the expanded layout")
    }

    @Test("A row exactly as wide as the terminal stays a table; one column more expands it")
    func expansionThreshold() {
        // Two columns of 19 and 19 plus the two-space gap: 40 columns.
        let fits = table(["a", "b"], [[String(repeating: "中", count: 9) + "x", String(repeating: "y", count: 19)]])
        let over = table(["a", "b"], [[String(repeating: "中", count: 10), String(repeating: "y", count: 19)]])
        #expect(!render(fits, .table, Self.narrowTerminal).contains("─[ 1 ]"))
        #expect(render(over, .table, Self.narrowTerminal).contains("─[ 1 ]"))
    }

    @Test("Output that is not a terminal keeps one row per line, however wide")
    func neverExpandedWhenPiped() {
        let wide = table(["a", "b"], [[String(repeating: "宽", count: 60), "end"]])
        let text = render(wide, .table, Self.narrowPipe)
        #expect(!text.contains("─[ 1 ]"))
        #expect(text.split(separator: "\n").count == 3)
        #expect(text.hasSuffix(String(repeating: "宽", count: 60) + "  end\n"))
    }

    @Test("An empty result says so instead of printing bare headers")
    func emptyTable() {
        #expect(render(table(["a"], [])) == "(none)\n")
        #expect(Renderer(format: .table, language: .zh, terminal: .pipe).render(table(["a"], [])) == "（无）\n")
    }

    @Test("CSV starts with a BOM, ends rows with CRLF and quotes commas, quotes and line breaks")
    func csvQuoting() {
        let output = table(
            ["name", "note"],
            [["a,b", "say \"hi\""], ["line1\nline2", "中文，全角逗号"], ["plain", ""]])
        let expected =
            "\u{FEFF}name,note\r\n\"a,b\",\"say \"\"hi\"\"\"\r\n\"line1\nline2\",中文，全角逗号\r\nplain,\r\n"
        #expect(render(output, .csv) == expected)
    }

    @Test("A CSV field holding a CRLF line break is quoted")
    func csvQuotesCRLF() {
        // In Swift "\r\n" is one Character, equal neither to "\r" nor to "\n": a check by
        // Character misses it, and the row would be split in two by spreadsheet programs.
        #expect(CSV.field("first\r\nsecond") == "\"first\r\nsecond\"")
        #expect(CSV.field("lone\rreturn") == "\"lone\rreturn\"")
    }

    @Test("CSV of a created object is a header row and a value row")
    func csvObject() {
        let output = Output.object(
            [("code", .text("D-1")), ("findings", .list([.text("F-1"), .text("F-2")]))], message: L("", ""))
        #expect(render(output, .csv) == "\u{FEFF}code,findings\r\nD-1,\"F-1, F-2\"\r\n")
    }

    @Test("JSON escapes quotes, backslashes and every control character, and keeps the rest as is")
    func jsonEscaping() throws {
        let original = "q\" b\\ n\n t\t r\r bell\u{07} nul\u{0} esc\u{1B} us\u{1F} 中文（注）🚒 /"
        let rendered = render(.object([("text", .text(original))], message: L("", "")), .json)
        #expect(
            rendered
                == "{\"text\":\"q\\\" b\\\\ n\\n t\\t r\\r bell\\u0007 nul\\u0000 esc\\u001b us\\u001f 中文（注）🚒 /\"}\n"
        )
        // An independent parser reads back exactly the original text.
        let parsed = try JSONSerialization.jsonObject(with: Data(rendered.utf8)) as? [String: String]
        #expect(parsed?["text"] == original)
    }

    @Test("JSON tables are arrays of objects with keys in column order, null for absent values")
    func jsonTable() {
        let output = Output.table(
            [
                Column("finding", L("finding", "隐患")), Column("days_overdue", L("days", "天")),
                Column("ok", L("ok", "ok")),
            ],
            [[.text("F-2"), .null, .bool(true)], [.text("F-3"), .int(5), .bool(false)]])
        #expect(
            render(output, .json)
                == "[{\"finding\":\"F-2\",\"days_overdue\":null,\"ok\":true},{\"finding\":\"F-3\",\"days_overdue\":5,\"ok\":false}]\n"
        )
    }

    @Test(
        "Rates are rounded to their digits: shortest form in JSON, fixed digits in tables and CSV",
        arguments: [
            (0.9423, "0.9423", "0.9423"), (49.0 / 52.0, "0.9423", "0.9423"), (1.0, "1.0", "1.0000"),
            (0.0, "0.0", "0.0000"), (1.0 / 3.0, "0.3333", "0.3333"), (0.5, "0.5", "0.5000"),
            (2.0 / 3.0, "0.6667", "0.6667"),
        ])
    func numbers(value: Double, json: String, table: String) throws {
        let output = Output.table([Column("rate", L("rate", "完成率"))], [[.number(value, digits: 4)]])
        let rendered = render(output, .json)
        #expect(rendered == "[{\"rate\":\(json)}]\n")
        let parsed = try JSONSerialization.jsonObject(with: Data(rendered.utf8)) as? [[String: Double]]
        #expect(parsed?.first?["rate"] == Double(json))
        #expect(render(output, .csv) == "\u{FEFF}rate\r\n\(table)\r\n")
        #expect(render(output, .table) == "rate\n\(String(repeating: "─", count: max(4, table.count)))\n\(table)\n")
    }
}
