/// One emergency drill (应急演练) of a plan: scheduled, then held or cancelled, then evaluated.
public struct Drill: Aggregate, Equatable {
    public enum Status: String, Sendable {
        case none, scheduled, cancelled, conducted
    }

    public var code: String?
    public var plan = ""
    public var status: Status = .none
    public var scheduledOn: LocalDate?
    public var conductedOn: LocalDate?
    public var participants: Int?
    public var evacuationSeconds: Int?
    public var rating: DrillRating?
    /// The date of the latest evaluation, which a corrected holding date may not follow.
    public var evaluatedOn: LocalDate?

    public static let initial = Drill(code: nil)

    public var exists: Bool { code != nil }

    public func evolve(_ event: Event) -> Drill {
        var next = self
        switch event {
        case .drillScheduled(let e):
            (next.code, next.plan, next.status, next.scheduledOn) = (e.code, e.plan, .scheduled, e.on)
        case .drillRescheduled(let e):
            next.scheduledOn = e.on
        case .drillCancelled:
            next.status = .cancelled
        case .drillConducted(let e):
            // A drill held without a schedule starts its stream here.
            (next.code, next.plan, next.status, next.conductedOn) = (e.code, e.plan, .conducted, e.on)
            (next.participants, next.evacuationSeconds) = (e.participants, e.evacuationSeconds)
        case .drillEvaluated(let e):
            next.rating = e.rating
            next.evaluatedOn = e.on.map { max(next.evaluatedOn ?? $0, $0) } ?? next.evaluatedOn
        case .drillCorrected(let e):
            next.conductedOn = e.on ?? next.conductedOn
            next.participants = e.participants ?? next.participants
            next.evacuationSeconds = e.evacuationSeconds ?? next.evacuationSeconds
        default:
            break
        }
        return next
    }

    /// The plan and its unit, as a drill command needs them.
    public struct Context: Sendable {
        public var plan: Plan
        public var unit: Unit
        public var today: LocalDate

        public init(plan: Plan, unit: Unit, today: LocalDate) {
            (self.plan, self.unit, self.today) = (plan, unit, today)
        }
    }

    /// `drill schedule P-n --on DATE …`: a drill may be scheduled before its plan takes effect,
    /// for a date on or after the plan's start, and for any date (back-filling is normal).
    public static func schedule(
        code: String, on date: LocalDate, form: DrillForm?, scope: DrillScope?, scenario: String?,
        context: Context
    ) throws -> [Event] {
        let plan = try context.schedulable(on: date)
        return [
            .drillScheduled(
                DrillScheduled(code: code, plan: plan, on: date, form: form, scope: scope, scenario: scenario))
        ]
    }

    /// `drill reschedule D-n --on DATE --reason TEXT`
    public static func reschedule(on date: LocalDate, reason: String, context: Context, state: Drill) throws
        -> [Event]
    {
        let code = try state.existing()
        guard state.status == .scheduled else { throw state.notScheduled(code, "reschedule", "改期") }
        _ = try context.schedulable(on: date)
        return [.drillRescheduled(DrillRescheduled(on: date, reason: reason))]
    }

    /// `drill cancel D-n --reason TEXT`
    public static func cancel(reason: String, state: Drill) throws -> [Event] {
        let code = try state.existing()
        guard state.status == .scheduled else { throw state.notScheduled(code, "cancel", "取消") }
        return [.drillCancelled(DrillCancelled(reason: reason))]
    }

    /// `drill record D-n --on DATE …` (a scheduled drill) or `drill record P-n …` (unscheduled,
    /// `state` is then the initial state and `code` the new drill's code).
    public static func record(
        code: String, on date: LocalDate, participants: Int?, evacuationSeconds: Int?, note: String?,
        context: Context, state: Drill
    ) throws -> [Event] {
        if state.code != nil {
            switch state.status {
            case .conducted:
                throw DomainError(
                    "\(code) was already recorded as held on \(state.conductedOn.map(String.init(describing:)) ?? "?")",
                    "\(code) 已登记于 \(state.conductedOn.map(String.init(describing:)) ?? "?") 举行")
            case .cancelled:
                throw DomainError(
                    "\(code) was cancelled; record the drill against its plan instead",
                    "\(code) 已取消；请按预案登记实际举行的演练")
            case .none, .scheduled:
                break
            }
        }
        let planCode = try context.holdable(on: date)
        if let participants, participants < 0 {
            throw DomainError("participants cannot be negative", "参加人数不能为负数")
        }
        return [
            .drillConducted(
                DrillConducted(
                    code: code, plan: planCode, on: date, participants: participants,
                    evacuationSeconds: evacuationSeconds, note: note))
        ]
    }

