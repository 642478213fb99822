/// A hazard (隐患) found in an inspection or raised by a drill evaluation, followed from finding
/// to closure: open → rectified (整改) → closed (复查 passed), or back to open when the
/// re-inspection fails. A major finding (重大隐患) also carries its report to the authority, a
/// remediation plan, an evaluation and the approval that writes it off (核销).
public struct Finding: Aggregate, Equatable {
    public enum Status: String, Sendable, Codable {
        case open, rectified, closed
    }

    public var code: String?
    public var severity: Severity = .general
    public var foundOn = LocalDate(dayNumber: 0)
    public var text = ""
    /// The deadline as recorded (or last corrected).
    public var due = LocalDate(dayNumber: 0)
    public var status: Status = .open
    /// The date of the latest step, which the next one may not precede.
    public var lastStepOn = LocalDate(dayNumber: 0)
    /// The date of the latest rectification reported: the treatment a major finding's evaluation follows.
    public var rectifiedOn: LocalDate?
    public var reportedOn: LocalDate?
    public var remediationDue: LocalDate?
    public var evaluatedOn: LocalDate?
    public var writtenOffOn: LocalDate?

    public static let initial = Finding(code: nil)

    public var exists: Bool { code != nil }

    public func evolve(_ event: Event) -> Finding {
        var next = self
        switch event {
        case .findingAdded(let e):
            (next.code, next.severity, next.status) = (e.code, e.severity, .after(nil))
            (next.foundOn, next.lastStepOn) = (e.inspectedOn, e.inspectedOn)
            (next.text, next.due) = (e.text, e.due)
        case .findingCorrected(let e):
            next.due = e.due ?? next.due
            next.text = e.text ?? next.text
            next.severity = e.severity ?? next.severity
        case .findingRectified(let e):
            next.status = .after(.rectified)
            next.lastStepOn = e.on
            next.rectifiedOn = e.on
        case .findingVerified(let e):
            next.status = .after(Step(e.result))
            next.lastStepOn = e.on
        case .majorFindingReported(let e):
            next.reportedOn = e.on
        case .remediationPlanned(let e):
            next.remediationDue = e.due
        case .majorFindingEvaluated(let e):
            next.evaluatedOn = e.on
        case .majorFindingWrittenOff(let e):
            next.writtenOffOn = e.on
        default:
            break
        }
        return next
    }

    /// How a deadline is given: a date, or an interval after the finding (`4d`, `5wd`).
    public enum Deadline: Sendable, Equatable {
        case date(LocalDate)
        case within(Interval)

        public var text: String {
            switch self {
            case .date(let date): return date.description
            case .within(let interval): return interval.description
            }
        }

        /// The deadline as a date, fixed by the calendar known now.
        public func due(after found: LocalDate, calendar: HolidayCalendar) -> LocalDate {
            switch self {
            case .date(let date): return date
            case .within(let interval): return interval.after(found, calendar: calendar)
            }
        }
    }

    /// What a new finding records.
    public struct AddCommand: Sendable {
        public var code: String
        public var text: String
        public var severity: Severity
        public var deadline: Deadline
        public var responsible: String?

        public init(code: String, text: String, severity: Severity, deadline: Deadline, responsible: String? = nil) {
            (self.code, self.text, self.severity, self.deadline, self.responsible) = (
                code, text, severity, deadline, responsible
            )
        }
    }

    /// `finding add I-n TEXT --severity S (--due DATE | --within D)`: the deadline is fixed to a
    /// date now, by the calendar known now, as on a rectification notice.
    public static func add(_ command: AddCommand, inspection: Inspection, calendar: HolidayCalendar) throws -> [Event] {
        guard let inspectionCode = inspection.code else { throw DomainError("no such inspection", "没有这次检查") }
        return try raise(
            command, inspection: inspectionCode, drill: nil, unit: inspection.unit, on: inspection.on,
            calendar: calendar)
    }

    /// A finding raised by a drill evaluation's corrective action, dated on the evaluation.
    public static func raise(
        _ command: AddCommand, drill: String, unit: String, on date: LocalDate, calendar: HolidayCalendar
    ) throws -> [Event] {
        try raise(command, inspection: nil, drill: drill, unit: unit, on: date, calendar: calendar)
    }

