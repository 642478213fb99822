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
    public static let types: [EventTypeSpec] = organisation + plansAndDrills + campaigns + inspections

    /// The spec of one type, or nil.
    public static func spec(_ name: String) -> EventTypeSpec? {
        types.first { $0.name == name }
    }

    static let organisation: [EventTypeSpec] = [
        EventTypeSpec(
            "CommunityAdded", .community, [.supervisor], key: .field("name"),
            [.name("name")]),
        EventTypeSpec(
            "UnitAdded", .unit, [.supervisor], key: .field("name"),
            [
                .name("name"), .name("community"), .choice("kind", UnitKind.allCases.map(\.rawValue)),
                FieldSpec("key_fire_unit", .boolean),
            ]),
        EventTypeSpec(
            "UnitReclassified", .unit, [.supervisor],
            [
                .choice("kind", UnitKind.allCases.map(\.rawValue), required: false),
                FieldSpec("key_fire_unit", .boolean, required: false),
            ]
        ),
        EventTypeSpec("UnitClosed", .unit, [.supervisor], [.date("on")]),
    ]

    static let plansAndDrills: [EventTypeSpec] = [
        EventTypeSpec(
            "PlanAdded", .plan, [.supervisor], key: .field("code"),
            [
                FieldSpec("code", .code("P")), .name("name"), .name("unit"),
                .choice("level", PlanLevel.allCases.map(\.rawValue)), .text("hazard", required: false),
                FieldSpec("every_months", .positive), .name("rule", required: false), .date("from"),
            ]),
        EventTypeSpec(
            "PlanRevised", .plan, [.supervisor],
            [.date("on"), .text("reason"), FieldSpec("finding", .code("F"), required: false)]),
        EventTypeSpec("PlanEvaluated", .plan, [.supervisor], [.date("on"), .text("note", required: false)]),
        EventTypeSpec("PlanRetired", .plan, [.supervisor], [.date("on")]),
        EventTypeSpec(
            "DrillScheduled", .drill, [.supervisor], key: .field("code"),
            [
                FieldSpec("code", .code("D")), FieldSpec("plan", .code("P")), .date("on"),
                .choice("form", DrillForm.allCases.map(\.rawValue), required: false),
                .choice("scope", DrillScope.allCases.map(\.rawValue), required: false),
                .text("scenario", required: false),
            ]),
        EventTypeSpec("DrillRescheduled", .drill, [.supervisor], [.date("on"), .text("reason")]),
        EventTypeSpec("DrillCancelled", .drill, [.supervisor], [.text("reason")]),
        EventTypeSpec(
            "DrillConducted", .drill, [.supervisor], key: .field("code"),
            [
                FieldSpec("code", .code("D")), FieldSpec("plan", .code("P")), .date("on"),
                FieldSpec("participants", .count, required: false),
                FieldSpec("evacuation_seconds", .count, required: false), .text("note", required: false), .photos,
            ]),
        EventTypeSpec(
            "DrillEvaluated", .drill, [.supervisor],
            [
                .date("on", required: false), .choice("rating", DrillRating.allCases.map(\.rawValue)),
                .text("report", required: false), FieldSpec("findings", .codes("F"), required: false),
            ]),
    ]

    static let campaigns: [EventTypeSpec] = [
        EventTypeSpec(
            "CampaignDefined", .campaign, [.supervisor], key: .field("name"),
            [
                .name("name"), .choice("cadence", Cadence.allCases.map(\.rawValue)), FieldSpec("window_days", .count),
                .choice("day", FixedDay.everyDay.map(\.description), required: false),
                FieldSpec("month", .positive, required: false), FieldSpec("communities", .names, required: false),
            ]),
        EventTypeSpec(
            "ActivityLogged", .activity, [.supervisor, .inspector], key: .field("code"),
            [
                FieldSpec("code", .code("A")), .name("campaign"), .name("community"), .date("on"),
                .text("activity", required: false), FieldSpec("leaflets", .count, required: false),
                FieldSpec("attendees", .count, required: false),
            ]),
        EventTypeSpec("ActivityRetracted", .activity, [.supervisor, .inspector], [.text("reason")]),
        EventTypeSpec(
            "HolidayNoticeImported", .holidays, [.supervisor], key: .noticeYear,
            [FieldSpec("notice", .object), FieldSpec("blocks", .array)]),
    ]

    static let inspections: [EventTypeSpec] = [
        EventTypeSpec(
            "InspectionRecorded", .inspection, [.inspector], key: .field("code"),
            [
                FieldSpec("code", .code("I")), .name("unit"), .date("on"), .name("inspector", required: false),
                .choice("kind", InspectionKind.allCases.map(\.rawValue), required: false), .photos,
            ]),
        EventTypeSpec(
            "FindingAdded", .finding, [.supervisor, .inspector], key: .field("code"),
            [
                FieldSpec("code", .code("F")), FieldSpec("inspection", .code("I"), required: false),
                FieldSpec("drill", .code("D"), required: false), .date("inspected_on"), .name("unit"), .text("text"),
                .choice("severity", Severity.allCases.map(\.rawValue)), .date("due"), .name("deadline"),
                .name("responsible", required: false), .photos,
            ]),
        EventTypeSpec(
            "FindingRectified", .finding, [.inspector], [.date("on"), .text("note", required: false), .photos]),
        EventTypeSpec(
            "FindingVerified", .finding, [.inspector],
            [
                .date("on"), .choice("result", VerificationResult.allCases.map(\.rawValue)),
                .text("note", required: false), .photos,
            ]),
        EventTypeSpec(
            "MajorFindingReported", .finding, [.inspector], [.date("on"), .name("authority", required: false)]),
        EventTypeSpec("RemediationPlanned", .finding, [.inspector], [.date("on"), .text("plan"), .date("due")]),
        EventTypeSpec("MajorFindingEvaluated", .finding, [.inspector], [.date("on"), .text("note", required: false)]),
        EventTypeSpec("MajorFindingWrittenOff", .finding, [.inspector], [.date("on"), .name("approved_by")]),
    ]
}

/// What kind of stream an event lives in: the part of the stream id before the colon.
public enum StreamKind: String, Sendable, CaseIterable {
    case community, unit, plan, drill, campaign, activity, holidays, inspection, finding
}

/// The Vigil roles that may append a type (admins may append every type).
public enum WriterRole: String, Sendable {
    case supervisor, inspector
}

/// One event type's definition.
public struct EventTypeSpec: Sendable, Equatable {
    /// Which part of the payload must name the stream the event is appended to.
    public enum Key: Sendable, Equatable {
        /// The field's value is the stream's key (`plan:P-3` carries `"code": "P-3"`).
        case field(String)
        /// The notice's year is the stream's key (`holidays:2017`).
        case noticeYear
    }

    public var name: String
    public var stream: StreamKind
    public var roles: [WriterRole]
    public var schemaVersion: Int
    public var key: Key?
    public var fields: [FieldSpec]

    init(
        _ name: String, _ stream: StreamKind, _ roles: [WriterRole], schemaVersion: Int = 1, key: Key? = nil,
        _ fields: [FieldSpec]
    ) {
        self.name = name
        self.stream = stream
        self.roles = roles
        self.schemaVersion = schemaVersion
        self.key = key
        self.fields = fields
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
        self.name = name
        self.kind = kind
        self.required = required
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
