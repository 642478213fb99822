/// `set format`: choose the output format
struct SetFormat: Command {
    static let configuration = CommandSpec(
        path: ["set", "format"], group: .session, syntax: "table|csv|json",
        summary: L("Choose the output format", "选择输出格式"), example: "set format csv"
    )

    @Positional("FORMAT", as: .choice, label: "format") var format: Format

    func run(in session: Session) throws -> Output {
        session.format = format
        return .object(
            [("format", .text(format.rawValue))],
            message: L("format is \(format.rawValue)", "输出格式为 \(format.rawValue)"))
    }
}
