import EventStore
import Foundation
import Postgres
import Shell
import ShellHarness
import TestSupport
import Testing

/// Rights scoped by street (DESIGN.md, "Who may do what"): each scoped role through the shell,
/// and the same person through plain SQL, sees and writes exactly the same streets.
@Suite("Streets: rights scoped by street, in the shell and in psql", .serialized)
struct StreetScopeTests {
    let database: TestDatabase
    let admin: ShellHarness
    /// Logins by what they are: a supervisor and a manager of 甲街道, a manager of 硚口区.
    let users: [String: String]
    /// Street numbers by name.
    let streets: [String: Int]

    init() throws {
        database = try TestDatabase()
        admin = ShellHarness(try database.connect(), format: .json, today: "2017-06-30")
        for line in [
            "street add 甲街道 --district 硚口区", "street add 乙街道 --district 硚口区", "street add 丙街道 --district 江岸区",
        ] {
            try #require(admin.run(line) == .ok, "\(line): \(admin.errors)")
        }
        // One overdue plan in each street, under the same code and names: a street reads alone.
        for street in ["甲街道", "乙街道", "丙街道"] {
            for line in [
                "set street \(street)", "community add 中心社区",
                "unit add 中心小学 --community 中心社区 --kind primary-school",
                "plan add 疏散预案 --unit 中心小学 --level special --every 6m --from 2016-01-01",
            ] {
                try #require(admin.run(line) == .ok, "\(street): \(line): \(admin.errors)")
            }
        }
        try #require(admin.run("unset street") == .ok)
        let suffix = String(UUID().uuidString.prefix(6)).lowercased()
        var users: [String: String] = [:]
        for (key, scope) in [
            ("supervisor", "--role supervisor --street 甲街道"), ("inspector", "--role inspector --street 甲街道"),
            ("manager", "--role manager --street 甲街道"),
            ("district", "--role manager --district 硚口区"),
        ] {
            users[key] = "s\(suffix)_\(key)"
            try #require(admin.run("user add s\(suffix)_\(key) \(scope)") == .ok, "\(admin.errors)")
        }
        self.users = users
        let directory = try PlannerStoreProbe.streets(try database.connect())
        streets = directory
    }

    @Test("A street's supervisor writes its street only: the shell refuses another, and so does the database")
    func supervisorWritesOwnStreet() throws {
        let login = try #require(users["supervisor"])
        let shell = ShellHarness(try database.connect(as: login), today: "2017-06-30")
        #expect(shell.run("community add 新社区") == .ok, "its own street needs no choosing: \(shell.errors)")
        #expect(try communities(in: "甲街道").contains("新社区"))
        #expect(try !communities(in: "乙街道").contains("新社区"))

        shell.clear()
        #expect(shell.run("set street 乙街道") == .refused)
        #expect(shell.errors.contains("permission denied"), "\(shell.errors)")

        // The same person in psql, choosing the other street by hand.
        let sql = try database.connect(as: login)
        let store = EventStore(connection: try database.connect())
        let before = try store.seal()
        try sql.query("SELECT set_config('vigil.street', \(String(try #require(streets["乙街道"]))), false)")
        let error = try #require(throws: PostgresError.self) {
            try sql.query(
                "SELECT * FROM vigil.append('community:越界社区', -2, \(#"[{"event_id": "0e8f9a43-8a3e-4f43-9a53-6a0b7a1e1e11", "type": "CommunityAdded", "data": {"name": "越界社区"}}]"#)::jsonb)"
            )
        }
        #expect(error.sqlState == "42501" && error.message.contains("乙街道"), "\(error)")
        #expect(throws: (any Error).self) {
            try EventStore(connection: sql).append(
                [NewEvent(type: "CommunityAdded", data: #"{"name": "越界社区"}"#)], to: "community:越界社区",
                expected: .noStream)
        }
        let code = try #require(throws: PostgresError.self) { try sql.query("SELECT planner.next_code('P')") }
        #expect(code.sqlState == "42501")
        #expect(try store.seal() == before, "a refused write leaves the log as it was")
    }

