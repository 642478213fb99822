/// `unset today`: follow the clock again
struct UnsetToday: Command {
    static let configuration = CommandSpec(
        path: ["unset", "today"], group: .session, syntax: "", summary: L("Follow the clock again", "恢复为当天日期"),
        example: "unset today"
    )

    func run(in session: Session) throws -> Output {
        session.todayOverride = nil
        return .object(
            [("today", .date(session.today))],
            message: L("today follows the clock (\(session.today))", "今天恢复为 \(session.today)"))
    }
}
