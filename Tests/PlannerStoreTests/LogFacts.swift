import Foundation
import Planner
import Postgres

/// What each report rule is given, read straight from the log (never from the projection
/// tables the SQL reads), with the instant every fact was recorded.
struct LogFacts {
    struct PlanFacts {
        var code: String
        var number: Int
        var name: String
        var unit: String
        var community: String
        var history: DrillObligation.History
    }

    struct UnitFacts {
        var name: String
        var community: String
        var history: InspectionObligation.History
    }

    struct FindingFacts {
        var code: String
        var number: Int
        var unit: String
        var community: String
        var severity: Severity
        var history: Finding.History
    }

    struct DrillFacts {
        var code: String
        var number: Int
        var plan: String
        var unit: String
        var community: String
        var history: Drill.History
    }

    struct CampaignFacts {
        var name: String
        var campaign: Campaign
        /// The campaign's activities by community, in the order they were logged.
        var activities: [String: [Recorded<Coverage.Activity>]]
    }

    /// One event of the log as read, with the instant it was recorded.
    struct Entry {
        var position: Int64
        var streamID: String
        var type: String
        var recordedAt: Date
        var event: Event
    }

    /// Every event in the order of the log, decoded.
    var log: [Entry] = []
    var communities: [Recorded<String>] = []
    var plans: [PlanFacts] = []
    /// The units in the order they were added.
    var units: [UnitFacts] = []
    var drills: [DrillFacts] = []
    var findings: [FindingFacts] = []
    var campaigns: [CampaignFacts] = []

