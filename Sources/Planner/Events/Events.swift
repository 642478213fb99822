/// The facts Vigil records. Each case is one event type in the log; its payload is the data.
///
/// Dates in payloads are the dates things happened (the drill date, the inspection date); the
/// time an event was recorded and who recorded it are stamped by the database.
public enum Event: Sendable, Equatable {
    case communityAdded(CommunityAdded)
    case unitAdded(UnitAdded)
    case unitReclassified(UnitReclassified)
    case unitClosed(UnitClosed)
    case unitMoved(UnitMoved)
    case planAdded(PlanAdded)
    case planRevised(PlanRevised)
    case planEvaluated(PlanEvaluated)
    case planRetired(PlanRetired)
    case planCorrected(PlanCorrected)
    case drillScheduled(DrillScheduled)
    case drillRescheduled(DrillRescheduled)
    case drillCancelled(DrillCancelled)
    case drillConducted(DrillConducted)
    case drillEvaluated(DrillEvaluated)
    case drillCorrected(DrillCorrected)
    case campaignDefined(CampaignDefined)
    case activityLogged(ActivityLogged)
    case activityRetracted(ActivityRetracted)
    case holidayNoticeImported(HolidayNoticeImported)
    case inspectionRecorded(InspectionRecorded)
    case findingAdded(FindingAdded)
    case findingRectified(FindingRectified)
    case findingVerified(FindingVerified)
    case majorFindingReported(MajorFindingReported)
    case remediationPlanned(RemediationPlanned)
    case majorFindingEvaluated(MajorFindingEvaluated)
    case majorFindingWrittenOff(MajorFindingWrittenOff)
    case findingCorrected(FindingCorrected)
    case budgetSet(BudgetSet)
    case expenseRecorded(ExpenseRecorded)
    case expenseRetracted(ExpenseRetracted)
    case targetSet(TargetSet)
}

public struct CommunityAdded: EventPayload {
    public var name: String

    public init(name: String) {
        self.name = name
    }
}

public struct UnitAdded: EventPayload {
    public var name: String
    public var community: String
    public var kind: UnitKind
    public var keyFireUnit: Bool

    public init(name: String, community: String, kind: UnitKind, keyFireUnit: Bool) {
        (self.name, self.community, self.kind, self.keyFireUnit) = (name, community, kind, keyFireUnit)
    }
}

public struct UnitReclassified: EventPayload {
    public var kind: UnitKind?
    public var keyFireUnit: Bool?

    public init(kind: UnitKind? = nil, keyFireUnit: Bool? = nil) {
        (self.kind, self.keyFireUnit) = (kind, keyFireUnit)
    }
}

public struct UnitClosed: EventPayload {
    public var on: LocalDate

    public init(on: LocalDate) {
        self.on = on
    }
}

/// A unit filed under the wrong community, moved to its own (`unit move`) with the reason: a
/// correction, so reports read the new community from the instant it was recorded.
public struct UnitMoved: EventPayload {
    public var community: String
    public var reason: String

    public init(community: String, reason: String) {
        (self.community, self.reason) = (community, reason)
    }
}

public struct PlanAdded: EventPayload {
    public var code: String
    public var name: String
    public var unit: String
    public var level: PlanLevel
    public var hazard: String?
    /// The drill cadence in months.
    public var everyMonths: Int
    /// The rule that decided the cadence, or nil when it was given explicitly.
    public var rule: String?
    public var from: LocalDate

    public init(
        code: String, name: String, unit: String, level: PlanLevel, hazard: String? = nil, everyMonths: Int,
        rule: String? = nil, from: LocalDate
    ) {
        (self.code, self.name, self.unit, self.level, self.hazard, self.everyMonths, self.rule, self.from) = (
            code, name, unit, level, hazard, everyMonths, rule, from
        )
    }
}

public struct PlanRevised: EventPayload {
    public var on: LocalDate
    public var reason: String
    /// The finding that triggered the revision, when one did.
    public var finding: String?
}

public struct PlanEvaluated: EventPayload {
    public var on: LocalDate
    public var note: String?
}

public struct PlanRetired: EventPayload {
    public var on: LocalDate
}

/// A correction of what was recorded of a plan (`plan correct`): each field given replaces the
/// recorded one; the reason says why. The original stays in the log.
public struct PlanCorrected: EventPayload {
    public var everyMonths: Int?
    public var from: LocalDate?
    public var level: PlanLevel?
    public var reason: String

