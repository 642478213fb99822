import Planner
import PlannerStore

/// `campaign log`: log a publicity activity held by a community
struct CampaignLog: Command {
    static let configuration = CommandSpec(
        path: ["campaign", "log"], aliases: [["宣传", "登记"]], group: .campaigns,
        syntax: "NAME --community C --on DATE [--activity TEXT] [--leaflets N] [--attendees N]",
        summary: L("Log a publicity activity held by a community", "登记社区开展的宣传活动"),
        example: "campaign log 消防周宣传 --community 江岸社区 --on 2017-01-14 --activity 宣传点 --leaflets 122 --attendees 9",
        roles: [.supervisor, .inspector]
    )

    @Positional("NAME") var name: String
    @Flag("community", "C") var community: String
    @Flag("on", "DATE") var date: LocalDate
    @Flag("activity", "TEXT") var activity: String?
    @Flag("leaflets", "N", as: .count) var leaflets: Int?
    @Flag("attendees", "N", as: .count) var attendees: Int?

    func run(in session: Session) throws -> Output {
        let code = try session.write { store in
            let campaign = try session.load(Campaign.self, name)
            let place = try session.load(Community.self, community)
            let code = try store.nextCode("A")
            let command = Activity.LogCommand(
                code: code, campaign: name, community: community, on: date, activity: activity,
                leaflets: leaflets, attendees: attendees)
            try session.apply(Activity.self, code) { _ in
                try Activity.log(command, campaign: campaign, community: place, today: session.today)
            }
            return code
        }
        return .created(code, L("logged \(code) for \(community)", "已登记 \(community) 的活动 \(code)"))
    }
}
