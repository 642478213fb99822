/// An emergency plan (应急预案) of a unit, with the drill cadence it owes.
public struct Plan: Aggregate, Equatable {
    public var code: String?
    public var name = ""
    public var unit = ""
    public var level: PlanLevel = .special
    public var everyMonths = 12
    public var from = LocalDate(dayNumber: 0)
    public var retiredOn: LocalDate?

    public static let initial = Plan(code: nil)

    public var exists: Bool { code != nil }

    public func evolve(_ event: Event) -> Plan {
        var next = self
        switch event {
        case .planAdded(let e):
            (next.code, next.name, next.unit) = (e.code, e.name, e.unit)
            (next.level, next.everyMonths, next.from) = (e.level, e.everyMonths, e.from)
        case .planRetired(let e):
            next.retiredOn = e.on
        case .planCorrected(let e):
            next.everyMonths = e.everyMonths ?? next.everyMonths
            next.from = e.from ?? next.from
            next.level = e.level ?? next.level
        default:
            break
        }
        return next
    }

    /// What `plan add` asks for; the cadence is explicit or left to the rule catalogue.
    public struct AddCommand: Sendable {
        public var code: String
        public var name: String
        public var unitName: String
        public var level: PlanLevel
        public var hazard: String?
        public var every: Interval?
        public var from: LocalDate

        public init(
            code: String, name: String, unitName: String, level: PlanLevel, hazard: String?, every: Interval?,
            from: LocalDate
        ) {
            (self.code, self.name, self.unitName, self.level, self.hazard, self.every, self.from) = (
                code, name, unitName, level, hazard, every, from
            )
        }
    }

    /// `plan add NAME --unit U --level L [--hazard T] [--every D] [--from DATE]`
    public static func add(_ command: AddCommand, unit: Unit, catalogue: RuleCatalogue) throws -> [Event] {
        guard unit.exists else {
            throw DomainError("no unit \(command.unitName)", "没有名为 \(command.unitName) 的单位")
        }
        if unit.isClosed(on: command.from) {
            throw DomainError(
                "unit \(command.unitName) is closed; a closed unit takes no new plans",
                "单位 \(command.unitName) 已关闭，不能再添加预案")
        }
        let months: Int
        let rule: String?
        if let every = command.every {
            guard let explicit = every.months else {
                throw DomainError(
                    "a drill cadence is counted in months or years (e.g. 6m, 1y), not \(every)",
                    "演练周期以月或年计（如 6m、1y），不能是 \(every)")
            }
            months = explicit
            rule = nil
        } else {
            guard
                let decided = catalogue.drillCadence(
                    kind: unit.kind, keyFireUnit: unit.keyFireUnit, level: command.level, on: command.from),
                let ruleMonths = decided.months
            else {
                throw DomainError(
                    "no drill rule applies to \(command.unitName) (\(unit.kind.rawValue)); give the cadence with --every",
                    "没有适用于 \(command.unitName)（\(unit.kind.rawValue)）的演练规则；请用 --every 给出周期")
            }
            months = ruleMonths
            rule = decided.id
        }
        return [
            .planAdded(
                PlanAdded(
                    code: command.code, name: command.name, unit: command.unitName, level: command.level,
                    hazard: command.hazard, everyMonths: months, rule: rule, from: command.from))
        ]
    }

    /// `plan revise P-n --on DATE --reason TEXT`
    public static func revise(on date: LocalDate, reason: String, finding: String?, today: LocalDate, state: Plan)
        throws -> [Event]
    {
        let code = try state.active(on: date)
        guard date <= today else { throw DomainError.future("the revision of \(code)", "预案修订", date, today: today) }
        return [.planRevised(PlanRevised(on: date, reason: reason, finding: finding))]
    }

    /// `plan evaluate P-n --on DATE [--note TEXT]`
    public static func evaluate(on date: LocalDate, note: String?, today: LocalDate, state: Plan) throws -> [Event] {
        let code = try state.active(on: date)
        guard date <= today else { throw DomainError.future("the evaluation of \(code)", "预案评估", date, today: today) }
        return [.planEvaluated(PlanEvaluated(on: date, note: note))]
    }

    /// `plan retire P-n --on DATE`
    public static func retire(on date: LocalDate, state: Plan) throws -> [Event] {
        let code = try state.existing()
        if let retiredOn = state.retiredOn {
            throw DomainError("\(code) was already retired on \(retiredOn)", "\(code) 已于 \(retiredOn) 废止")
        }
        return [.planRetired(PlanRetired(on: date))]
    }

    func existing() throws -> String {
        guard let code else { throw DomainError("no such plan", "没有这个预案") }
        return code
    }

    /// The plan's code when it has not been retired by `date`.
    func active(on date: LocalDate) throws -> String {
        let code = try existing()
        if let retiredOn, retiredOn <= date {
            throw DomainError("\(code) was retired on \(retiredOn)", "\(code) 已于 \(retiredOn) 废止")
        }
        return code
    }

    /// `plan correct P-n [--every DURATION] [--from DATE] [--level LEVEL] --reason TEXT`: the
    /// fields given replace the recorded ones; a correction that changes nothing is refused. The
    /// cadence is counted in months, as `plan add` counts it. A plan cannot take effect after a
    /// drill of it was held (`firstHeld`, the earliest), nor once retired or its unit closed:
    /// `drill record` would have refused that drill.
    public static func correct(
        every: Interval?, from: LocalDate?, level: PlanLevel?, reason: String, firstHeld: LocalDate?, state: Plan
    ) throws -> [Event] {
        guard let code = state.code else { throw DomainError("no such plan", "没有这个预案") }
        var months: Int?
        if let every {
            guard let explicit = every.months else {
                throw DomainError(
                    "a drill cadence is counted in months or years (e.g. 6m, 1y), not \(every)",
                    "演练周期以月或年计（如 6m、1y），不能是 \(every)")
            }
            months = explicit
        }
        let changes =
            months.map { $0 != state.everyMonths } == true || from.map { $0 != state.from } == true
            || level.map { $0 != state.level } == true
        guard changes else {
            throw DomainError(
                "nothing to correct: give --every, --from or --level with a value other than the recorded one",
                "没有需要更正的内容：请用 --every、--from 或 --level 给出与登记不同的值")
        }
        guard !reason.isEmpty else { throw DomainError("a correction needs a reason", "更正需要说明原因") }
        if let from {
            if let firstHeld, from > firstHeld {
                throw DomainError(
                    "a drill of \(code) was held on \(firstHeld); the plan cannot take effect after that (\(from))",
                    "预案 \(code) 的演练已于 \(firstHeld) 举行，生效日期不能晚于该日（\(from)）")
            }
            if let retiredOn = state.retiredOn, from >= retiredOn {
                throw DomainError(
                    "\(code) was retired on \(retiredOn); it cannot take effect on \(from)",
                    "\(code) 已于 \(retiredOn) 废止，生效日期不能是 \(from)")
            }
        }
        return [
            .planCorrected(
                PlanCorrected(
                    everyMonths: months == state.everyMonths ? nil : months, from: from == state.from ? nil : from,
                    level: level == state.level ? nil : level, reason: reason))
        ]
    }
}
