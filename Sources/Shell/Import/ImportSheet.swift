import Foundation

/// A column a spreadsheet import knows, headed in English (the flag of the interactive
/// command, `key_fire_unit` or `key-fire-unit`) or in Chinese.
protocol ImportColumn: CaseIterable, Hashable, Sendable {
    var english: String { get }
    var chinese: String { get }
    var required: Bool { get }
}

/// A bad row of an imported file, by the line it starts on.
struct ImportProblem: Equatable {
    var line: Int
    var reason: L
}

/// The rows of a CSV file under a header row naming `Column`s, in any order. Unknown, missing
/// and repeated columns refuse the whole file; a row with more cells than the header is a bad
/// row. Empty rows are skipped; cells are trimmed of surrounding spaces.
struct ImportSheet<Column: ImportColumn> {
    struct Row {
        var line: Int
        var cells: [Column: String]

        /// The cell, nil when empty.
        subscript(_ column: Column) -> String? {
            cells[column].flatMap { $0.isEmpty ? nil : $0 }
        }
    }

    /// Each column's heading as the file writes it, for refusals that name it.
    var headings: [Column: String] = [:]
    var rows: [Row] = []
    var problems: [ImportProblem] = []

    init(_ records: [CSVRecord]) throws(ShellError) {
        let records = records.filter { !$0.isBlank }
        guard let header = records.first else {
            throw ShellError(
                L("the file is empty; its first line names the columns", "文件为空；第一行应为列名"),
                hint: Self.columnsHint)
        }
        // An empty heading (a spreadsheet's unused column) takes no cells.
        var positions: [Column?] = []
        var unknown: [String] = []
        for heading in header.cells.map(Self.trimmed) {
            if heading.isEmpty {
                positions.append(nil)
                continue
            }
            guard let column = Self.column(named: heading) else {
                unknown.append(heading)
                continue
            }
            guard headings[column] == nil else {
                throw ShellError(
                    L(
                        "line \(header.line): the column \(column.english) is there twice",
                        "第 \(header.line) 行：\(column.chinese) 列出现了两次"))
            }
            headings[column] = heading
            positions.append(column)
        }
        let missing = Column.allCases.filter { $0.required && headings[$0] == nil }
        guard unknown.isEmpty, missing.isEmpty else {
            var en: [String] = []
            var zh: [String] = []
            if !unknown.isEmpty {
                let names = unknown.map { "\"\($0)\"" }.joined(separator: ", ")
                en.append("unknown column \(names)")
                zh.append("未知的列 \(unknown.map { "“\($0)”" }.joined(separator: "、"))")
            }
            if !missing.isEmpty {
                en.append("missing column \(missing.map(\.english).joined(separator: ", "))")
                zh.append("缺少列 \(missing.map(\.chinese).joined(separator: "、"))")
            }
            throw ShellError(
                L(
                    "line \(header.line): \(en.joined(separator: "; "))",
                    "第 \(header.line) 行：\(zh.joined(separator: "；"))"),
                hint: Self.columnsHint)
        }
        for record in records.dropFirst() {
            var row = Row(line: record.line, cells: [:])
            var stray: [String] = []
            for (index, cell) in record.cells.map(Self.trimmed).enumerated() where !cell.isEmpty {
                if index < positions.count, let column = positions[index] {
                    row.cells[column] = cell
                } else {
                    stray.append(cell)
                }
            }
            guard stray.isEmpty else {
                problems.append(
                    ImportProblem(
                        line: record.line,
                        reason: L(
                            "\"\(stray[0])\" is in a column the header does not name",
                            "\"\(stray[0])\" 所在的列没有列名")))
                continue
            }
            rows.append(row)
        }
    }

    /// The heading of a column as the file wrote it, or its English name.
    func heading(_ column: Column) -> String {
        headings[column] ?? column.english
    }

    /// The non-empty cell of a required column, refused naming the column when empty.
    func required(_ column: Column, in row: Row) throws(ShellError) -> String {
        guard let cell = row[column] else {
            throw ShellError(L("\(heading(column)) is empty", "\(heading(column)) 为空"))
        }
        return cell
    }

    /// A problem for each row whose `key` was already on an earlier row.
    func repeated(_ column: Column, what: L) -> [ImportProblem] {
        var first: [String: Int] = [:]
        var problems: [ImportProblem] = []
        for row in rows {
            guard let key = row[column] else { continue }
            if let line = first[key] {
                problems.append(
                    ImportProblem(
                        line: row.line,
                        reason: L(
                            "\(what.en) \(key) is also on line \(line)", "\(what.zh) \(key) 与第 \(line) 行重复")))
            } else {
                first[key] = row.line
            }
        }
        return problems
    }

    static func column(named heading: String) -> Column? {
        let english = heading.lowercased().replacingOccurrences(of: "-", with: "_")
        return Column.allCases.first { $0.english == english || $0.chinese == heading }
    }

    static var columnsHint: L {
        L(
            "the columns: \(Column.allCases.map(\.english).joined(separator: ", ")) (or \(Column.allCases.map(\.chinese).joined(separator: ", ")))",
            "列名：\(Column.allCases.map(\.chinese).joined(separator: "、"))（或 \(Column.allCases.map(\.english).joined(separator: ", "))）"
        )
    }

    private static func trimmed(_ cell: String) -> String {
        cell.trimmingCharacters(in: CharacterSet.whitespaces.union(CharacterSet(charactersIn: "\u{FEFF}")))
    }
}
