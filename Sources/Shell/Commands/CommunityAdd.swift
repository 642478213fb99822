import Planner

/// `community add`: add a community (社区)
struct CommunityAdd: Command {
    static let configuration = CommandSpec(
        path: ["community", "add"], aliases: [["社区", "添加"]], group: .organisation, syntax: "NAME",
        summary: L("Add a community (社区)", "添加社区"), example: "community add 江岸社区", roles: [.supervisor]
    )

    @Positional("NAME") var name: String

    func run(in session: Session) throws -> Output {
        try session.write { store in
            try session.apply(Community.self, name) {
                try Community.add(name: name, state: $0)
            }
        }
        return .created(name, L("added community \(name)", "已添加社区 \(name)"))
    }
}