    @Test("What each person reads: their street, their district's streets; psql shows the same rows")
    func readsAreScoped() throws {
        // A street's manager: one street, in the single-street shape.
        let manager = ShellHarness(
            try database.connect(as: try #require(users["manager"])), format: .json, today: "2017-06-30")
        #expect(manager.run("drills overdue") == .ok, "\(manager.errors)")
        let own = try rows(manager.output)
        #expect(own.count == 1 && own[0]["street"] == nil && own[0]["plan"] as? String == "P-1")

        // A district's manager: the district's two streets, with the street key; not the third.
        let district = ShellHarness(
            try database.connect(as: try #require(users["district"])), format: .json, today: "2017-06-30")
        #expect(district.run("drills overdue") == .ok, "\(district.errors)")
        #expect(Set(try rows(district.output).compactMap { $0["street"] as? String }) == ["甲街道", "乙街道"])
        district.clear()
        #expect(district.run("drills overdue --district 硚口区") == .ok, "\(district.errors)")
        #expect(try rows(district.output).count == 2)
        district.clear()
        #expect(district.run("drills overdue --district 江岸区") == .refused)
        #expect(district.errors.contains("permission denied"), "\(district.errors)")

        // An admin without a street: every street.
        admin.clear()
        #expect(admin.run("findings") == .ok && admin.run("drills overdue") == .ok, "\(admin.errors)")
        #expect(Set(try rows(admin.output).compactMap { $0["street"] as? String }) == ["甲街道", "乙街道", "丙街道"])

        // psql: the rows of the planner's tables and of the log each person may read.
        for (key, visible) in [("manager", ["甲街道"]), ("district", ["甲街道", "乙街道"])] {
            let sql = try database.connect(as: try #require(users[key]))
            let ids = visible.compactMap { streets[$0] }.sorted()
            let planStreets = try sql.query("SELECT DISTINCT street FROM planner.plans ORDER BY 1").rows
                .map { try $0.decode("street", as: Int.self) }
            #expect(planStreets == ids, "\(key): planner.plans")
            let logStreets = try sql.query("SELECT DISTINCT street FROM vigil.events WHERE street > 0 ORDER BY 1").rows
                .map { try $0.decode("street", as: Int.self) }
            #expect(logStreets == ids, "\(key): vigil.events")
            #expect(throws: PostgresError.self, "\(key) appends nothing") {
                try sql.query("SELECT * FROM vigil.append('community:x', -2, '[]'::jsonb)")
            }
        }
    }

    @Test("Another street's photo cannot be carried by digest: the refusal is a missing file's, so it tells nothing")
    func photosOfAnotherStreet() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("streets-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let photo = folder.appendingPathComponent("乙.png")
        try Data(
            [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + (0..<64).map { UInt8(truncatingIfNeeded: $0 &* 7) }
        ).write(to: photo)
        admin.clear()
        #expect(
            admin.run("set street 乙街道") == .ok
                && admin.run("inspection record 中心小学 --on 2017-06-01 --photo '\(photo.path)'") == .ok,
            "\(admin.errors)")
        admin.run("unset street")
        let stored = try #require(
            try database.connect().query("SELECT sha256, size FROM vigil.attachments").first)
        let (sha, size) = (try stored.decode("sha256", as: String.self), try stored.decode("size", as: Int.self))

        let sql = try database.connect(as: try #require(users["inspector"]))
        func carry(_ digest: String) throws -> PostgresError {
            try sql.execute(script: "BEGIN")
            defer { try? sql.execute(script: "ROLLBACK") }
            let code = try #require(
                try sql.query("SELECT planner.next_code('I') AS code").first?.decode("code", as: String.self))
            let events =
                #"[{"event_id": "0e8f9a43-8a3e-4f43-9a53-6a0b7a1e1e13", "type": "InspectionRecorded", "data": {"code": ""#
                + code + #"", "unit": "中心小学", "on": "2017-06-02", "photos": [{"sha256": ""# + digest
                + #"", "name": "x.png", "type": "image/png", "size": "# + String(size) + "}]}}]"
            return try #require(throws: PostgresError.self) {
                try sql.query("SELECT * FROM vigil.append(\("inspection:" + code), -2, \(events)::jsonb)")
            }
        }
        let stolen = try carry(sha)
        let missing = try carry(String(repeating: "0", count: 64))
        #expect(stolen.sqlState == "VG006" && stolen.message.contains("photos is not a valid attachments"), "\(stolen)")
        // The message quotes the payload; up to the digest it is the same.
        #expect(
            stolen.message.components(separatedBy: "\"sha256\"").first
                == missing.message.components(separatedBy: "\"sha256\"").first,
            "the same refusal as a file that does not exist")
        #expect(try sql.query("SELECT 1 FROM vigil.attachment_chunks").rows.isEmpty, "the bytes stay unreadable")
    }

    @Test("Once streets are named, a login the database gave no street reads and writes none")
    func noScopeNoStreet() throws {
        let login = "s\(String(UUID().uuidString.prefix(6)).lowercased())_unscoped"
        try database.connect().query("SELECT vigil.user_add(\(login), 'inspector', NULL)")
        let sql = try database.connect(as: login)
        let readable = try sql.query("SELECT array_to_string(vigil.readable_streets(), ',') AS s").first?
            .decode("s", as: String.self)
        #expect(readable == "0", "national records only")
        #expect(try sql.query("SELECT 1 FROM planner.plans").rows.isEmpty)
        #expect(throws: PostgresError.self) { try sql.query("SELECT planner.next_code('I')") }
        // Asking for street 0 by hand still writes nothing national: 0 is never a session's street.
        try sql.query("SELECT set_config('vigil.street', '0', false)")
        #expect(throws: PostgresError.self) { try sql.query("SELECT planner.next_code('I')") }
    }

    @Test("A report naming a record answers from the streets that have it, and refuses only when none has")
    func namedRecordAcrossStreets() throws {
        admin.clear()
        for line in [
            "set street 乙街道", "unit add 独有幼儿园 --community 中心社区 --kind kindergarten", "unset street",
        ] {
            try #require(admin.run(line) == .ok, "\(line): \(admin.errors)")
        }
        admin.clear()
        #expect(admin.run("rules for 独有幼儿园") == .ok, "\(admin.errors)")
        #expect(Set(try rows(admin.output).compactMap { $0["street"] as? String }) == ["乙街道"])
        admin.clear()
        #expect(admin.run("history P-1") == .ok, "\(admin.errors)")
        #expect(Set(try rows(admin.output).compactMap { $0["street"] as? String }) == ["甲街道", "乙街道", "丙街道"])
        admin.clear()
        #expect(admin.run("rules for 无此单位") == .refused)
        #expect(admin.errors.contains("no unit 无此单位"), "\(admin.errors)")
    }

    @Test(
        "Every street-keyed table's policy asks only the catalog, as Citus needs on a worker, and agrees with readable_streets"
    )
    func policiesAskTheCatalog() throws {
        let connection = try database.connect()
        let policies = try connection.query(
            """
            SELECT c.relnamespace::regnamespace::text || '.' || c.relname AS table, p.qual
              FROM pg_catalog.pg_class c
              JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid AND a.attname = 'street' AND NOT a.attisdropped
              LEFT JOIN pg_catalog.pg_policies p ON p.schemaname = c.relnamespace::regnamespace::text
                                                AND p.tablename = c.relname
             WHERE c.relkind = 'r' AND c.relnamespace IN ('vigil'::regnamespace, 'planner'::regnamespace)
               AND c.relname NOT IN ('streets', 'user_scopes')
            """
        ).rows.map { (try $0.decode("table", as: String.self), try $0.decode("qual", as: String?.self) ?? "") }
        #expect(policies.count >= 23, "every street-keyed table: \(policies.map(\.0))")
        for (table, qual) in policies {
            #expect(qual.contains("pg_has_role") && !qual.contains("SELECT"), "\(table): \(qual)")
        }
        // The roles say what readable_streets says, for each scoped person.
        for key in ["supervisor", "manager", "district"] {
            let sql = try database.connect(as: try #require(users[key]))
            let row = try #require(
                try sql.query(
                    """
                    SELECT array_to_string(array_remove(vigil.readable_streets(), 0), ',') AS scoped,
                           (SELECT string_agg(DISTINCT street::text, ',' ORDER BY street::text) FROM vigil.streams) AS seen
                    """
                ).first)
            #expect(
                try row.decode("scoped", as: String.self) == row.decode("seen", as: String?.self),
                "\(key): the rows it sees are the streets it may read")
        }
    }

