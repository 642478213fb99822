import Planner

/// `drill correct`: correct what was recorded of a held drill, with the reason
struct DrillCorrect: Command {
    static let configuration = CommandSpec(
        path: ["drill", "correct"], group: .plansAndDrills,
        syntax: "D-n [--on DATE] [--participants N] [--evacuation DURATION] --reason TEXT",
        summary: L("Correct what was recorded of a held drill, with the reason", "更正已举行演练的登记，并说明原因"),
        details: L(
            "The correction is a new record: history shows the original and the correction, and a report asked with set recorded-as-of before the correction gives the old answer.",
            "更正是一条新记录：history 同时显示原记录和更正；用 set recorded-as-of 查询更正之前的时点，报表给出原来的结果。"),
        example: "drill correct D-3 --on 2017-04-12 --reason 登记日期有误",
        roles: [.supervisor]
    )

    @Positional(code: Drill.self) var code: String
    @Flag("on", "DATE") var date: LocalDate?
    @Flag("participants", "N", as: .count) var participants: Int?
    @Flag("evacuation", "DURATION", as: .seconds) var evacuation: Int?
    @Flag("reason", "TEXT") var reason: String

    func run(in session: Session) throws -> Output {
        try session.change(Drill.self, code, done: L("corrected \(code)", "\(code) 已更正")) { drill in
            try Drill.correct(
                on: date, participants: participants, evacuationSeconds: evacuation, reason: reason,
                context: try session.drillContext(plan: drill.plan), state: drill)
        }
    }
}
