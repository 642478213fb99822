import Planner
import PlannerStore

/// `findings stats`: 隐患排查治理 statistics: findings by severity and status per community, for a year or quarter
struct FindingStatisticsReport: Command {
    static let configuration = CommandSpec(
        path: ["findings", "stats"], aliases: [["隐患", "统计"]], group: .reports,
        syntax: "[--year Y] [--quarter 1-4] [--community C]",
        summary: L(
            "隐患排查治理 statistics: findings by severity and status per community, for a year or quarter",
            "隐患排查治理统计：按社区统计某年或某季度的隐患等级与状态"),
        example: "findings stats --year 2017 --quarter 3"
    )

    @Flag("year", "Y", as: .year) var year: Int?
    @Flag("quarter", "Q", as: .quarter) var quarter: Int?
    @Flag("community", "C") var community: String?

    func run(in session: Session) throws -> Output {
        let y = year ?? session.today.year
        let firstMonth = quarter.map { ($0 - 1) * 3 + 1 } ?? 1
        let from = LocalDate(year: y, month: firstMonth, day: 1) ?? session.today
        let to = from.adding(months: quarter == nil ? 12 : 3).adding(days: -1)
        return .table(
            try session.store.findingStatistics(session.asOf, from: from, to: to, community: community),
            [
                Field("community", L("community", "社区")) { .text($0.community) },
                Field("general_found", L("general found", "一般隐患")) { .int($0.generalFound) },
                Field("general_closed", L("general closed", "一般已销号")) { .int($0.generalClosed) },
                Field("major_found", L("major found", "重大隐患")) { .int($0.majorFound) },
                Field("major_closed", L("major closed", "重大已复查")) { .int($0.majorClosed) },
                Field("major_written_off", L("major written off", "重大已核销")) { .int($0.majorWrittenOff) },
                Field("open", L("open", "未整改")) { .int($0.open) },
                Field("overdue", L("overdue", "逾期")) { .int($0.overdue) },
            ])
    }
}