    /// `drill evaluate D-n --rating R [--report TEXT] [--on DATE] [--action TEXT …]`: `findings`
    /// are the codes of the findings its corrective actions raise.
    public static func evaluate(
        rating: DrillRating, report: String?, on date: LocalDate, findings: [String], today: LocalDate, state: Drill
    ) throws -> [Event] {
        let code = try state.existing()
        guard state.status == .conducted, let conductedOn = state.conductedOn else {
            throw DomainError(
                "\(code) has not been held yet; evaluate it after recording it with drill record",
                "\(code) 尚未举行；请先用 drill record 登记再评估")
        }
        guard date <= today else { throw DomainError.future("the evaluation of \(code)", "演练评估", date, today: today) }
        guard date >= conductedOn else {
            throw DomainError(
                "the evaluation on \(date) is before the drill (\(conductedOn))", "评估日期 \(date) 早于演练日期（\(conductedOn)）")
        }
        return [
            .drillEvaluated(
                DrillEvaluated(on: date, rating: rating, report: report, findings: findings.isEmpty ? nil : findings))
        ]
    }

    /// `drill correct D-n [--on DATE] [--participants N] [--evacuation DURATION] --reason TEXT`:
    /// corrects what was recorded of a held drill. The fields given replace the recorded ones;
    /// a correction that changes nothing is refused, and a corrected date is checked as
    /// `drill record` checks one (not after today, not before the plan took effect, not once
    /// the plan was retired or its unit closed), and may not follow the drill's evaluation.
    public static func correct(
        on date: LocalDate?, participants: Int?, evacuationSeconds: Int?, reason: String, context: Context,
        state: Drill
    ) throws -> [Event] {
        let code = try state.existing()
        guard state.status == .conducted else {
            throw DomainError(
                "\(code) has not been held; only a held drill's record can be corrected (drill reschedule moves a scheduled one)",
                "\(code) 尚未举行，只能更正已举行演练的登记（已安排的演练请用 drill reschedule 改期）")
        }
        let changes =
            date.map { $0 != state.conductedOn } == true || participants.map { $0 != state.participants } == true
            || evacuationSeconds.map { $0 != state.evacuationSeconds } == true
        guard changes else {
            throw DomainError(
                "nothing to correct: give --on, --participants or --evacuation with a value other than the recorded one",
                "没有需要更正的内容：请用 --on、--participants 或 --evacuation 给出与登记不同的值")
        }
        guard !reason.isEmpty else { throw DomainError("a correction needs a reason", "更正需要说明原因") }
        if let date {
            _ = try context.holdable(on: date)
            if let evaluatedOn = state.evaluatedOn, date > evaluatedOn {
                throw DomainError(
                    "\(code) was evaluated on \(evaluatedOn); the drill cannot have been held after that (\(date))",
                    "\(code) 已于 \(evaluatedOn) 评估，举行日期不能晚于评估日期（\(date)）")
            }
        }
        return [
            .drillCorrected(
                DrillCorrected(
                    on: date == state.conductedOn ? nil : date,
                    participants: participants == state.participants ? nil : participants,
                    evacuationSeconds: evacuationSeconds == state.evacuationSeconds ? nil : evacuationSeconds,
                    reason: reason))
        ]
    }

    func existing() throws -> String {
        guard let code else { throw DomainError("no such drill", "没有这个演练") }
        return code
    }

    func notScheduled(_ code: String, _ verb: String, _ verbZh: String) -> DomainError {
        DomainError(
            "\(code) is \(status == .conducted ? "already held" : status.rawValue); only a scheduled drill can be \(verb)d",
            "\(code) 状态为\(status == .conducted ? "已举行" : status == .cancelled ? "已取消" : "未安排")，只有已安排的演练才能\(verbZh)")
    }
}

extension Drill.Context {
    /// The plan's code when a drill of it may have been held on `date`: not after today, not
    /// before the plan took effect, not once it was retired or its unit closed.
    func holdable(on date: LocalDate) throws -> String {
        let planCode = try plan.existing()
        guard date <= today else { throw DomainError.future("the drill", "演练", date, today: today) }
        guard date >= plan.from else {
            throw DomainError(
                "the drill on \(date) is before \(planCode) took effect (\(plan.from))",
                "演练日期 \(date) 早于预案 \(planCode) 生效日期（\(plan.from)）")
        }
        if let retiredOn = plan.retiredOn, retiredOn <= date {
            throw DomainError("\(planCode) was retired on \(retiredOn)", "\(planCode) 已于 \(retiredOn) 废止")
        }
        if let closedOn = unit.closedOn, closedOn <= date {
            throw DomainError("unit \(plan.unit) was closed on \(closedOn)", "单位 \(plan.unit) 已于 \(closedOn) 关闭")
        }
        return planCode
    }

    /// The plan's code when a drill may be scheduled for `date`.
    func schedulable(on date: LocalDate) throws -> String {
        let code = try plan.existing()
        if let retiredOn = plan.retiredOn {
            throw DomainError("\(code) was retired on \(retiredOn)", "\(code) 已于 \(retiredOn) 废止")
        }
        if let closedOn = unit.closedOn {
            throw DomainError("unit \(plan.unit) was closed on \(closedOn)", "单位 \(plan.unit) 已于 \(closedOn) 关闭")
        }
        guard date >= plan.from else {
            throw DomainError(
                "\(date) is before \(code) takes effect (\(plan.from)); schedule on or after that date",
                "\(date) 早于预案 \(code) 生效日期（\(plan.from)），请安排在该日期之后")
        }
        return code
    }
}
