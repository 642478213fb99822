import Planner
import PlannerStore

/// `holiday list`: show a year's holiday blocks and make-up working days, and where they came from
struct HolidayList: Command {
    static let configuration = CommandSpec(
        path: ["holiday", "list"], aliases: [["节假日", "列表"]], group: .campaigns, syntax: "--year Y",
        summary: L(
            "Show a year's holiday blocks and make-up working days, and where they came from",
            "显示某年的假期、调休上班日及数据来源"),
        example: "holiday list --year 2017", streets: .national
    )

    @Flag("year", "Y", as: .year) var year: Int

    func run(in session: Session) throws -> Output {
        let calendar = try session.store.holidayCalendar(
            years: (year - 1)...(year + 1), recordedAsOf: session.recordedAsOf)
        // A year without a notice has neither blocks nor make-up days: an empty table.
        var rows: [[Value]] = []
        if let notice = calendar.notice(for: year) {
            let source = Value.text(notice.origin.rawValue)
            rows = calendar.blocks(year: year).map { block in
                [
                    .text(block.name), .text("holiday"), .date(block.first), .date(block.last),
                    .int(block.first.days(until: block.last) + 1), source,
                ]
            }
            for day in notice.days where !day.isOffDay {
                rows.append([
                    .text(day.name), .text("make-up working day"), .date(day.date), .date(day.date), .int(1),
                    source,
                ])
            }
        }
        return .table(
            [
                Column("name", L("holiday", "节日")), Column("kind", L("kind", "类型")),
                Column("first", L("first", "开始")), Column("last", L("last", "结束")),
                Column("days", L("days", "天数")), Column("source", L("source", "来源")),
            ], rows)
    }
}
