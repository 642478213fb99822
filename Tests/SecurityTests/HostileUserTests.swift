import EventStore
import Foundation
import Planner
import Postgres
import Shell
import ShellHarness
import TestSupport
import Testing

/// A hostile user with psql: plain SQL through libpq, as each role. Every attack is refused
/// with a clear error, and the seal taken before it equals the seal after it.
@Suite("Security: a hostile user with psql", .serialized)
struct HostileUserTests: AttackSuite {
    let setup: AttackSetup

    init() throws {
        setup = try AttackSetup(
            prefix: "h",
            lines: [
                "community add 江岸社区", "unit add 江岸小学 --community 江岸社区 --kind primary-school",
                "plan add 疏散预案 --unit 江岸小学 --level special --from 2017-01-01", "drill schedule P-1 --on 2017-07-10",
                "inspection record 江岸小学 --on 2017-06-01", "finding add I-1 通道堵塞 --severity general --within 5wd",
            ])
    }

    func isAdmin(_ user: String) throws -> Bool {
        try store.connection.query(
            "SELECT pg_has_role(\(user), vigil.role_name('admin'), 'MEMBER') AS admin"
        ).first?.decode("admin") ?? true
    }

    @Test(
        "Temporary objects named like catalogs or Vigil's tables cannot stand in for them in any SECURITY DEFINER function",
        arguments: ["inspector", "supervisor", "manager"])
    func temporarySchemaHijack(_ role: String) throws {
        let user = try #require(users[role])
        let connection = try connect(role)
        // The attack that worked before: a temporary view named pg_roles whose column calls the
        // attacker's function, which grants admin while the owner's rights are in force.
        try connection.execute(
            script: #"""
                CREATE FUNCTION pg_temp.evil() RETURNS boolean LANGUAGE plpgsql AS $$
                BEGIN
                    EXECUTE format('GRANT %I TO %I', vigil.role_name('admin'), session_user);
                    RETURN true;
                END $$;
                CREATE TEMP VIEW pg_roles AS SELECT rolname, pg_temp.evil() AS rolsuper, rolcanlogin, oid FROM pg_catalog.pg_roles;
                CREATE TEMP VIEW pg_auth_members AS SELECT * FROM pg_catalog.pg_auth_members WHERE pg_temp.evil();
                CREATE TEMP TABLE streams (stream_id text, version integer, head_hash bytea);
                CREATE TEMP TABLE events (LIKE vigil.events);
                CREATE TEMP TABLE event_types (LIKE vigil.event_types);
                CREATE TEMP TABLE codes (kind text, last integer);
                CREATE TEMP TABLE instance (singleton boolean, id text);
                CREATE TEMP TABLE projections (LIKE vigil.projections);
                CREATE TEMP TABLE users (name text, superuser boolean, roles text[]);
                """#)
        // A type this role may not append: the hijack would have to make it an admin.
        let (stream, type, data) =
            role == "supervisor"
            ? ("finding:F-1", "FindingRectified", #"{"on": "2017-06-02"}"#)
            : ("community:伪造社区", "CommunityAdded", #"{"name": "伪造社区"}"#)
        let error = try refused("\(type) by \(role) through a hijacked pg_roles") {
            try connection.query("SELECT * FROM vigil.append(\(stream), -1, \(Self.event(type, data))::jsonb)")
        }
        #expect(error?.sqlState == "VG003" || error?.sqlState == PostgresError.State.insufficientPrivilege)
        for call in [
            "SELECT vigil.user_add('mallory', 'admin', NULL)", "SELECT vigil.user_grant(\(user), 'admin', true)",
            "SELECT vigil.rebuild('planner')",
        ] as [Query] {
            try refused("\(call.sql) by \(role)") { try connection.query(call) }
        }
        if role != "manager" {
            _ = try connection.query("SELECT planner.next_code('P')")
        }
        #expect(try isAdmin(user) == false, "\(role) became an admin")
        #expect(
            try store.connection.query("SELECT count(*) AS n FROM pg_roles WHERE rolname = 'mallory'").first?.decode(
                "n") == 0)
    }

    @Test("Every event type is refused on every stream kind but its own, even for an admin")
    func everyTypeOnEveryWrongStream() throws {
        let connection = try database.connect()
        for spec in EventRegistry.types {
            for kind in StreamKind.allCases where kind != spec.stream {
                let error = try refused("\(spec.name) on a \(kind) stream") {
                    try connection.query(
                        "SELECT * FROM vigil.append(\(kind.rawValue + ":P-1"), -1, \(Self.event(spec.name, "{}"))::jsonb)"
                    )
                }
                #expect(error?.sqlState == "VG006", "\(spec.name) on \(kind): \(error?.message ?? "")")
                #expect(error?.message.contains("belongs in a \(spec.stream.rawValue) stream") == true)
            }
        }
    }

    static let malformed: [(what: String, stream: String, event: String, says: String)] = [
        (
            "schema version 9", "finding:F-1",
            #"[{"event_id": "11111111-1111-4111-8111-111111111111", "type": "FindingRectified", "schema_version": 9, "data": {"on": "2017-06-02"}}]"#,
            "schema version"
        ),
        (
            "a finding's event on a plan stream", "plan:P-1", event("FindingRectified", #"{"on": "2017-06-02"}"#),
            "belongs in a finding stream"
        ),
        (
            "a code never allocated", "finding:F-2147483647",
            event(
                "FindingAdded",
                #"{"code": "F-2147483647", "inspected_on": "2017-06-01", "unit": "江岸小学", "text": "x", "severity": "general", "due": "2017-06-09", "deadline": "5wd"}"#
            ), "not a F-n code"
        ),
        (
            "a code ahead of the allocator", "finding:F-99",
            event(
                "FindingAdded",
                #"{"code": "F-99", "inspected_on": "2017-06-01", "unit": "江岸小学", "text": "x", "severity": "general", "due": "2017-06-09", "deadline": "5wd"}"#
            ), "never allocated"
        ),
        (
            "a plan code in a finding", "finding:F-1",
            event(
                "FindingAdded",
                #"{"code": "P-2147483647", "inspected_on": "2017-06-01", "unit": "江岸小学", "text": "x", "severity": "general", "due": "2017-06-09", "deadline": "5wd"}"#
            ), "FindingAdded.code"
        ),
        (
            "a code that does not match its stream", "drill:D-1",
            event("DrillConducted", #"{"code": "D-2", "plan": "P-1", "on": "2017-07-10"}"#), "does not match the stream"
        ),
        (
            "metadata that is an array", "finding:F-1",
            event("FindingRectified", #"{"on": "2017-06-02"}"#, metadata: "[1, 2]"), "metadata must be a JSON object"
        ),
        ("a missing required field", "drill:D-1", event("DrillRescheduled", #"{"reason": "雨"}"#), "needs the field on"),
        ("a date that does not exist", "unit:江岸小学", event("UnitClosed", #"{"on": "2017-02-30"}"#), "not a valid date"),
        ("a date as a number", "unit:江岸小学", event("UnitClosed", #"{"on": 20170201}"#), "not a valid date"),
        (
            "an unknown choice", "finding:F-1", event("FindingVerified", #"{"on": "2017-06-02", "result": "maybe"}"#),
            "not a valid choice"
        ),
        (
            "a negative count", "drill:D-1",
            event("DrillConducted", #"{"code": "D-1", "plan": "P-1", "on": "2017-07-10", "participants": -5}"#),
            "not a valid count"
        ),
        (
            "a fractional count", "drill:D-1",
            event("DrillConducted", #"{"code": "D-1", "plan": "P-1", "on": "2017-07-10", "participants": 2.5}"#),
            "not a valid count"
        ),
        (
            "an oversized text", "drill:D-1",
            event("DrillCancelled", "{\"reason\": \"\(String(repeating: "长", count: 10_001))\"}"), "not a valid text"
        ),
        ("an empty name", "community:江岸社区", event("CommunityAdded", #"{"name": ""}"#), "not a valid text"),
        (
            "an unknown field", "finding:F-1", event("FindingRectified", #"{"on": "2017-06-02", "approved": true}"#),
            "has no field approved"
        ),
        ("data that is not an object", "finding:F-1", event("FindingRectified", "[1]"), "data must be a JSON object"),
        ("an unknown type", "finding:F-1", event("FindingDeleted", "{}"), "unknown event type FindingDeleted"),
        (
            "a forged recording time", "finding:F-1",
            #"[{"event_id": "22222222-2222-4222-8222-222222222222", "type": "FindingRectified", "data": {"on": "2017-06-02"}, "recorded_at": "2001-01-01"}]"#,
            "unknown key recorded_at"
        ),
        (
            "an event id that is not a uuid", "finding:F-1",
            #"[{"event_id": "x", "type": "FindingRectified", "data": {"on": "2017-06-02"}}]"#,
            "event_id must be a lowercase uuid"
        ),
        (
            "a stream with no kind", "F-1", event("FindingRectified", #"{"on": "2017-06-02"}"#),
            "belongs in a finding stream"
        ),
        (
            "a holiday notice of another year", "holidays:2017",
            event("HolidayNoticeImported", #"{"notice": {"year": 2018, "papers": [], "days": []}, "blocks": []}"#),
            "the notice's year does not match"
        ),
    ]

    @Test(
        "Malformed and forged events are refused with a message naming what is wrong",
        arguments: ["admin", "inspector"])
    func malformedEvents(_ role: String) throws {
        let connection = role == "admin" ? try database.connect() : try connect("inspector")
        for attack in Self.malformed {
            let error = try refused("\(attack.what) as \(role)") {
                try connection.query("SELECT * FROM vigil.append(\(attack.stream), -1, \(attack.event)::jsonb)")
            }
            guard let error else { continue }
            // An inspector may be refused for the type (VG003) before the payload is read.
            if error.sqlState == "VG003" {
                #expect(role == "inspector", "\(attack.what): \(error.message)")
                continue
            }
            #expect(error.sqlState == "VG006", "\(attack.what): \(error.sqlState ?? "") \(error.message)")
            #expect(error.message.contains(attack.says), "\(attack.what): \(error.message)")
        }
        // Afterwards everyone can still work with P-1 and plan codes.
        #expect(admin.run("drill schedule P-1 --on 2017-08-01") == .ok, "\(admin.errors)")
        #expect(admin.run("plan add 综合预案 --unit 江岸小学 --level comprehensive --every 6m --from 2017-01-01") == .ok)
    }

    @Test("The allocator is the only way a code counter moves, and it stops short of the integer limit")
    func codeCounters() throws {
        let inspector = try connect("inspector")
        try refused("an inspector writing the code counters") {
            try inspector.query("UPDATE planner.codes SET last = 2147483647 WHERE kind = 'P'")
        }
        try store.connection.query(
            "INSERT INTO planner.codes (street, kind, last) VALUES (1, 'A', 999999999) ON CONFLICT (street, kind) DO UPDATE SET last = 999999999"
        )
        let error = try refused("the allocator past its range") {
            try inspector.query("SELECT planner.next_code('A')")
        }
        #expect(error?.message.contains("used up") == true)
    }

    @Test(
        "Direct writes to the log, the heads and the projections are refused, even under session_replication_role = replica"
    )
    func directWrites() throws {
        for role in ["supervisor", "inspector", "manager"] {
            let connection = try connect(role)
            for sql in [
                "DELETE FROM vigil.events", "UPDATE vigil.streams SET version = 1", "DELETE FROM vigil.streams",
                "INSERT INTO vigil.event_types SELECT * FROM vigil.event_types",
                "UPDATE planner.drills SET status = 'cancelled'",
                "DELETE FROM vigil.instance",
            ] as [Query] {
                try refused("\(sql.sql) by \(role)") { try connection.query(sql) }
            }
        }
        let superuser = try database.connect()
        try superuser.query("SET session_replication_role = replica")
        for sql in [
            "UPDATE vigil.events SET data = '{}'", "DELETE FROM vigil.events", "TRUNCATE vigil.events",
            "DELETE FROM vigil.streams", "UPDATE vigil.streams SET version = 0", "TRUNCATE vigil.streams CASCADE",
        ] as [Query] {
            let error = try refused("\(sql.sql) by a superuser in replica mode") { try superuser.query(sql) }
            #expect(error?.sqlState == PostgresError.State.insufficientPrivilege, "\(sql.sql): \(error?.message ?? "")")
        }
    }

    @Test("The actor and the time are the database's, whatever the client sends")
    func forgedActor() throws {
        let inspector = try connect("inspector")
        let code = try #require(
            try inspector.query("SELECT planner.next_code('I') AS code").first?.decode("code", as: String.self))
        try inspector.query(
            """
            SELECT * FROM vigil.append(\("inspection:" + code), -2, \(Self.event("InspectionRecorded", #"{"code": "\#(code)", "unit": "江岸小学", "on": "2017-06-02"}"#, metadata: #"{"actor": "the_director", "recorded_at": "2001-01-01"}"#))::jsonb)
            """)
        let recorded = try #require(try store.read(stream: "inspection:" + code).first)
        #expect(recorded.actor == users["inspector"])
        #expect(recorded.recordedAt.timeIntervalSinceNow > -60)
    }
}
