/// A publicity programme (宣传) owed by communities weekly, monthly, quarterly, per holiday, or
/// once a year around a fixed day or in a fixed month.
public struct Campaign: Aggregate, Equatable {
    public var name: String?
    public var cadence: Cadence = .weekly
    public var windowDays = 7
    public var day: FixedDay?
    public var month: Int?
    public var communities: [String]?

    public static let initial = Campaign(name: nil)

    public var exists: Bool { name != nil }

    public func evolve(_ event: Event) -> Campaign {
        guard case .campaignDefined(let e) = event else { return self }
        return Campaign(
            name: e.name, cadence: e.cadence, windowDays: e.windowDays, day: e.day, month: e.month,
            communities: e.communities)
    }

    /// True when the community owes this campaign.
    public func covers(community: String) -> Bool {
        communities?.contains(community) ?? true
    }

    /// `campaign define NAME --cadence C [--on MM-DD | --month M] [--window D] [--communities C1,C2]`;
    /// `unknown` lists the named communities that do not exist.
    public static func define(
        name: String, cadence: Cadence, day: FixedDay? = nil, month: Int? = nil, window: Interval?,
        communities: [String]?, unknown: [String], state: Campaign
    ) throws -> [Event] {
        try DomainError.checkName(name, "campaign", "宣传活动")
        guard !state.exists else { throw DomainError("campaign \(name) already exists", "宣传活动 \(name) 已存在") }
        if let first = unknown.first {
            throw DomainError("no community \(first)", "没有名为 \(first) 的社区")
        }
        try checkDayAndMonth(cadence: cadence, day: day, month: month, window: window)
        var days = 7
        if let window {
            switch window.unit {
            case .days: days = window.count
            case .weeks: days = window.count * 7
            default:
                throw DomainError(
                    "a window is counted in days or weeks (e.g. 7d), not \(window)", "窗口以天或周计（如 7d），不能是 \(window)")
            }
        }
        if let communities, communities.isEmpty {
            throw DomainError("--communities needs at least one community", "--communities 至少要有一个社区")
        }
        return [
            .campaignDefined(
                CampaignDefined(
                    name: name, cadence: cadence, windowDays: days, day: day, month: month, communities: communities))
        ]
    }

    /// A fixed-day campaign names its day and a fixed-month one its month; no other takes either,
    /// and a month, counted whole, takes no window.
    static func checkDayAndMonth(cadence: Cadence, day: FixedDay?, month: Int?, window: Interval?) throws {
        switch cadence {
        case .fixedDay where day == nil:
            throw DomainError(
                "a fixed-day campaign needs --on MM-DD (e.g. --on 11-09, or --on 03-last-mon)",
                "固定日宣传需要 --on MM-DD（如 --on 11-09，或 --on 03-last-mon）")
        case .fixedMonth where month == nil:
            throw DomainError(
                "a fixed-month campaign needs --month M (e.g. --month 6)", "固定月宣传需要 --month M（如 --month 6）")
        case .fixedMonth where window != nil:
            throw DomainError(
                "a fixed-month campaign counts its whole month; --window goes with holiday and fixed-day campaigns",
                "固定月宣传按整月计；--window 只用于节日和固定日宣传")
        default:
            break
        }
        if day != nil && cadence != .fixedDay {
            throw DomainError("--on goes with --cadence fixed-day", "--on 只用于 --cadence fixed-day")
        }
        if let month {
            guard cadence == .fixedMonth else {
                throw DomainError("--month goes with --cadence fixed-month", "--month 只用于 --cadence fixed-month")
            }
            guard (1...12).contains(month) else {
                throw DomainError("--month \(month) is not a month; give 1 to 12", "--month \(month) 不是月份；应为 1 到 12")
            }
        }
    }
}

/// One logged publicity activity, which can be retracted with a reason but never deleted.
public struct Activity: Aggregate, Equatable {
    public var code: String?
    public var retracted = false

    public static let initial = Activity(code: nil)

    public var exists: Bool { code != nil }

    public func evolve(_ event: Event) -> Activity {
        var next = self
        switch event {
        case .activityLogged(let e): next.code = e.code
        case .activityRetracted: next.retracted = true
        default: break
        }
        return next
    }

    /// What `campaign log` records: the event itself, once the checks below pass.
    public typealias LogCommand = ActivityLogged

    /// `campaign log NAME --community C --on DATE …`
    public static func log(_ command: LogCommand, campaign: Campaign, community: Community, today: LocalDate) throws
        -> [Event]
    {
        guard campaign.exists else {
            throw DomainError("no campaign \(command.campaign)", "没有名为 \(command.campaign) 的宣传活动")
        }
        guard community.exists else {
            throw DomainError("no community \(command.community)", "没有名为 \(command.community) 的社区")
        }
        guard campaign.covers(community: command.community) else {
            throw DomainError(
                "\(command.community) is not in the scope of \(command.campaign) (\((campaign.communities ?? []).joined(separator: ",")))",
                "\(command.community) 不在 \(command.campaign) 的范围内（\((campaign.communities ?? []).joined(separator: "、"))）"
            )
        }
        guard command.on <= today else {
            throw DomainError.future("the activity", "活动", command.on, today: today)
        }
        for (value, name) in [(command.leaflets, "leaflets"), (command.attendees, "attendees")] {
            if let value, value < 0 {
                throw DomainError("--\(name) cannot be negative", "--\(name) 不能为负数")
            }
        }
        return [.activityLogged(command)]
    }

    /// `campaign retract A-n --reason TEXT`
    public static func retract(reason: String, state: Activity) throws -> [Event] {
        guard let code = state.code else { throw DomainError("no such activity", "没有这条活动记录") }
        guard !state.retracted else { throw DomainError("\(code) was already retracted", "\(code) 已撤回") }
        guard !reason.isEmpty else { throw DomainError("a retraction needs a reason", "撤回需要说明原因") }
        return [.activityRetracted(ActivityRetracted(reason: reason))]
    }
}
