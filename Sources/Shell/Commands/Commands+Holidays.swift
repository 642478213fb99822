import Foundation
import Planner
import PlannerStore

extension CommandSpec {
    static let holidays: [CommandSpec] = [
        CommandSpec(
            path: ["holiday", "import"], aliases: [["节假日", "导入"]], group: .campaigns, syntax: "FILE",
            summary: L(
                "Import a year's holiday notice (holiday-cn JSON); a later import of the same year replaces it",
                "导入某年的节假日安排（holiday-cn JSON）；同一年再次导入将替换之前的安排"),
            details: L(
                "The file: {\"year\": 2017, \"papers\": [\"…通知\"], \"days\": [{\"name\": \"春节\", \"date\": \"2017-01-27\", \"isOffDay\": true}, …]}.\nYears without an import use the data shipped with Vigil (2004 on) or, beyond it, computed dates.",
                "文件格式：{\"year\": 2017, \"papers\": [\"…通知\"], \"days\": [{\"name\": \"春节\", \"date\": \"2017-01-27\", \"isOffDay\": true}, …]}。\n未导入的年份使用 Vigil 自带的数据（2004 年起），更晚的年份使用推算日期。"
            ),
            example: "holiday import holidays-2017.json", positionals: ["FILE"], roles: [.supervisor]
        ) { args in
            let path = args.positional(0)
            return { session in
                let url = URL(fileURLWithPath: path, relativeTo: session.baseDirectory)
                let notice = try HolidayFile.read(url, shownAs: path)
                try session.write { store in
                    let calendar = try store.holidayCalendar(years: (notice.year - 1)...(notice.year + 1))
                    try session.apply(HolidayYear.self, stream: PlannerStore.Stream.holidays(notice.year)) {
                        try HolidayYear.importNotice(notice, calendar: calendar, state: $0)
                    }
                }
                return .object(
                    [("year", .int(notice.year)), ("days", .int(notice.days.count))],
                    message: L(
                        "imported the \(notice.year) notice (\(notice.days.count) days)",
                        "已导入 \(notice.year) 年节假日安排（\(notice.days.count) 天）"))
            }
        },
        CommandSpec(
            path: ["holiday", "list"], aliases: [["节假日", "列表"]], group: .campaigns, syntax: "--year Y",
            summary: L(
                "Show a year's holiday blocks and make-up working days, and where they came from",
                "显示某年的假期、调休上班日及数据来源"),
            example: "holiday list --year 2017", flags: [FlagSpec("year", "Y", required: true)]
        ) { args throws(ShellError) in
            guard let year = try Compliance.year(args) else {
                throw ShellError.missingFlag("--year", valueName: "Y", command: "holiday list")
            }
            return { session in
                let calendar = try session.store.holidayCalendar(
                    years: (year - 1)...(year + 1), recordedAsOf: session.recordedAsOf)
                let origin = calendar.origin(of: year) ?? .computed
                let source = Value.text(origin.rawValue)
                var rows: [[Value]] = calendar.blocks(year: year).map { block in
                    [
                        .text(block.name), .text("holiday"), .date(block.first), .date(block.last),
                        .int(block.first.days(until: block.last) + 1), source,
                    ]
                }
                for day in calendar.notice(for: year)?.days ?? [] where !day.isOffDay {
                    rows.append([
                        .text(day.name), .text("make-up working day"), .date(day.date), .date(day.date), .int(1),
                        source,
                    ])
                }
                return .table(
                    [
                        Column("name", L("holiday", "节日")), Column("kind", L("kind", "类型")),
                        Column("first", L("first", "开始")), Column("last", L("last", "结束")),
                        Column("days", L("days", "天数")), Column("source", L("source", "来源")),
                    ], rows)
            }
        },
    ]
}

/// Reads a holiday-cn JSON file, with errors that name the file and what is wrong in it.
enum HolidayFile {
    static func read(_ url: URL, shownAs path: String) throws -> HolidayNotice {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw ShellError(L("cannot read \(path): no such file or not readable", "无法读取 \(path)：文件不存在或不可读"))
        }
        do {
            return try JSONDecoder().decode(HolidayNotice.self, from: data)
        } catch let DecodingError.dataCorrupted(context) {
            throw ShellError(
                L(
                    "\(path) is not a holiday notice: \(context.debugDescription)",
                    "\(path) 不是节假日安排文件：\(context.debugDescription)"))
        } catch let DecodingError.keyNotFound(key, _) {
            throw ShellError(L("\(path) lacks \"\(key.stringValue)\"", "\(path) 缺少 \"\(key.stringValue)\""))
        } catch {
            throw ShellError(
                L("\(path) is not a holiday notice in holiday-cn JSON form", "\(path) 不是 holiday-cn JSON 格式的节假日安排"))
        }
    }
}
