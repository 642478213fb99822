import Foundation
import Planner

/// A spreadsheet read for import: its rows, each read as the interactive command reads its
/// words, and the rows that were bad before the database was asked.
struct ImportPlan<Row> {
    var path: String
    var encoding: SpreadsheetText.Encoding
    /// The rows to decide and write, by line.
    var rows: [(line: Int, row: Row)] = []
    var problems: [ImportProblem] = []

    /// Reads `path` (relative to the session's folder) as a CSV sheet of `Column`s; a row is
    /// bad when `read` refuses it or when its `unique` cell repeats an earlier row's.
    init<Column: ImportColumn>(
        _ path: String, in session: Session, unique: Column, uniqueWhat: L,
        read: (ImportSheet<Column>.Row, ImportSheet<Column>) throws(ShellError) -> Row
    ) throws {
        let url = URL(fileURLWithPath: path, relativeTo: session.baseDirectory)
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw ShellError(L("cannot read \(path): no such file or not readable", "无法读取 \(path)：文件不存在或不可读"))
        }
        guard let decoded = SpreadsheetText(Array(data)) else {
            throw ShellError(
                L("\(path) is neither UTF-8 nor GB18030 text", "\(path) 既不是 UTF-8 也不是 GB18030 编码的文本"),
                hint: L("save the spreadsheet as CSV (UTF-8)", "请将表格另存为 CSV（UTF-8）"))
        }
        self.path = path
        encoding = decoded.encoding
        let sheet: ImportSheet<Column>
        do throws(ShellError) {
            sheet = try ImportSheet<Column>(try CSVReader.records(decoded.text))
        } catch {
            throw ShellError(
                L("\(path): \(error.message.en)", "\(path)：\(error.message.zh)"), hint: error.hint)
        }
        problems = sheet.problems + sheet.repeated(unique, what: uniqueWhat)
        let repeatedLines = Set(problems.map(\.line))
        for row in sheet.rows where !repeatedLines.contains(row.line) {
            do throws(ShellError) {
                rows.append((row.line, try read(row, sheet)))
            } catch {
                problems.append(ImportProblem(line: row.line, reason: error.message))
            }
        }
    }

    /// The file as the output names it: `units.csv (GB18030)`.
    var shown: L {
        L("\(path) (\(encoding.rawValue))", "\(path)（\(encoding.rawValue)）")
    }
}

extension Session {
    /// Decides and appends every row of an import in one transaction, each through `add` (the
    /// interactive command's decider and append), collecting every refused row by its line.
    /// Nothing is kept when a row is bad or when only checking (`--check`); then the bad rows
    /// are the refusal. Returns how many rows were written.
    func run<Row>(_ plan: ImportPlan<Row>, checkOnly: Bool, what: L, _ add: (Row) throws -> Void) throws -> Output {
        var problems = plan.problems
        let total = plan.rows.count + problems.count
        do {
            try write { _ in
                let progress = progress.flatMap { write in
                    plan.rows.count >= 500
                        ? ProgressLine(
                            text(L("importing \(plan.path)", "正在导入 \(plan.path)")), total: plan.rows.count,
                            unit: text(L("rows", "行")), every: 100, onTerminal: true, write: write) : nil
                }
                for (index, item) in plan.rows.enumerated() {
                    do {
                        try add(item.row)
                    } catch let error as DomainError {
                        problems.append(ImportProblem(line: item.line, reason: L(error.english, error.chinese)))
                    } catch let error as ShellError {
                        problems.append(ImportProblem(line: item.line, reason: error.message))
                    }
                    progress?.advance(to: index + 1)
                }
                if checkOnly || !problems.isEmpty { throw ImportRehearsed() }
            }
        } catch is ImportRehearsed {}
        guard problems.isEmpty else {
            let lines = problems.sorted { $0.line < $1.line }
            throw ShellError(
                L(
                    "\(plan.shown.en): \(lines.count) bad \(lines.count == 1 ? "row" : "rows") of \(total); nothing was written\n"
                        + lines.map { "line \($0.line): \($0.reason.en)" }.joined(separator: "\n"),
                    "\(plan.shown.zh)：\(total) 行中有 \(lines.count) 行有误；未写入任何内容\n"
                        + lines.map { "第 \($0.line) 行：\($0.reason.zh)" }.joined(separator: "\n")),
                hint: checkOnly ? nil : L("check a corrected file with --check", "改正后可先用 --check 检查"))
        }
        let count = plan.rows.count
        let fields: [(String, Value)] = [
            ("file", .text(plan.path)), ("encoding", .text(plan.encoding.rawValue)), (what.en, .int(count)),
            ("written", .bool(!checkOnly)),
        ]
        if checkOnly {
            return .object(
                fields,
                message: L(
                    "\(plan.shown.en): \(count) \(what.en), no bad rows; nothing written (--check)",
                    "\(plan.shown.zh)：\(count) \(what.zh)，没有错误；未写入（--check）"))
        }
        return .object(
            fields,
            message: L(
                "imported \(count) \(what.en) from \(plan.shown.en)", "已从 \(plan.shown.zh)导入 \(count) \(what.zh)"))
    }
}

/// Unwinds the transaction of an import that must keep nothing, rolling back what it appended.
private struct ImportRehearsed: Error {}
