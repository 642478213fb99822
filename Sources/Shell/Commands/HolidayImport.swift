import EventStore
import Foundation
import Planner
import PlannerStore

/// `holiday import`: import a year's holiday notice (holiday-cn JSON); a later import of the same year replaces it
struct HolidayImport: Command {
    static let configuration = CommandSpec(
        path: ["holiday", "import"], aliases: [["节假日", "导入"]], group: .campaigns, syntax: "FILE",
        summary: L(
            "Import a year's holiday notice (holiday-cn JSON); a later import of the same year replaces it",
            "导入某年的节假日安排（holiday-cn JSON）；同一年再次导入将替换之前的安排"),
        details: L(
            "The file: {\"year\": 2017, \"papers\": [\"…通知\"], \"days\": [{\"name\": \"春节\", \"date\": \"2017-01-27\", \"isOffDay\": true}, …]}.\nYears without an import use the data shipped with Vigil (2004 on) or, beyond it, computed dates.",
            "文件格式：{\"year\": 2017, \"papers\": [\"…通知\"], \"days\": [{\"name\": \"春节\", \"date\": \"2017-01-27\", \"isOffDay\": true}, …]}。\n未导入的年份使用 Vigil 自带的数据（2004 年起），更晚的年份使用推算日期。"
        ),
        example: "holiday import holidays-2017.json", roles: [.supervisor], streets: .national
    )

    @Positional("FILE") var path: String

    func run(in session: Session) throws -> Output {
        let url = URL(fileURLWithPath: path, relativeTo: session.baseDirectory)
        let notice = try HolidayFile.read(url, shownAs: path)
        // The database decides who writes national records (vigil.writable_streets); a
        // supervisor does until streets are named.
        if try !session.store.recordableStreamKinds().contains("holidays") {
            throw ShellError(
                L(
                    "permission denied: holiday notices are national; once streets are named, an admin imports them",
                    "权限不足：节假日安排为全国数据；登记街道后由 admin 导入"))
        }
        let written = try session.write { store in
            let calendar = try store.holidayCalendar(years: (notice.year - 1)...(notice.year + 1))
            return try session.apply(HolidayYear.self, stream: PlannerStore.Stream.holidays(notice.year)) {
                try HolidayYear.importNotice(notice, calendar: calendar, state: $0)
            }
        }
        if written.positions.isEmpty {
            return .object(
                [("year", .int(notice.year)), ("days", .int(notice.days.count))],
                message: L(
                    "the \(notice.year) notice is already imported, unchanged: nothing written",
                    "\(notice.year) 年节假日安排已导入且内容相同：未写入"))
        }
        return .object(
            [("year", .int(notice.year)), ("days", .int(notice.days.count))],
            message: L(
                "imported the \(notice.year) notice (\(notice.days.count) days)",
                "已导入 \(notice.year) 年节假日安排（\(notice.days.count) 天）"))
    }
}
