/// `help`: list the commands by task, or explain one with an example
struct HelpCommand: Command {
    static let configuration = CommandSpec(
        path: ["help"], aliases: [["帮助"]], group: .session, syntax: "[COMMAND]",
        summary: L("List the commands by task, or explain one with an example", "按任务列出命令，或说明某个命令并给出示例"),
        details: L(
            "help WORD lists the commands that begin with it, in English or Chinese: help drill, help 演练.",
            "help 词 列出以它开头的命令，英文中文均可：help drill、help 演练。"),
        example: "help drill record"
    )

    func run(in session: Session) throws -> Output {
        return .text(Help.overview(session))
    }
}
