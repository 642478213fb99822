import EventStore
import Foundation
import Planner
import PlannerStore
import Postgres
import TestSupport
import Testing

/// The database checks events against `vigil.event_types`; the Swift side encodes them from the
/// registry. They are one definition only while they are equal.
@Suite("Security: one definition of the event types")
struct RegistryTests {
    @Test("vigil.event_types is EventRegistry, type for type and field for field")
    func databaseMatchesRegistry() throws {
        let database = try TestDatabase()
        let json = try #require(
            try database.connect().query(
                """
                SELECT jsonb_agg(jsonb_build_object('type', type, 'stream_kind', stream_kind, 'roles', to_jsonb(roles),
                                 'schema_version', schema_version, 'key', key, 'fields', fields) ORDER BY type)::text AS rows
                  FROM vigil.event_types
                """
            ).first?.decode("rows", as: String.self))
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        let stored = try decoder.decode([EventTypeRow].self, from: Data(json.utf8))
        let expected = EventRegistry.types.map(\.databaseRow).sorted { $0.type < $1.type }
        #expect(stored.count == expected.count)
        for (row, want) in zip(stored, expected) {
            #expect(row == want, "\(want.type) differs: regenerate the rows from EventRegistry.databaseJSON()")
        }
    }

    @Test("One event of every type, as the shell would encode it, is accepted on its own stream")
    func everyTypeAccepted() throws {
        let database = try TestDatabase()
        let connection = try database.connect()
        for kind in ["P", "D", "A", "I", "F"] { _ = try connection.query("SELECT planner.next_code(\(kind))") }
        let store = PlannerStore(connection: connection)
        let samples: [(stream: String, event: Event)] = [
            ("community:东风社区", .communityAdded(CommunityAdded(name: "东风社区"))),
            (
                "unit:实验小学",
                .unitAdded(UnitAdded(name: "实验小学", community: "东风社区", kind: .primarySchool, keyFireUnit: true))
            ),
            ("unit:实验小学", .unitReclassified(UnitReclassified(kind: .middleSchool, keyFireUnit: false))),
            ("unit:实验小学", .unitClosed(UnitClosed(on: day("2018-07-01")))),
            (
                "plan:P-1",
                .planAdded(
                    PlanAdded(
                        code: "P-1", name: "预案", unit: "实验小学", level: .onsite, hazard: "火灾", everyMonths: 1,
                        rule: "CN-EDU-2014-A", from: day("2017-03-01")))
            ),
            (
                "drill:D-1",
                .drillScheduled(
                    DrillScheduled(code: "D-1", plan: "P-1", on: day("2017-04-06"), form: .live))
            ),
            (
                "drill:D-1",
                .drillEvaluated(
                    DrillEvaluated(on: day("2017-04-14"), rating: .poor, findings: ["F-1"]))
            ),
            (
                "campaign:周宣传",
                .campaignDefined(CampaignDefined(name: "周宣传", cadence: .weekly, windowDays: 0, communities: ["东风社区"]))
            ),
            (
                "activity:A-1",
                .activityLogged(
                    ActivityLogged(
                        code: "A-1", campaign: "周宣传", community: "东风社区", on: day("2017-04-25"),
                        leaflets: 0))
            ),
        ]
        for (stream, event) in samples {
            #expect(throws: Never.self, "\(event.type)") {
                try store.append(
                    [event], to: stream, expectedVersion: try store.events.version(of: stream),
                    metadata: EventMetadata())
            }
        }
    }
}

/// A date the test writes literally.
private func day(_ text: String) -> LocalDate {
    LocalDate(text) ?? LocalDate(dayNumber: 0)
}
