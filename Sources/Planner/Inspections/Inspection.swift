/// An inspection of a unit on a date; the hazards found are findings of their own.
public struct Inspection: Aggregate, Equatable {
    public var code: String?
    public var unit = ""
    public var on = LocalDate(dayNumber: 0)

    public static let initial = Inspection(code: nil)

    public func evolve(_ event: Event) -> Inspection {
        guard case .inspectionRecorded(let e) = event else { return self }
        return Inspection(code: e.code, unit: e.unit, on: e.on)
    }

    /// `inspection record UNIT --on DATE [--inspector NAME] [--kind KIND]`
    public static func record(
        code: String, unitName: String, unit: Unit, on date: LocalDate, inspector: String?, kind: InspectionKind?,
        today: LocalDate
    ) throws -> [Event] {
        guard unit.exists else { throw DomainError("no unit \(unitName)", "没有名为 \(unitName) 的单位") }
        guard date <= today else { throw DomainError.future("the inspection", "检查", date, today: today) }
        if let closedOn = unit.closedOn, closedOn <= date {
            throw DomainError("unit \(unitName) was closed on \(closedOn)", "单位 \(unitName) 已于 \(closedOn) 关闭")
        }
        return [
            .inspectionRecorded(
                InspectionRecorded(code: code, unit: unitName, on: date, inspector: inspector, kind: kind))
        ]
    }
}

/// A hazard (隐患) found in an inspection, followed from finding to closure:
/// open → rectified (整改) → closed (复查 passed), or back to open when the re-inspection fails.
public struct Finding: Aggregate, Equatable {
    public enum Status: String, Sendable, Codable {
        case open, rectified, closed
    }

    public var code: String?
    public var inspectedOn = LocalDate(dayNumber: 0)
    public var status: Status = .open
    /// The date of the latest step, which the next one may not precede.
    public var lastStepOn = LocalDate(dayNumber: 0)

    public static let initial = Finding(code: nil)

    public func evolve(_ event: Event) -> Finding {
        var next = self
        switch event {
        case .findingAdded(let e):
            next.code = e.code
            next.inspectedOn = e.inspectedOn
            next.status = .open
        case .findingRectified(let e):
            next.status = .rectified
            next.lastStepOn = e.on
        case .findingVerified(let e):
            next.status = e.result == .pass ? .closed : .open
            next.lastStepOn = e.on
        default:
            break
        }
        return next
    }

    /// How a deadline is given: a date, or an interval after the inspection (`4d`, `5wd`).
    public enum Deadline: Sendable, Equatable {
        case date(LocalDate)
        case within(Interval)

        public var text: String {
            switch self {
            case .date(let date): return date.description
            case .within(let interval): return interval.description
            }
        }
    }

    /// `finding add I-n TEXT --severity S (--due DATE | --within D)`: the deadline is fixed to a
    /// date now, by the calendar known now, as on a rectification notice.
    public static func add(
        code: String, text: String, severity: Severity, deadline: Deadline, inspection: Inspection,
        calendar: HolidayCalendar
    ) throws -> [Event] {
        guard let inspectionCode = inspection.code else { throw DomainError("no such inspection", "没有这次检查") }
        guard !text.isEmpty else { throw DomainError("a finding needs a description", "隐患需要描述") }
        let due: LocalDate
        switch deadline {
        case .date(let date): due = date
        case .within(let interval): due = interval.after(inspection.on, calendar: calendar)
        }
        guard due >= inspection.on else {
            throw DomainError(
                "the deadline \(due) is before the inspection (\(inspection.on))",
                "整改期限 \(due) 早于检查日期（\(inspection.on)）")
        }
        return [
            .findingAdded(
                FindingAdded(
                    code: code, inspection: inspectionCode, inspectedOn: inspection.on, unit: inspection.unit,
                    text: text, severity: severity,
                    due: due, deadline: deadline.text))
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

    func existing() throws -> String {
        guard let code else { throw DomainError("no such finding", "没有这个隐患") }
        return code
    }

    func checkStep(on date: LocalDate, today: LocalDate, what: String, whatZh: String) throws {
        guard date <= today else { throw DomainError.future("the \(what)", whatZh, date, today: today) }
        let earliest = max(inspectedOn, lastStepOn)
        guard date >= earliest else {
            throw DomainError(
                "the \(what) on \(date) is before the previous step (\(earliest))",
                "\(whatZh)日期 \(date) 早于上一步（\(earliest)）")
        }
    }
}
