import Planner

/// `campaign retract`: retract a logged activity with a reason (it is kept, never deleted)
struct CampaignRetract: Command {
    static let configuration = CommandSpec(
        path: ["campaign", "retract"], group: .campaigns, syntax: "A-n --reason TEXT",
        summary: L(
            "Retract a logged activity with a reason (it is kept, never deleted)", "撤回一条活动记录并说明原因（记录保留，不会删除）"),
        example: "campaign retract A-8 --reason 录入重复", roles: [.supervisor, .inspector]
    )

    @Positional(code: Activity.self) var code: String
    @Flag("reason", "TEXT") var reason: String

    func run(in session: Session) throws -> Output {
        try session.change(Activity.self, code, done: L("retracted \(code)", "已撤回 \(code)")) {
            try Activity.retract(reason: reason, state: $0)
        }
    }
}
