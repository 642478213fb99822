import Foundation
import Planner
import PlannerStore

/// `calendar export`: the drill calendar as an iCalendar file for calendar programs
struct CalendarExport: Command {
    static let configuration = CommandSpec(
        path: ["calendar", "export"], aliases: [["日历", "导出"]], group: .reports,
        syntax: "[--from DATE] [--to DATE] [--community C] --out FILE.ics",
        summary: L(
            "Write scheduled drills, drill due dates and hazard deadlines to an iCalendar (.ics) file",
            "将已安排的演练、演练到期日和隐患整改期限导出为 iCalendar（.ics）日历文件"),
        details: L(
            "All-day events, as of today: drills scheduled and not yet held or cancelled, on their date; each plan's next drill due date (as drills due and drills overdue give it); each open finding's rectification deadline (as findings --open gives it). Only events dated from --from to --to count (default --from: today; --to: a year after --from), so an obligation already overdue before --from is left out. Summaries are in Chinese with the unit and community. Each record keeps its UID from one export to the next, so a calendar that imports the file again updates the events instead of doubling them; DTSTAMP is when the log's latest event was recorded, so the same log always gives the same file. Nothing is written when the command is refused.",
            "全天日程，截至今天：已安排且尚未举行或取消的演练（在其安排日期）；每个预案下一次演练的到期日（同 drills due 与 drills overdue）；每个未整改隐患的整改期限（同 findings --open）。只导出日期在 --from 至 --to 之间的日程（--from 默认为今天，--to 默认为 --from 之后一年），因此在 --from 之前已逾期的义务不会导出。标题为中文，含单位和社区。每条记录在多次导出中保持同一 UID，日历程序再次导入时会更新日程而不会重复；DTSTAMP 为日志中最新事件的登记时间，同一日志总是生成相同的文件。命令被拒绝时不写任何文件。"
        ),
        example: "calendar export --from 2017-01-01 --to 2017-12-31 --community 江岸社区 --out 江岸社区.ics", streets: .one
    )

    @Flag("from", "DATE") var from: LocalDate?
    @Flag("to", "DATE") var to: LocalDate?
    @Flag("community", "C") var community: String?
    /// The file to write, relative to the script's folder.
    @Flag("out", "FILE.ics", as: .calendarFile) var out: String

    func validate() throws(ShellError) {
        if let from, let to, from > to {
            throw ShellError(L("--from \(from) is after --to \(to)", "--from \(from) 晚于 --to \(to)"))
        }
    }

    func run(in session: Session) throws -> Output {
        let first = from ?? session.today
        let last = to ?? first.adding(months: 12)
        guard first <= last else {
            throw ShellError(L("--from \(first) is after --to \(last)", "--from \(first) 晚于 --to \(last)"))
        }
        if let community {
            _ = try session.existing(Community.self, community)
        }
        let store = session.store
        let asOf = session.asOf
        let instance = try store.instanceID()
        let stamp = try store.lastRecorded(asOf) ?? Date()
        let window = first...last
        let drills = try store.scheduledDrills(asOf, community: community)
            .filter { window.contains($0.scheduledOn) }
            .map { CalendarEvents.drill($0, instance: instance, stamp: stamp) }
        let dues = try store.drillObligations(asOf, community: community)
            .filter { window.contains($0.obligation.due) }
            .sorted { ($0.obligation.due, $0.plan) < ($1.obligation.due, $1.plan) }
            .map { CalendarEvents.drillDue($0, instance: instance, stamp: stamp) }
        let deadlines = try store.findings(asOf, openOnly: true, overdueOnly: false, community: community)
            .filter { window.contains($0.due) }
            .map { CalendarEvents.findingDue($0, instance: instance, stamp: stamp) }
        let events = (drills + dues + deadlines).sorted { ($0.date, $0.uid) < ($1.date, $1.uid) }
        let calendar = ICalendar(
            name: "Vigil 演练与隐患整改" + (community.map { "（\($0)）" } ?? ""),
            timeZone: session.timeZone.identifier, events: events)

        let url = URL(fileURLWithPath: out, relativeTo: session.baseDirectory)
        do {
            try Data(calendar.text.utf8).write(to: url, options: .atomic)
        } catch {
            throw ShellError(
                L("cannot write \(out): \(error.localizedDescription)", "无法写入 \(out)：\(error.localizedDescription)"))
        }
        let noun = events.count == 1 ? "event" : "events"
        return .object(
            [
                ("file", .text(out)), ("events", .int(events.count)), ("drills", .int(drills.count)),
                ("drills_due", .int(dues.count)), ("findings_due", .int(deadlines.count)),
                ("from", .date(first)), ("to", .date(last)),
            ],
            message: L("wrote \(events.count) \(noun) to \(out)", "已将 \(events.count) 个日程写入 \(out)"))
    }
}