    public init(everyMonths: Int? = nil, from: LocalDate? = nil, level: PlanLevel? = nil, reason: String) {
        (self.everyMonths, self.from, self.level, self.reason) = (everyMonths, from, level, reason)
    }
}

/// How a drill is held.
public enum DrillForm: String, Codable, Sendable, CaseIterable {
    /// 桌面演练
    case tabletop
    /// 实战演练
    case live
}

/// What a drill covers.
public enum DrillScope: String, Codable, Sendable, CaseIterable {
    /// 单项演练
    case single
    /// 综合演练
    case comprehensive
}

public enum DrillRating: String, Codable, Sendable, CaseIterable {
    case good, adequate, poor
}

public struct DrillScheduled: EventPayload {
    public var code: String
    public var plan: String
    public var on: LocalDate
    public var form: DrillForm?
    public var scope: DrillScope?
    public var scenario: String?

    public init(
        code: String, plan: String, on: LocalDate, form: DrillForm? = nil, scope: DrillScope? = nil,
        scenario: String? = nil
    ) {
        (self.code, self.plan, self.on, self.form, self.scope, self.scenario) = (code, plan, on, form, scope, scenario)
    }
}

public struct DrillRescheduled: EventPayload {
    public var on: LocalDate
    public var reason: String
}

public struct DrillCancelled: EventPayload {
    public var reason: String
}

public struct DrillConducted: EventPayload {
    public var code: String
    public var plan: String
    public var on: LocalDate
    public var participants: Int?
    public var evacuationSeconds: Int?
    public var note: String?
    /// Photos and documents carried as evidence.
    public var photos: [Attachment]?

    public init(
        code: String, plan: String, on: LocalDate, participants: Int? = nil, evacuationSeconds: Int? = nil,
        note: String? = nil, photos: [Attachment]? = nil
    ) {
        (self.code, self.plan, self.on, self.participants, self.evacuationSeconds, self.note, self.photos) = (
            code, plan, on, participants, evacuationSeconds, note, photos
        )
    }
}

public struct DrillEvaluated: EventPayload {
    public var on: LocalDate?
    public var rating: DrillRating
    public var report: String?
    /// The findings raised by the evaluation's corrective actions.
    public var findings: [String]?

    public init(on: LocalDate? = nil, rating: DrillRating, report: String? = nil, findings: [String]? = nil) {
        (self.on, self.rating, self.report, self.findings) = (on, rating, report, findings)
    }
}

/// A correction of what was recorded of a drill's holding (`drill correct`): each field given
/// replaces the recorded one; the reason says why. The original stays in the log.
public struct DrillCorrected: EventPayload {
    public var on: LocalDate?
    public var participants: Int?
    public var evacuationSeconds: Int?
    public var reason: String

    public init(on: LocalDate? = nil, participants: Int? = nil, evacuationSeconds: Int? = nil, reason: String) {
        (self.on, self.participants, self.evacuationSeconds, self.reason) = (
            on, participants, evacuationSeconds, reason
        )
    }
}

public struct CampaignDefined: EventPayload {
    public var name: String
    public var cadence: Cadence
    public var windowDays: Int
    /// The day of a fixed-day campaign (`11-09`, `03-last-mon`); absent for other cadences.
    public var day: FixedDay?
    /// The month (1–12) of a fixed-month campaign; absent for other cadences.
    public var month: Int?
    /// The communities that owe it; nil means every community.
    public var communities: [String]?

    public init(
        name: String, cadence: Cadence, windowDays: Int, day: FixedDay? = nil, month: Int? = nil,
        communities: [String]? = nil
    ) {
        (self.name, self.cadence, self.windowDays, self.day, self.month, self.communities) = (
            name, cadence, windowDays, day, month, communities
        )
    }

    /// The periods' rule: the cadence with its window, day or month.
    /// A fixed-day campaign without its day (or a fixed-month one without its month) has no
    /// periods; it is refused when read rather than answer reports without them.
    public func validate() throws { _ = try schedule() }

    public func schedule() throws(EventDecodingError) -> Schedule {
        try Schedule(cadence: cadence, windowDays: windowDays, day: day, month: month)
    }
}