    @Test("A district's scope is for managers: the shell and the database refuse it to a writer")
    func districtScopeOnlyForManagers() throws {
        admin.clear()
        #expect(admin.run("user add someone_w --role inspector --district 硚口区") == .refused)
        #expect(admin.errors.contains("--district"), "\(admin.errors)")
        admin.clear()
        #expect(admin.run("user add someone_v --role inspector") == .refused, "several streets: a scope is needed")
        let login = try #require(users["supervisor"])
        #expect(throws: PostgresError.self) {
            try database.connect().query("SELECT vigil.user_scope(\(login), NULL, '硚口区')")
        }
    }

    private func communities(in street: String) throws -> [String] {
        admin.clear()
        try #require(admin.run("set street \(street)") == .ok && admin.run("community list") == .ok, "\(admin.errors)")
        defer { admin.run("unset street") }
        return try rows(admin.output).compactMap { $0["community"] as? String }
    }

    private func rows(_ json: String) throws -> [[String: Any]] {
        // Several commands print one JSON value each, one per line run; take the last array.
        let last = json.split(separator: "\n").last(where: { $0.hasPrefix("[") }).map(String.init) ?? json
        return try JSONSerialization.jsonObject(with: Data(last.utf8)) as? [[String: Any]] ?? []
    }
}

/// The directory as plain SQL reads it, for the tests' own checks.
enum PlannerStoreProbe {
    static func streets(_ connection: Connection) throws -> [String: Int] {
        var streets: [String: Int] = [:]
        for row in try connection.query("SELECT name, street FROM vigil.streets WHERE name IS NOT NULL").rows {
            streets[try row.decode("name", as: String.self)] = try row.decode("street", as: Int.self)
        }
        return streets
    }
}
