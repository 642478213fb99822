import Planner

/// `campaign retract`: retract a logged activity with a reason (it is kept, never deleted)
struct CampaignRetract: Command {
    static let spec = CommandSpec(
        path: ["campaign", "retract"], group: .campaigns, syntax: "A-n --reason TEXT",
        summary: L(
            "Retract a logged activity with a reason (it is kept, never deleted)", "撤回一条活动记录并说明原因（记录保留，不会删除）"),
        example: "campaign retract A-8 --reason 录入重复", positionals: ["A-n"],
        flags: [FlagSpec("reason", "TEXT", required: true)], roles: [.supervisor, .inspector]
    )

    let code: String
    let reason: String

    init(_ args: Arguments) throws(ShellError) {
        code = try args.code(Activity.self)
        reason = try args.requiredString("reason")
    }

    func run(in session: Session) throws -> Output {
        try session.change(Activity.self, code, done: L("retracted \(code)", "已撤回 \(code)")) {
            try Activity.retract(reason: reason, state: $0)
        }
    }
}
