/// The one definition of every event type: the stream kind it belongs to, who may append it,
/// its schema version and the shape of its payload.
///
/// The database keeps the same definition in `vigil.event_types` (written by a migration from
/// `EventRegistry.databaseRows`) and refuses any event that does not fit it, whoever sends it.
/// A test holds the two against each other and against the Swift encoders, so they cannot drift.
public enum EventRegistry {
    /// The longest name (community, unit, campaign, plan) the log accepts, in characters.
    public static let nameLength = 200
    /// The longest free text (notes, reasons, reports) the log accepts, in characters.
    public static let textLength = 10_000

    /// Every event type, by name.
    public static let types: [EventTypeSpec] = organisation + plansAndDrills + campaigns + inspections + budget

    /// The spec of one type, or nil.
    public static func spec(_ name: String) -> EventTypeSpec? {
        specs[name]
    }

    static let specs: [String: EventTypeSpec] = Dictionary(types.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })

    /// The payload type of every type name, for reading the log.
    static let payloads: [String: any EventPayload.Type] = specs.mapValues(\.payload)

    static let organisation: [EventTypeSpec] = [
        EventTypeSpec(
            CommunityAdded.self, .community, [.supervisor], key: .field("name"),
            [.name("name")]),
        EventTypeSpec(
            UnitAdded.self, .unit, [.supervisor], key: .field("name"),
            [
                .name("name"), .name("community"), .choice("kind", UnitKind.allCases.map(\.rawValue)),
                FieldSpec("key_fire_unit", .boolean),
            ]),
        EventTypeSpec(
            UnitReclassified.self, .unit, [.supervisor],
            [
                .choice("kind", UnitKind.allCases.map(\.rawValue), required: false),
                FieldSpec("key_fire_unit", .boolean, required: false),
            ]
        ),
        EventTypeSpec(UnitClosed.self, .unit, [.supervisor], [.date("on")]),
        EventTypeSpec(UnitMoved.self, .unit, [.supervisor], [.name("community"), .text("reason")]),
    ]

    static let plansAndDrills: [EventTypeSpec] = [
        EventTypeSpec(
            PlanAdded.self, .plan, [.supervisor], key: .field("code"),
            [
                FieldSpec("code", .code("P")), .name("name"), .name("unit"),
                .choice("level", PlanLevel.allCases.map(\.rawValue)), .text("hazard", required: false),
                FieldSpec("every_months", .positive), .name("rule", required: false), .date("from"),
            ]),
        EventTypeSpec(
            PlanRevised.self, .plan, [.supervisor],
            [.date("on"), .text("reason"), FieldSpec("finding", .code("F"), required: false)]),
        EventTypeSpec(PlanEvaluated.self, .plan, [.supervisor], [.date("on"), .text("note", required: false)]),
        EventTypeSpec(PlanRetired.self, .plan, [.supervisor], [.date("on")]),
        EventTypeSpec(
            PlanCorrected.self, .plan, [.supervisor],
            [
                FieldSpec("every_months", .positive, required: false), .date("from", required: false),
                .choice("level", PlanLevel.allCases.map(\.rawValue), required: false), .text("reason"),
            ]),
        EventTypeSpec(
            DrillScheduled.self, .drill, [.supervisor], key: .field("code"),
            [
                FieldSpec("code", .code("D")), FieldSpec("plan", .code("P")), .date("on"),
                .choice("form", DrillForm.allCases.map(\.rawValue), required: false),
                .choice("scope", DrillScope.allCases.map(\.rawValue), required: false),
                .text("scenario", required: false),
            ]),
        EventTypeSpec(DrillRescheduled.self, .drill, [.supervisor], [.date("on"), .text("reason")]),
        EventTypeSpec(DrillCancelled.self, .drill, [.supervisor], [.text("reason")]),
        EventTypeSpec(
            DrillConducted.self, .drill, [.supervisor], key: .field("code"),
            [
                FieldSpec("code", .code("D")), FieldSpec("plan", .code("P")), .date("on"),
                FieldSpec("participants", .count, required: false),
                FieldSpec("evacuation_seconds", .count, required: false), .text("note", required: false), .photos,
            ]),
        EventTypeSpec(
            DrillEvaluated.self, .drill, [.supervisor],
            [
                .date("on", required: false), .choice("rating", DrillRating.allCases.map(\.rawValue)),
                .text("report", required: false), FieldSpec("findings", .codes("F"), required: false),
            ]),
        // Corrections are written by the roles that may record the original.
        EventTypeSpec(
            DrillCorrected.self, .drill, [.supervisor],
            [
                .date("on", required: false), FieldSpec("participants", .count, required: false),
                FieldSpec("evacuation_seconds", .count, required: false), .text("reason"),
            ]),
    ]

    static let campaigns: [EventTypeSpec] = [
        EventTypeSpec(
            CampaignDefined.self, .campaign, [.supervisor], key: .field("name"),
            [
                .name("name"), .choice("cadence", Cadence.allCases.map(\.rawValue)), FieldSpec("window_days", .count),
                .choice("day", FixedDay.everyDay.map(\.description), required: false),
                FieldSpec("month", .positive, required: false), FieldSpec("communities", .names, required: false),
            ]),
        EventTypeSpec(
            ActivityLogged.self, .activity, [.supervisor, .inspector], key: .field("code"),
            [
                FieldSpec("code", .code("A")), .name("campaign"), .name("community"), .date("on"),
                .text("activity", required: false), FieldSpec("leaflets", .count, required: false),
                FieldSpec("attendees", .count, required: false),
            ]),
        EventTypeSpec(ActivityRetracted.self, .activity, [.supervisor, .inspector], [.text("reason")]),
        EventTypeSpec(
            HolidayNoticeImported.self, .holidays, [.supervisor], key: .noticeYear,
            [FieldSpec("notice", .object), FieldSpec("blocks", .array)]),
    ]

    static let inspections: [EventTypeSpec] = [
        EventTypeSpec(
            InspectionRecorded.self, .inspection, [.inspector], key: .field("code"),
            [
                FieldSpec("code", .code("I")), .name("unit"), .date("on"), .name("inspector", required: false),
                .choice("kind", InspectionKind.allCases.map(\.rawValue), required: false), .photos,
            ]),
        EventTypeSpec(
            FindingAdded.self, .finding, [.supervisor, .inspector], key: .field("code"),
            [
                FieldSpec("code", .code("F")), FieldSpec("inspection", .code("I"), required: false),
                FieldSpec("drill", .code("D"), required: false), .date("inspected_on"), .name("unit"), .text("text"),
                .choice("severity", Severity.allCases.map(\.rawValue)), .date("due"), .name("deadline"),
                .name("responsible", required: false), .photos,
            ]),
        EventTypeSpec(
            FindingRectified.self, .finding, [.inspector], [.date("on"), .text("note", required: false), .photos]),
        EventTypeSpec(
            FindingVerified.self, .finding, [.inspector],
            [
                .date("on"), .choice("result", VerificationResult.allCases.map(\.rawValue)),
                .text("note", required: false), .photos,
            ]),
        EventTypeSpec(
            MajorFindingReported.self, .finding, [.inspector], [.date("on"), .name("authority", required: false)]),
        EventTypeSpec(RemediationPlanned.self, .finding, [.inspector], [.date("on"), .text("plan"), .date("due")]),
        EventTypeSpec(
            MajorFindingEvaluated.self, .finding, [.inspector], [.date("on"), .text("note", required: false)]),
        EventTypeSpec(MajorFindingWrittenOff.self, .finding, [.inspector], [.date("on"), .name("approved_by")]),
        EventTypeSpec(
            FindingCorrected.self, .finding, [.supervisor, .inspector],
            [
                .date("due", required: false), .text("text", required: false),
                .choice("severity", Severity.allCases.map(\.rawValue), required: false), .text("reason"),
            ]),
    ]

    /// A year's budget lines and targets live in one stream each (`budget:2017`, `target:2017`),
    /// so one read gives the decider every line of the year; expenses are numbered (`E-1`).
    static let budget: [EventTypeSpec] = [
        EventTypeSpec(
            BudgetSet.self, .budget, [.supervisor], key: .field("year"),
            [.name("line"), FieldSpec("year", .year), FieldSpec("amount", .amount)]),
        EventTypeSpec(
            ExpenseRecorded.self, .expense, [.supervisor], key: .field("code"),
            [
                FieldSpec("code", .code("E")), .name("line"), .date("on"), FieldSpec("amount", .amount),
                .text("note", required: false),
            ]),
        EventTypeSpec(ExpenseRetracted.self, .expense, [.supervisor], [.text("reason")]),
        EventTypeSpec(
            TargetSet.self, .target, [.supervisor], key: .field("year"),
            [
                .choice("indicator", Indicator.allCases.map(\.rawValue)), FieldSpec("year", .year),
                FieldSpec("percent", .percent),
            ]),
    ]
}