public struct ActivityLogged: EventPayload {
    public var code: String
    public var campaign: String
    public var community: String
    public var on: LocalDate
    public var activity: String?
    public var leaflets: Int?
    public var attendees: Int?

    public init(
        code: String, campaign: String, community: String, on: LocalDate, activity: String? = nil, leaflets: Int? = nil,
        attendees: Int? = nil
    ) {
        (self.code, self.campaign, self.community, self.on, self.activity, self.leaflets, self.attendees) = (
            code, campaign, community, on, activity, leaflets, attendees
        )
    }
}

public struct ActivityRetracted: EventPayload {
    public var reason: String

    public init(reason: String) {
        self.reason = reason
    }
}

public struct HolidayNoticeImported: EventPayload {
    public var notice: HolidayNotice
    /// The holiday blocks as widened on import, so reports read them without recomputing.
    public var blocks: [HolidayBlock]
}

public enum InspectionKind: String, Codable, Sendable, CaseIterable {
    case fire, production
    case schoolSurroundings = "school-surroundings"
    case other
}

public struct InspectionRecorded: EventPayload {
    public var code: String
    public var unit: String
    public var on: LocalDate
    public var inspector: String?
    public var kind: InspectionKind?
    /// Photos and documents carried as evidence.
    public var photos: [Attachment]?

    public init(
        code: String, unit: String, on: LocalDate, inspector: String? = nil, kind: InspectionKind? = nil,
        photos: [Attachment]? = nil
    ) {
        (self.code, self.unit, self.on, self.inspector, self.kind, self.photos) = (
            code, unit, on, inspector, kind, photos
        )
    }
}

public enum Severity: String, Codable, Sendable, CaseIterable {
    /// 一般隐患
    case general
    /// 重大隐患
    case major
}

public struct FindingAdded: EventPayload {
    public var code: String
    /// The inspection that found it, or nil when a drill evaluation raised it.
    public var inspection: String?
    /// The drill whose evaluation raised it as a corrective action.
    public var drill: String?
    /// The date it was found (the inspection's or the evaluation's).
    public var inspectedOn: LocalDate
    public var unit: String
    public var text: String
    public var severity: Severity
    /// The deadline fixed when the finding was recorded.
    public var due: LocalDate
    /// How the deadline was given: a date, or an interval such as `5wd`.
    public var deadline: String
    /// The person responsible for the rectification.
    public var responsible: String?
    /// Photos and documents carried as evidence.
    public var photos: [Attachment]?

    public init(
        code: String, inspection: String? = nil, drill: String? = nil, inspectedOn: LocalDate, unit: String,
        text: String, severity: Severity, due: LocalDate, deadline: String, responsible: String? = nil,
        photos: [Attachment]? = nil
    ) {
        (
            self.code, self.inspection, self.drill, self.inspectedOn, self.unit, self.text, self.severity, self.due,
            self.deadline, self.responsible, self.photos
        ) = (code, inspection, drill, inspectedOn, unit, text, severity, due, deadline, responsible, photos)
    }
}

public struct FindingRectified: EventPayload {
    public var on: LocalDate
    public var note: String?
    /// Photos and documents carried as evidence.
    public var photos: [Attachment]?

    public init(on: LocalDate, note: String? = nil, photos: [Attachment]? = nil) {
        (self.on, self.note, self.photos) = (on, note, photos)
    }
}

public enum VerificationResult: String, Codable, Sendable, CaseIterable {
    case pass, fail
}

public struct FindingVerified: EventPayload {
    public var on: LocalDate
    public var result: VerificationResult
    public var note: String?
    /// Photos and documents carried as evidence.
    public var photos: [Attachment]?

    public init(on: LocalDate, result: VerificationResult, note: String? = nil, photos: [Attachment]? = nil) {
        (self.on, self.result, self.note, self.photos) = (on, result, note, photos)
    }
}

/// A major finding (重大隐患) reported to the authority (安全生产法 art. 41).
public struct MajorFindingReported: EventPayload {
    public var on: LocalDate
    public var authority: String?
}

/// The remediation plan of a major finding, with its own deadline.
public struct RemediationPlanned: EventPayload {
    public var on: LocalDate
    public var plan: String
    public var due: LocalDate
}

/// The evaluation after a major finding's treatment.
public struct MajorFindingEvaluated: EventPayload {
    public var on: LocalDate
    public var note: String?
}

