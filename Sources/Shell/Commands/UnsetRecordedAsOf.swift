/// `unset recorded-as-of`: report on the whole log again
struct UnsetRecordedAsOf: Command {
    static let configuration = CommandSpec(
        path: ["unset", "recorded-as-of"], group: .session, syntax: "",
        summary: L("Report on the whole log again", "恢复按全部记录出报表"), example: "unset recorded-as-of"
    )

    func run(in session: Session) throws -> Output {
        session.recordedAsOf = nil
        return .object([("recorded_as_of", .null)], message: L("reports show the whole log", "报表按全部记录显示"))
    }
}