/// What kind of stream an event lives in: the part of the stream id before the colon.
public enum StreamKind: String, Sendable, CaseIterable {
    case community, unit, plan, drill, campaign, activity, holidays, inspection, finding, budget, expense, target
}

/// The Vigil roles that may append a type (admins may append every type).
public enum WriterRole: String, Sendable {
    case supervisor, inspector
}

/// One event type's definition.
public struct EventTypeSpec: Sendable {
    /// Which part of the payload must name the stream the event is appended to.
    public enum Key: Sendable, Equatable {
        /// The field's value is the stream's key (`plan:P-3` carries `"code": "P-3"`).
        case field(String)
        /// The notice's year is the stream's key (`holidays:2017`).
        case noticeYear
    }

    /// The Swift type of the payload, from which the type's name and schema version come.
    public var payload: any EventPayload.Type
    public var stream: StreamKind
    public var roles: [WriterRole]
    public var key: Key?
    public var fields: [FieldSpec]

    /// The name the log stores the type under.
    public var name: String { payload.typeName }
    public var schemaVersion: Int { payload.schemaVersion }

    init(
        _ payload: any EventPayload.Type, _ stream: StreamKind, _ roles: [WriterRole], key: Key? = nil,
        _ fields: [FieldSpec]
    ) {
        (self.payload, self.stream, self.roles, self.key, self.fields) = (payload, stream, roles, key, fields)
    }
}

