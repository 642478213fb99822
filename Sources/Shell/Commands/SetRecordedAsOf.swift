/// `set recorded-as-of`: report as the log stood at an instant (late entries excluded)
struct SetRecordedAsOf: Command {
    static let configuration = CommandSpec(
        path: ["set", "recorded-as-of"], group: .session, syntax: "INSTANT",
        summary: L("Report as the log stood at an instant (late entries excluded)", "按某一时刻的记录出报表（不含之后补录的内容）"),
        details: L(
            "INSTANT: a date (end of that day, office time) or 'YYYY-MM-DD HH:MM[:SS]'.",
            "INSTANT：日期（当天结束，办公地时间）或 'YYYY-MM-DD HH:MM[:SS]'。"),
        example: "set recorded-as-of '2018-01-05 17:30'"
    )

    @Positional("INSTANT") var text: String

    func run(in session: Session) throws -> Output {
        let instant = try Instant.parse(text, timeZone: session.timeZone)
        session.recordedAsOf = instant
        return .object(
            [("recorded_as_of", .text(text))],
            message: L("reports show the log as recorded by \(text)", "报表按 \(text) 时的记录显示"))
    }
}
