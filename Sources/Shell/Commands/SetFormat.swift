/// `set format`: choose the output format
struct SetFormat: Command {
    static let spec = CommandSpec(
        path: ["set", "format"], group: .session, syntax: "table|csv|json",
        summary: L("Choose the output format", "选择输出格式"), example: "set format csv", positionals: ["FORMAT"]
    )

    let format: Format

    init(_ args: Arguments) throws(ShellError) {
        format = try Arguments.choice(args.positional(0), Format.self, flag: "format")
    }

    func run(in session: Session) throws -> Output {
        session.format = format
        return .object(
            [("format", .text(format.rawValue))],
            message: L("format is \(format.rawValue)", "输出格式为 \(format.rawValue)"))
    }
}
