/// The facts Vigil records. Each case is one event type in the log; its payload is the data.
///
/// Dates in payloads are the dates things happened (the drill date, the inspection date); the
/// time an event was recorded and who recorded it are stamped by the database.
public enum Event: Sendable, Equatable {
    case communityAdded(CommunityAdded)
    case unitAdded(UnitAdded)
    case unitReclassified(UnitReclassified)
    case unitClosed(UnitClosed)
    case planAdded(PlanAdded)
    case planRevised(PlanRevised)
    case planEvaluated(PlanEvaluated)
    case planRetired(PlanRetired)
    case drillScheduled(DrillScheduled)
    case drillRescheduled(DrillRescheduled)
    case drillCancelled(DrillCancelled)
    case drillConducted(DrillConducted)
    case drillEvaluated(DrillEvaluated)
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
}

public struct CommunityAdded: Codable, Sendable, Equatable {
    public var name: String
}

public struct UnitAdded: Codable, Sendable, Equatable {
    public var name: String
    public var community: String
    public var kind: UnitKind
    public var keyFireUnit: Bool
}

public struct UnitReclassified: Codable, Sendable, Equatable {
    public var kind: UnitKind?
    public var keyFireUnit: Bool?
}

public struct UnitClosed: Codable, Sendable, Equatable {
    public var on: LocalDate
}

public struct PlanAdded: Codable, Sendable, Equatable {
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
}

public struct PlanRevised: Codable, Sendable, Equatable {
    public var on: LocalDate
    public var reason: String
    /// The finding that triggered the revision, when one did.
    public var finding: String?
}

public struct PlanEvaluated: Codable, Sendable, Equatable {
    public var on: LocalDate
    public var note: String?
}

public struct PlanRetired: Codable, Sendable, Equatable {
    public var on: LocalDate
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

public struct DrillScheduled: Codable, Sendable, Equatable {
    public var code: String
    public var plan: String
    public var on: LocalDate
    public var form: DrillForm?
    public var scope: DrillScope?
    public var scenario: String?
}

public struct DrillRescheduled: Codable, Sendable, Equatable {
    public var on: LocalDate
    public var reason: String
}

public struct DrillCancelled: Codable, Sendable, Equatable {
    public var reason: String
}

public struct DrillConducted: Codable, Sendable, Equatable {
    public var code: String
    public var plan: String
    public var on: LocalDate
    public var participants: Int?
    public var evacuationSeconds: Int?
    public var note: String?
}

public struct DrillEvaluated: Codable, Sendable, Equatable {
    public var on: LocalDate?
    public var rating: DrillRating
    public var report: String?
    /// The findings raised by the evaluation's corrective actions.
    public var findings: [String]?
}

public struct CampaignDefined: Codable, Sendable, Equatable {
    public var name: String
    public var cadence: Cadence
    public var windowDays: Int
    /// The communities that owe it; nil means every community.
    public var communities: [String]?
}

public struct ActivityLogged: Codable, Sendable, Equatable {
    public var code: String
    public var campaign: String
    public var community: String
    public var on: LocalDate
    public var activity: String?
    public var leaflets: Int?
    public var attendees: Int?
}

public struct ActivityRetracted: Codable, Sendable, Equatable {
    public var reason: String
}

public struct HolidayNoticeImported: Codable, Sendable, Equatable {
    public var notice: HolidayNotice
    /// The holiday blocks as widened on import, so reports read them without recomputing.
    public var blocks: [HolidayBlock]
}

public enum InspectionKind: String, Codable, Sendable, CaseIterable {
    case fire, production
    case schoolSurroundings = "school-surroundings"
    case other
}

public struct InspectionRecorded: Codable, Sendable, Equatable {
    public var code: String
    public var unit: String
    public var on: LocalDate
    public var inspector: String?
    public var kind: InspectionKind?
}

public enum Severity: String, Codable, Sendable, CaseIterable {
    /// 一般隐患
    case general
    /// 重大隐患
    case major
}

public struct FindingAdded: Codable, Sendable, Equatable {
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
}

public struct FindingRectified: Codable, Sendable, Equatable {
    public var on: LocalDate
    public var note: String?
}

public enum VerificationResult: String, Codable, Sendable, CaseIterable {
    case pass, fail
}

public struct FindingVerified: Codable, Sendable, Equatable {
    public var on: LocalDate
    public var result: VerificationResult
    public var note: String?
}

/// A major finding (重大隐患) reported to the authority (安全生产法 art. 41).
public struct MajorFindingReported: Codable, Sendable, Equatable {
    public var on: LocalDate
    public var authority: String?
}

/// The remediation plan of a major finding, with its own deadline.
public struct RemediationPlanned: Codable, Sendable, Equatable {
    public var on: LocalDate
    public var plan: String
    public var due: LocalDate
}

/// The evaluation after a major finding's treatment.
public struct MajorFindingEvaluated: Codable, Sendable, Equatable {
    public var on: LocalDate
    public var note: String?
}

/// The approval that writes a major finding off (核销), after its evaluation.
public struct MajorFindingWrittenOff: Codable, Sendable, Equatable {
    public var on: LocalDate
    public var approvedBy: String
}