/// The approval that writes a major finding off (核销), after its evaluation.
public struct MajorFindingWrittenOff: EventPayload {
    public var on: LocalDate
    public var approvedBy: String
}

/// A correction of what was recorded of a finding (`finding correct`): each field given
/// replaces the recorded one; the reason says why. The original stays in the log.
public struct FindingCorrected: EventPayload {
    public var due: LocalDate?
    public var text: String?
    public var severity: Severity?
    public var reason: String

    public init(due: LocalDate? = nil, text: String? = nil, severity: Severity? = nil, reason: String) {
        (self.due, self.text, self.severity, self.reason) = (due, text, severity, reason)
    }
}

/// The amount budgeted for one line in a year; a later setting of the same line replaces it.
public struct BudgetSet: EventPayload {
    public var line: String
    public var year: Int
    public var amount: Yuan
}

/// Money spent on a budget line, dated the day it was spent.
public struct ExpenseRecorded: EventPayload {
    public var code: String
    public var line: String
    public var on: LocalDate
    public var amount: Yuan
    public var note: String?

    public init(code: String, line: String, on: LocalDate, amount: Yuan, note: String? = nil) {
        (self.code, self.line, self.on, self.amount, self.note) = (code, line, on, amount, note)
    }
}

/// An expense recorded in error, retracted with the reason (`expense retract`): it stays in the
/// log and counts no more from the instant the retraction was recorded.
public struct ExpenseRetracted: EventPayload {
    public var reason: String

    public init(reason: String) {
        self.reason = reason
    }
}

/// An annual target other than 100 % for one of the annual report's rates.
public struct TargetSet: EventPayload {
    public var indicator: Indicator
    public var year: Int
    public var percent: Int
}

// Each payload in its case of `Event`.
extension CommunityAdded { public var event: Event { .communityAdded(self) } }
extension UnitAdded { public var event: Event { .unitAdded(self) } }
extension UnitReclassified { public var event: Event { .unitReclassified(self) } }
extension UnitClosed { public var event: Event { .unitClosed(self) } }
extension UnitMoved { public var event: Event { .unitMoved(self) } }
extension PlanAdded { public var event: Event { .planAdded(self) } }
extension PlanRevised { public var event: Event { .planRevised(self) } }
extension PlanEvaluated { public var event: Event { .planEvaluated(self) } }
extension PlanRetired { public var event: Event { .planRetired(self) } }
extension PlanCorrected { public var event: Event { .planCorrected(self) } }
extension DrillScheduled { public var event: Event { .drillScheduled(self) } }
extension DrillRescheduled { public var event: Event { .drillRescheduled(self) } }
extension DrillCancelled { public var event: Event { .drillCancelled(self) } }
extension DrillConducted { public var event: Event { .drillConducted(self) } }
extension DrillEvaluated { public var event: Event { .drillEvaluated(self) } }
extension DrillCorrected { public var event: Event { .drillCorrected(self) } }
extension CampaignDefined { public var event: Event { .campaignDefined(self) } }
extension ActivityLogged { public var event: Event { .activityLogged(self) } }
extension ActivityRetracted { public var event: Event { .activityRetracted(self) } }
extension HolidayNoticeImported { public var event: Event { .holidayNoticeImported(self) } }
extension InspectionRecorded { public var event: Event { .inspectionRecorded(self) } }
extension FindingAdded { public var event: Event { .findingAdded(self) } }
extension FindingRectified { public var event: Event { .findingRectified(self) } }
extension FindingVerified { public var event: Event { .findingVerified(self) } }
extension MajorFindingReported { public var event: Event { .majorFindingReported(self) } }
extension RemediationPlanned { public var event: Event { .remediationPlanned(self) } }
extension MajorFindingEvaluated { public var event: Event { .majorFindingEvaluated(self) } }
extension MajorFindingWrittenOff { public var event: Event { .majorFindingWrittenOff(self) } }
extension FindingCorrected { public var event: Event { .findingCorrected(self) } }
extension BudgetSet { public var event: Event { .budgetSet(self) } }
extension ExpenseRecorded { public var event: Event { .expenseRecorded(self) } }
extension ExpenseRetracted { public var event: Event { .expenseRetracted(self) } }
extension TargetSet { public var event: Event { .targetSet(self) } }
