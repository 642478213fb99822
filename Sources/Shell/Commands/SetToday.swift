import Planner

/// `set today`: ask every report as of this date (unset today returns to the clock)
struct SetToday: Command {
    static let configuration = CommandSpec(
        path: ["set", "today"], group: .session, syntax: "DATE",
        summary: L(
            "Ask every report as of this date (unset today returns to the clock)", "将报表的截止日期设为该日（unset today 恢复为当天）"
        ),
        example: "set today 2017-12-31"
    )

    @Positional("DATE", as: LocalDate.parser, label: "today") var date: LocalDate

    func run(in session: Session) throws -> Output {
        session.todayOverride = date
        return .object([("today", .date(date))], message: L("today is \(date)", "今天设为 \(date)"))
    }
}