/// One field of a payload: its JSON key (as the encoder writes it), its type and whether it
/// must be present.
public struct FieldSpec: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// A string of at most so many characters, not empty.
        case text(maxLength: Int)
        /// A `YYYY-MM-DD` calendar date.
        case date
        /// A whole number ≥ 0.
        case count
        /// A whole number ≥ 1.
        case positive
        /// A calendar year, 1900–2999 (the years a date may have).
        case year
        /// A whole number of percent, 0–100.
        case percent
        /// Yuan with at most two decimals, as a string (`"12345.67"`), at most `Yuan.maximum`.
        case amount
        case boolean
        /// One of the listed strings.
        case choice([String])
        /// A code of the given kind, `P-1` … `P-999999999`.
        case code(String)
        /// An array of codes of the given kind.
        case codes(String)
        /// An array of names.
        case names
        /// A JSON object (checked by its own type's decoder).
        case object
        /// A JSON array (checked by its own type's decoder).
        case array
        /// Photos and documents: each names a stored attachment with its type and size.
        case attachments
    }

    public var name: String
    public var kind: Kind
    public var required: Bool

    public init(_ name: String, _ kind: Kind, required: Bool = true) {
        (self.name, self.kind, self.required) = (name, kind, required)
    }

    static func name(_ name: String, required: Bool = true) -> FieldSpec {
        FieldSpec(name, .text(maxLength: EventRegistry.nameLength), required: required)
    }

    static func text(_ name: String, required: Bool = true) -> FieldSpec {
        FieldSpec(name, .text(maxLength: EventRegistry.textLength), required: required)
    }

    /// The optional evidence a record carries (`--photo FILE`).
    static let photos = FieldSpec("photos", .attachments, required: false)

    static func date(_ name: String, required: Bool = true) -> FieldSpec {
        FieldSpec(name, .date, required: required)
    }

    static func choice(_ name: String, _ values: [String], required: Bool = true) -> FieldSpec {
        FieldSpec(name, .choice(values), required: required)
    }
}
