import PlannerStore

/// `set street`: work in one street: every command and report is narrowed to it
struct SetStreet: Command {
    static let configuration = CommandSpec(
        path: ["set", "street"], group: .session, syntax: "NAME",
        summary: L(
            "Work in one street: every command and report is narrowed to it (unset street widens again)",
            "在一个街道内工作：之后的命令和报表只针对该街道（unset street 取消）"),
        example: "set street 长丰街道"
    )

    @Positional("NAME") var name: String

    func run(in session: Session) throws -> Output {
        try session.choose(street: name)
        return .object([("street", .text(name))], message: L("working in \(name)", "当前街道：\(name)"))
    }
}

/// `unset street`: no street chosen: reports cover every street you may read
struct UnsetStreet: Command {
    static let configuration = CommandSpec(
        path: ["unset", "street"], group: .session, syntax: "",
        summary: L("Choose no street: reports cover every street you may read", "不选街道：报表覆盖您可查看的全部街道"),
        example: "unset street"
    )

    func run(in session: Session) throws -> Output {
        try session.choose(street: nil)
        return .object([("street", .null)], message: L("no street chosen", "未选择街道"))
    }
}