    init(_ connection: Connection) throws {
        // Straight from the table: the global reader stops at the cluster's transaction horizon,
        // which other tests running on the same server hold back.
        let rows = try connection.query(
            """
            SELECT position, stream_id, event_type, schema_version, data::text AS data, recorded_at
              FROM vigil.events ORDER BY position
            """)
        log = try rows.rows.map { row in
            let type: String = try row.decode("event_type")
            return Entry(
                position: try row.decode("position"), streamID: try row.decode("stream_id"), type: type,
                recordedAt: try row.decode("recorded_at"),
                event: try Event.decode(
                    type: type, schemaVersion: try row.decode("schema_version"), data: try row.decode("data")))
        }
        var units: [String: (community: String, closed: Recorded<LocalDate>?)] = [:]
        var unitFacts: [UnitFacts] = []
        var unitIndex: [String: Int] = [:]
        var planAdded: [(PlanAdded, Date)] = []
        var retired: [String: Recorded<LocalDate>] = [:]
        var held: [String: [Revisions<LocalDate>]] = [:]
        var heldIndex: [String: (plan: String, index: Int)] = [:]
        var corrections: [String: [Recorded<Finding.Correction>]] = [:]
        var drillHistories: [(code: String, plan: String, history: Drill.History)] = []
        var drillIndex: [String: Int] = [:]
        var writtenOff: [String: Recorded<LocalDate>] = [:]
        var findingAdded: [(FindingAdded, Date)] = []
        var steps: [String: [Recorded<Finding.DatedStep>]] = [:]
        var defined: [CampaignDefined] = []
        var logged: [(ActivityLogged, Date)] = []
        var retracted: [String: Date] = [:]
        for entry in log {
            let key = String(entry.streamID.drop { $0 != ":" }.dropFirst())
            let at = entry.recordedAt
            switch entry.event {
            case .communityAdded(let e): communities.append(Recorded(e.name, recordedAt: at))
            case .unitAdded(let e):
                units[e.name] = (e.community, nil)
                unitIndex[e.name] = unitFacts.count
                let classification = InspectionObligation.Classification(kind: e.kind, keyFireUnit: e.keyFireUnit)
                unitFacts.append(
                    UnitFacts(
                        name: e.name, community: e.community,
                        history: InspectionObligation.History(
                            added: at, addedOn: Self.officeDate(of: at),
                            classifications: [Recorded(classification, recordedAt: at)])))
            case .unitReclassified(let e):
                if let index = unitIndex[key] {
                    unitFacts[index].history.classifications.append(
                        Recorded(.init(kind: e.kind, keyFireUnit: e.keyFireUnit), recordedAt: at))
                }
            case .unitClosed(let e):
                units[key]?.closed = Recorded(e.on, recordedAt: at)
                if let index = unitIndex[key] { unitFacts[index].history.closed = Recorded(e.on, recordedAt: at) }
            case .inspectionRecorded(let e) where e.kind == InspectionObligation.kind:
                if let index = unitIndex[e.unit] {
                    unitFacts[index].history.inspections.append(Recorded(e.on, recordedAt: at))
                }
            case .planAdded(let e): planAdded.append((e, at))
            case .planRetired(let e): retired[key] = Recorded(e.on, recordedAt: at)
            case .drillScheduled(let e):
                drillIndex[e.code] = drillHistories.count
                drillHistories.append(
                    (e.code, e.plan, Drill.History(added: at, schedule: [Recorded(e.on, recordedAt: at)])))
            case .drillRescheduled(let e):
                if let index = drillIndex[key] {
                    drillHistories[index].history.schedule.append(Recorded(e.on, recordedAt: at))
                }
            case .drillCancelled:
                if let index = drillIndex[key] { drillHistories[index].history.cancelled = at }
            case .drillConducted(let e):
                heldIndex[e.code] = (e.plan, held[e.plan, default: []].count)
                held[e.plan, default: []].append(Revisions(Recorded(e.on, recordedAt: at)))
                if drillIndex[e.code] == nil {
                    drillIndex[e.code] = drillHistories.count
                    drillHistories.append((e.code, e.plan, Drill.History(added: at)))
                }
                if let index = drillIndex[e.code] {
                    drillHistories[index].history.held = Revisions(
                        Recorded(Drill.Held(on: e.on, participants: e.participants), recordedAt: at))
                }
            case .drillCorrected(let e):
                if let (plan, index) = heldIndex[key], let on = e.on {
                    held[plan]?[index].correct(on, recordedAt: at)
                }
                if let index = drillIndex[key], var holding = drillHistories[index].history.held?.latest {
                    holding.on = e.on ?? holding.on
                    holding.participants = e.participants ?? holding.participants
                    drillHistories[index].history.held?.correct(holding, recordedAt: at)
                }
            case .findingCorrected(let e):
                if e.due != nil || e.severity != nil {
                    corrections[key, default: []].append(
                        Recorded(Finding.Correction(due: e.due, severity: e.severity), recordedAt: at))
                }
            case .drillEvaluated(let e):
                if let index = drillIndex[key] {
                    drillHistories[index].history.ratings.append(Recorded(e.rating, recordedAt: at))
                }
            case .majorFindingWrittenOff(let e): writtenOff[key] = Recorded(e.on, recordedAt: at)
            case .findingAdded(let e): findingAdded.append((e, at))
            case .findingRectified(let e):
                steps[key, default: []].append(Recorded(Finding.DatedStep(.rectified, on: e.on), recordedAt: at))
            case .findingVerified(let e):
                steps[key, default: []].append(
                    Recorded(Finding.DatedStep(Finding.Step(e.result), on: e.on), recordedAt: at))
            case .campaignDefined(let e): defined.append(e)
            case .activityLogged(let e): logged.append((e, at))
            case .activityRetracted: retracted[key] = at
            default: break
            }
        }
        self.units = unitFacts
        plans = planAdded.map { added, at in
            let unit = units[added.unit]
            return PlanFacts(
                code: added.code, number: Self.number(added.code), name: added.name, unit: added.unit,
                community: unit?.community ?? "",
                history: DrillObligation.History(
                    added: at, start: added.from, everyMonths: added.everyMonths, retired: retired[added.code],
                    unitClosed: unit?.closed, drills: held[added.code] ?? []))
        }
        findings = findingAdded.map { added, at in
            FindingFacts(
                code: added.code, number: Self.number(added.code), unit: added.unit,
                community: units[added.unit]?.community ?? "", severity: added.severity,
                history: Finding.History(
                    added: at, foundOn: added.inspectedOn, due: added.due, steps: steps[added.code] ?? [],
                    writtenOff: writtenOff[added.code], corrections: corrections[added.code] ?? []))
        }
        let planUnits = Dictionary(planAdded.map { ($0.0.code, $0.0.unit) }, uniquingKeysWith: { a, _ in a })
        drills = drillHistories.map { code, plan, history in
            let unit = planUnits[plan] ?? ""
            return DrillFacts(
                code: code, number: Self.number(code), plan: plan, unit: unit, community: units[unit]?.community ?? "",
                history: history)
        }
        campaigns = defined.map { definition in
            var activities: [String: [Recorded<Coverage.Activity>]] = [:]
            for (activity, at) in logged where activity.campaign == definition.name {
                activities[activity.community, default: []].append(
                    Recorded(Coverage.Activity(on: activity.on, retracted: retracted[activity.code]), recordedAt: at))
            }
            return CampaignFacts(
                name: definition.name, campaign: Campaign.fold([.campaignDefined(definition)]),
                activities: activities)
        }
    }

    /// How many events of a type the log holds.
    func count(_ type: String) -> Int {
        log.count(where: { $0.type == type })
    }

    /// The date of an instant in the office's time zone (the harness's, Asia/Shanghai).
    static func officeDate(of instant: Date) -> LocalDate {
        let zone = TimeZone(identifier: "Asia/Shanghai") ?? .current
        let seconds = instant.timeIntervalSince1970 + Double(zone.secondsFromGMT(for: instant))
        return LocalDate(dayNumber: Int((seconds / 86_400).rounded(.down)))
    }

    static func number(_ code: String) -> Int {
        Int(code.drop { $0 != "-" }.dropFirst()) ?? 0
    }
}
