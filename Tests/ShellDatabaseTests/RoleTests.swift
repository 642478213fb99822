import EventStore
import Foundation
import Postgres
import Shell
import ShellHarness
import TestSupport
import Testing

/// Who may do what (issue: roles enforced by the database): each role runs every command; what
/// it may not run is refused before anything is written, and the database refuses it as well.
@Suite("Roles: supervisors, inspectors and managers", .serialized)
struct RoleTests {
    let database: TestDatabase
    let admin: ShellHarness
    let users: [String: String]

    init() throws {
        database = try TestDatabase()
        admin = ShellHarness(try database.connect(), today: "2017-06-30")
        let suffix = String(UUID().uuidString.prefix(8)).lowercased()
        var users: [String: String] = [:]
        for role in ["supervisor", "inspector", "manager"] {
            let name = "t\(suffix)_\(role)"
            try #require(admin.run("user add \(name) --role \(role)") == .ok, "\(admin.errors)")
            users[role] = name
        }
        self.users = users
        let setup = [
            "community add 江岸社区", "unit add 江岸小学 --community 江岸社区 --kind primary-school",
            "plan add 疏散预案 --unit 江岸小学 --level special --from 2017-01-01",
            "drill schedule P-1 --on 2017-07-10", "campaign define 周宣传 --cadence weekly",
            "inspection record 江岸小学 --on 2017-06-01", "finding add I-1 通道堵塞 --severity general --within 5wd",
        ]
        for line in setup { try #require(admin.run(line) == .ok, "\(line): \(admin.errors)") }
    }

    static let matrix: [(command: String, allowed: Set<String>)] = [
        ("community add 汉水湾社区", ["supervisor"]),
        ("unit add 汉水幼儿园 --community 江岸社区 --kind kindergarten", ["supervisor"]),
        ("plan add 综合预案 --unit 江岸小学 --level comprehensive --every 6m --from 2017-01-01", ["supervisor"]),
        ("drill schedule P-1 --on 2017-08-01", ["supervisor"]),
        ("drill record P-1 --on 2017-06-15", ["supervisor"]),
        ("drill cancel D-1 --reason 天气", ["supervisor"]),
        ("campaign define 月宣传 --cadence monthly", ["supervisor"]),
        ("campaign log 周宣传 --community 江岸社区 --on 2017-06-20", ["supervisor", "inspector"]),
        ("inspection record 江岸小学 --on 2017-06-20", ["inspector"]),
        ("finding add I-1 灭火器过期 --severity general --within 7d", ["inspector"]),
        ("finding rectify F-1 --on 2017-06-05", ["inspector"]),
        ("drills overdue", ["supervisor", "inspector", "manager"]),
        ("findings --open", ["supervisor", "inspector", "manager"]),
        ("compliance summary --year 2017", ["supervisor", "inspector", "manager"]),
        ("history P-1", ["supervisor", "inspector", "manager"]),
        ("user add someone --role manager", []),
    ]

    @Test(
        "Each role runs what it may; the rest is refused and nothing is written",
        arguments: ["supervisor", "inspector", "manager"])
    func matrix(_ role: String) throws {
        let user = try #require(users[role])
        let shell = ShellHarness(try database.connect(as: user), today: "2017-06-30")
        let store = EventStore(connection: try database.connect())
        for (command, allowed) in Self.matrix {
            let before = try store.seal()
            shell.clear()
            let outcome = shell.run(command)
            if allowed.contains(role) {
                #expect(outcome == .ok, "\(role) should run: \(command) — \(shell.errors)")
            } else {
                #expect(outcome == .refused, "\(role) should be refused: \(command)")
                #expect(shell.errors.contains("permission denied"), "\(command): \(shell.errors)")
                #expect(try store.seal() == before, "\(command) wrote something for \(role)")
            }
        }
    }

    @Test(
        "Through plain SQL, no role can write the log or the projections directly",
        arguments: ["supervisor", "inspector", "manager"])
    func directWritesRefused(_ role: String) throws {
        let connection = try database.connect(as: try #require(users[role]))
        for statement in [
            "INSERT INTO vigil.events (position, stream_id, stream_version, event_id, event_type, data, metadata, recorded_at, hash) VALUES (999, 'x', 1, gen_random_uuid(), 'CommunityAdded', '{}', '{}', now(), '\\x00')",
            "UPDATE vigil.events SET data = '{}'", "DELETE FROM vigil.events", "TRUNCATE vigil.events",
            "INSERT INTO planner.communities VALUES ('伪造社区', 1, now())",
            "UPDATE planner.findings SET due = '2099-01-01'",
            "DELETE FROM planner.drills", "UPDATE vigil.streams SET version = 0",
        ] {
            let error = try #require(throws: PostgresError.self, "\(role): \(statement)") {
                try connection.execute(script: statement)
            }
            #expect(error.sqlState == PostgresError.State.insufficientPrivilege)
        }
    }

    @Test("The append function refuses event types the role may not append")
    func appendFunctionChecksType() throws {
        let inspector = EventStore(connection: try database.connect(as: try #require(users["inspector"])))
        #expect(throws: EventStoreError.permissionDenied(eventType: "DrillScheduled", roles: ["supervisor"])) {
            try inspector.append(
                [NewEvent(type: "DrillScheduled", data: #"{"code": "D-9", "plan": "P-1", "on": "2017-07-01"}"#)],
                to: "drill:D-9", expected: .noStream)
        }
        let manager = try database.connect(as: try #require(users["manager"]))
        let error = try #require(throws: PostgresError.self) {
            try manager.query("SELECT * FROM vigil.append('community:x', -1, '[]'::jsonb)")
        }
        #expect(error.sqlState == PostgresError.State.insufficientPrivilege)
    }

    @Test("The actor is the session user, whatever the metadata claims, and history shows it")
    func actorCannotBeForged() throws {
        let inspectorName = try #require(users["inspector"])
        let connection = try database.connect(as: inspectorName)
        while try connection.query("SELECT planner.next_code('I') AS code").first?.decode("code", as: String.self)
            != "I-77"
        {}
        try connection.query(
            """
            SELECT * FROM vigil.append('inspection:I-77', -2, \(#"[{"event_id": "6f1c1f8e-8a0e-4d8e-9a43-0d1c2b3a4f5e", "type": "InspectionRecorded", "data": {"code": "I-77", "unit": "江岸小学", "on": "2017-06-02"}, "metadata": {"actor": "the_director"}}]"#)::jsonb)
            """)
        let recorded = try EventStore(connection: try database.connect()).read(stream: "inspection:I-77")
        #expect(recorded.first?.actor == inspectorName)

        let shell = ShellHarness(try database.connect(as: try #require(users["manager"])), format: .json)
        #expect(shell.run("history I-77") == .ok)
        #expect(shell.output.contains("\"actor\":\"\(inspectorName)\""))
        #expect(!shell.output.contains("the_director"))
    }
}
