import Planner
import PlannerStore

/// `findings stats`: 隐患排查治理 statistics: findings by severity and status per community, for a year or quarter
struct FindingStatisticsReport: Command {
    static let spec = CommandSpec(
        path: ["findings", "stats"], aliases: [["隐患", "统计"]], group: .reports,
        syntax: "[--year Y] [--quarter 1-4] [--community C]",
        summary: L(
            "隐患排查治理 statistics: findings by severity and status per community, for a year or quarter",
            "隐患排查治理统计：按社区统计某年或某季度的隐患等级与状态"),
        example: "findings stats --year 2017 --quarter 3",
        flags: [FlagSpec("year", "Y"), FlagSpec("quarter", "Q"), FlagSpec("community", "C")]
    )

    let year: Int?
    let quarter: Int?
    let community: String?

    init(_ args: Arguments) throws(ShellError) {
        year = try Compliance.year(args)
        quarter = try args.string("quarter").map { text throws(ShellError) -> Int in
            guard let quarter = Int(text), (1...4).contains(quarter) else {
                throw ShellError.badValue(word: text, flag: "--quarter", expected: L("1, 2, 3 or 4", "1、2、3 或 4"))
            }
            return quarter
        }
        community = args.string("community")
    }

    func run(in session: Session) throws -> Output {
        let y = year ?? session.today.year
        let firstMonth = quarter.map { ($0 - 1) * 3 + 1 } ?? 1
        let from = LocalDate(year: y, month: firstMonth, day: 1) ?? session.today
        let to = from.adding(months: quarter == nil ? 12 : 3).adding(days: -1)
        let rows = try session.store.findingStatistics(session.asOf, from: from, to: to, community: community)
        return .table(
            [
                Column("community", L("community", "社区")), Column("general_found", L("general found", "一般隐患")),
                Column("general_closed", L("general closed", "一般已销号")),
                Column("major_found", L("major found", "重大隐患")),
                Column("major_closed", L("major closed", "重大已复查")),
                Column("major_written_off", L("major written off", "重大已核销")),
                Column("open", L("open", "未整改")), Column("overdue", L("overdue", "逾期")),
            ],
            rows.map { row in
                [
                    .text(row.community), .int(row.generalFound), .int(row.generalClosed), .int(row.majorFound),
                    .int(row.majorClosed), .int(row.majorWrittenOff), .int(row.open), .int(row.overdue),
                ]
            })
    }
}