    private static func raise(
        _ command: AddCommand, inspection: String?, drill: String?, unit: String, on date: LocalDate,
        calendar: HolidayCalendar
    ) throws -> [Event] {
        guard !command.text.isEmpty else { throw DomainError("a finding needs a description", "隐患需要描述") }
        let due = command.deadline.due(after: date, calendar: calendar)
        guard due >= date else {
            throw DomainError("the deadline \(due) is before the finding (\(date))", "整改期限 \(due) 早于发现日期（\(date)）")
        }
        return [
            .findingAdded(
                FindingAdded(
                    code: command.code, inspection: inspection, drill: drill, inspectedOn: date, unit: unit,
                    text: command.text, severity: command.severity, due: due, deadline: command.deadline.text,
                    responsible: command.responsible))
        ]
    }

    /// `finding rectify F-n --on DATE [--note TEXT]`
    public static func rectify(on date: LocalDate, note: String?, today: LocalDate, state: Finding) throws -> [Event] {
        let code = try state.existing()
        switch state.status {
        case .closed:
            throw DomainError("\(code) is closed; a closed finding takes no rectification", "\(code) 已销号，不能再整改")
        case .rectified:
            throw DomainError(
                "\(code) is already rectified and awaits re-inspection (finding verify)",
                "\(code) 已整改，等待复查（finding verify）")
        case .open:
            break
        }
        try state.checkStep(on: date, today: today, what: "rectification", whatZh: "整改")
        return [.findingRectified(FindingRectified(on: date, note: note))]
    }

    /// `finding verify F-n --on DATE --result pass|fail [--note TEXT]`
    public static func verify(
        on date: LocalDate, result: VerificationResult, note: String?, today: LocalDate, state: Finding
    ) throws -> [Event] {
        let code = try state.existing()
        guard state.status == .rectified else {
            throw DomainError(
                state.status == .closed
                    ? "\(code) is already closed"
                    : "\(code) has not been rectified; verify needs a rectification first",
                state.status == .closed ? "\(code) 已销号" : "\(code) 尚未整改；复查前需要先登记整改")
        }
        try state.checkStep(on: date, today: today, what: "re-inspection", whatZh: "复查")
        return [.findingVerified(FindingVerified(on: date, result: result, note: note))]
    }

    /// `finding correct F-n [--due DATE] [--text TEXT] [--severity S] --reason TEXT`: corrects
    /// what was recorded of a finding. The fields given replace the recorded ones; a correction
    /// that changes nothing is refused, a deadline is checked as `finding add` checks one (not
    /// before the finding), and a finding whose major steps (report, remediation plan,
    /// evaluation, write-off) are recorded cannot be made general.
    public static func correct(
        due: LocalDate?, text: String?, severity: Severity?, reason: String, state: Finding
    ) throws -> [Event] {
        let code = try state.existing()
        let changes =
            due.map { $0 != state.due } == true || text.map { $0 != state.text } == true
            || severity.map { $0 != state.severity } == true
        guard changes else {
            throw DomainError(
                "nothing to correct: give --due, --text or --severity with a value other than the recorded one",
                "没有需要更正的内容：请用 --due、--text 或 --severity 给出与登记不同的值")
        }
        guard !reason.isEmpty else { throw DomainError("a correction needs a reason", "更正需要说明原因") }
        if text?.isEmpty == true { throw DomainError("a finding needs a description", "隐患需要描述") }
        if let due, due < state.foundOn {
            throw DomainError(
                "the deadline \(due) is before the finding (\(state.foundOn))", "整改期限 \(due) 早于发现日期（\(state.foundOn)）")
        }
        let majorSteps =
            state.reportedOn != nil || state.remediationDue != nil || state.evaluatedOn != nil
            || state.writtenOffOn != nil
        if severity == .general, state.severity == .major, majorSteps {
            throw DomainError(
                "\(code) has steps of a major finding recorded (report, remediation, evaluation or write-off); it stays major",
                "\(code) 已登记重大隐患的处理步骤（上报、治理方案、评估或核销），不能改为一般隐患")
        }
        return [
            .findingCorrected(
                FindingCorrected(
                    due: due == state.due ? nil : due, text: text == state.text ? nil : text,
                    severity: severity == state.severity ? nil : severity, reason: reason))
        ]
    }

    func existing() throws -> String {
        guard let code else { throw DomainError("no such finding", "没有这个隐患") }
        return code
    }

    func checkStep(on date: LocalDate, today: LocalDate, what: String, whatZh: String) throws {
        guard date <= today else { throw DomainError.future("the \(what)", whatZh, date, today: today) }
        guard date >= lastStepOn else {
            throw DomainError(
                "the \(what) on \(date) is before the previous step (\(lastStepOn))",
                "\(whatZh)日期 \(date) 早于上一步（\(lastStepOn)）")
        }
    }
}
