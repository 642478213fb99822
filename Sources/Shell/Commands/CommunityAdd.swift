import Planner

/// `community add`: add a community (社区)
struct CommunityAdd: Command {
    static let spec = CommandSpec(
        path: ["community", "add"], aliases: [["社区", "添加"]], group: .organisation, syntax: "NAME",
        summary: L("Add a community (社区)", "添加社区"), example: "community add 江岸社区",
        positionals: ["NAME"], roles: [.supervisor]
    )

    let name: String

    init(_ args: Arguments) throws(ShellError) {
        name = args.positional(0)
    }

    func run(in session: Session) throws -> Output {
        try session.write { store in
            try session.apply(Community.self, name) {
                try Community.add(name: name, state: $0)
            }
        }
        return .created(name, L("added community \(name)", "已添加社区 \(name)"))
    }
}
