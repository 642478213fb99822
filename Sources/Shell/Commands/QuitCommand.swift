/// `quit`: leave the shell (Ctrl-D does the same)
struct QuitCommand: Command {
    static let configuration = CommandSpec(
        path: ["quit"], aliases: [["exit"], ["退出"]], group: .session, syntax: "",
        summary: L("Leave the shell (Ctrl-D does the same)", "退出（也可按 Ctrl-D）"), example: "quit"
    )

    func run(in session: Session) throws -> Output {
        throw Quit()
    }
}
