import EventStore
import Foundation
import Postgres
import Shell
import ShellHarness
import TestSupport
import Testing

/// Users and roles belong to one Vigil database: two offices on one server share nothing.
@Suite("Security: users, roles and databases", .serialized)
struct UsersTests {
    @Test("A user of one Vigil database can neither connect to nor read nor write another on the same server")
    func twoDatabases() throws {
        let a = try TestDatabase()
        let b = try TestDatabase()
        let adminA = ShellHarness(try a.connect())
        let adminB = ShellHarness(try b.connect())
        let name = "u" + String(UUID().uuidString.prefix(8)).lowercased()
        #expect(adminA.run("user add \(name) --role supervisor") == .ok, "\(adminA.errors)")
        #expect(adminB.run("community add 乙街社区") == .ok)

        let server = try b.connect()
        #expect(
            try server.query("SELECT has_database_privilege(\(name), \(a.name), 'CONNECT') AS ok").first?.decode("ok")
                == true)
        #expect(
            try server.query("SELECT has_database_privilege(\(name), \(b.name), 'CONNECT') AS ok").first?.decode("ok")
                == false)

        // Even inside B (as a superuser would put them there), A's supervisor has no rights.
        let intruder = ShellHarness(try b.connect(as: name))
        #expect(intruder.run("community add 甲街社区") == .refused)
        #expect(intruder.errors.contains("permission denied"), "\(intruder.errors)")
        let sql = try b.connect(as: name)
        #expect(throws: PostgresError.self) { try sql.query("SELECT * FROM planner.communities") }
        #expect(throws: PostgresError.self) {
            try sql.query(
                "SELECT * FROM vigil.append('community:甲街社区', -2, '[{\"event_id\": \"33333333-3333-4333-8333-333333333333\", \"type\": \"CommunityAdded\", \"data\": {\"name\": \"甲街社区\"}}]'::jsonb)"
            )
        }
        adminB.clear()
        #expect(adminB.run("user list") == .ok)
        #expect(!adminB.output.contains(name), "B lists A's user: \(adminB.output)")

        // The same person added to B gets B's rights only as granted there, and keeps A's.
        #expect(adminB.run("user add \(name) --role inspector") == .ok, "\(adminB.errors)")
        #expect(adminB.output.contains("already has a login"), "\(adminB.output)")
        let inB = ShellHarness(try b.connect(as: name), today: "2017-06-30")
        #expect(inB.run("whoami") == .ok)
        #expect(inB.output.contains("inspector") && !inB.output.contains("supervisor"), "\(inB.output)")
        #expect(inB.run("community add 甲街社区") == .refused)
        let inA = ShellHarness(try a.connect(as: name))
        #expect(inA.run("community add 甲街社区") == .ok, "\(inA.errors)")
    }

    @Test("Passwords reach the server hashed, and adding an existing login never changes its password")
    func passwords() throws {
        let database = try TestDatabase()
        let connection = try database.connect()
        let name = "p" + String(UUID().uuidString.prefix(8)).lowercased()
        let refusal = try #require(throws: PostgresError.self) {
            try connection.query("SELECT vigil.user_add(\(name), 'manager', 'hunter2')")
        }
        #expect(refusal.message.contains("must reach the server hashed"))
        let hashed = try connection.encryptPassword("hunter2", user: name)
        #expect(hashed.hasPrefix("SCRAM-SHA-256$") || hashed.hasPrefix("md5"))
        #expect(!hashed.contains("hunter2"))
        #expect(
            try connection.query("SELECT vigil.user_add(\(name), 'manager', \(hashed)) AS created").first?.decode(
                "created") == true)
        let stored = try connection.query("SELECT rolpassword FROM pg_authid WHERE rolname = \(name)").first?.decode(
            "rolpassword", as: String.self)
        #expect(stored == hashed)
        let other = try connection.encryptPassword("other", user: name)
        #expect(
            try connection.query("SELECT vigil.user_add(\(name), 'inspector', \(other)) AS created").first?.decode(
                "created") == false)
        #expect(
            try connection.query("SELECT rolpassword FROM pg_authid WHERE rolname = \(name)").first?.decode(
                "rolpassword", as: String.self) == stored)
    }

    @Test(
        "User names are checked by bytes and by one rule on every server: Chinese names fit, long ones are refused, never cut"
    )
    func userNames() throws {
        let database = try TestDatabase()
        let admin = ShellHarness(try database.connect())
        let suffix = String(UUID().uuidString.prefix(4)).lowercased()
        #expect(admin.run("user add 张安全\(suffix) --role supervisor") == .ok, "\(admin.errors)")
        admin.clear()
        let long = String(repeating: "检", count: 21) + suffix  // 63 bytes of CJK + 4 = 67 bytes
        #expect(admin.run("user add \(long) --role inspector") == .refused)
        #expect(admin.errors.contains("bad user name"), "\(admin.errors)")
        for bad in ["1abc", "a b", "a;drop", "-x", "a\u{3000}b"] {
            admin.clear()
            #expect(admin.run("user add \"\(bad)\" --role manager") == .refused, "\(bad) was accepted")
        }
        admin.clear()
        #expect(admin.run("user list") == .ok)
        #expect(admin.output.contains("张安全\(suffix)"))
    }

    @Test(
        "A disabled user can no longer connect nor act, in the shell or through psql; its records keep its name and user list shows it disabled"
    )
    func disable() throws {
        let database = try TestDatabase()
        let admin = ShellHarness(try database.connect(), format: .json, today: "2017-06-30")
        let name = "d" + String(UUID().uuidString.prefix(8)).lowercased()
        #expect(admin.run("user add \(name) --role supervisor") == .ok, "\(admin.errors)")
        let before = ShellHarness(try database.connect(as: name), today: "2017-06-30")
        #expect(before.run("community add 江岸社区") == .ok, "\(before.errors)")

        #expect(admin.run("user disable \(name)") == .ok, "\(admin.errors)")
        let server = try database.connect()
        #expect(
            try server.query("SELECT has_database_privilege(\(name), \(database.name), 'CONNECT') AS ok").first?
                .decode("ok") == false)

        // In the shell, even on a connection a superuser opened for it.
        let shell = ShellHarness(try database.connect(as: name), today: "2017-06-30")
        #expect(shell.run("community add 汉水湾社区") == .refused)
        #expect(shell.errors.contains("permission denied"), "\(shell.errors)")
        // Through psql: nothing to read, nothing to append.
        let sql = try database.connect(as: name)
        #expect(throws: PostgresError.self) { try sql.query("SELECT * FROM planner.communities") }
        #expect(throws: PostgresError.self) {
            try sql.query(
                "SELECT * FROM vigil.append('community:桃源社区', -2, '[{\"event_id\": \"44444444-4444-4444-8444-444444444444\", \"type\": \"CommunityAdded\", \"data\": {\"name\": \"桃源社区\"}}]'::jsonb)"
            )
        }
        #expect(
            try server.query("SELECT count(*) AS n FROM vigil.events WHERE stream_id = 'community:桃源社区'").first?
                .decode("n", as: Int.self) == 0)

        // Its records stay, under its name.
        admin.clear()
        #expect(admin.run("history 江岸社区") == .ok, "\(admin.errors)")
        #expect(admin.output.contains(name), "\(admin.output)")
        admin.clear()
        #expect(admin.run("user list") == .ok)
        struct Listed: Decodable { var user: String, roles: [String], disabled: Bool }
        let listed = try JSONDecoder().decode([Listed].self, from: Data(admin.output.utf8))
        let row = try #require(listed.first { $0.user == name }, "\(admin.output)")
        #expect(row.disabled && row.roles.isEmpty)

        // Disabling twice, oneself, or granting a role to a disabled login is refused;
        // user add gives the login its rights back.
        #expect(admin.run("user disable \(name)") == .refused)
        #expect(admin.errors.contains("already disabled"), "\(admin.errors)")
        admin.clear()
        let me = try server.query("SELECT session_user::text AS me").first?.decode("me", as: String.self) ?? ""
        #expect(admin.run("user disable \(me)") == .refused)
        admin.clear()
        #expect(admin.run("user grant \(name) --role inspector") == .refused)
        #expect(admin.errors.contains("is disabled"), "\(admin.errors)")
        admin.clear()
        #expect(admin.run("user add \(name) --role inspector") == .ok, "\(admin.errors)")
        #expect(
            try server.query("SELECT has_database_privilege(\(name), \(database.name), 'CONNECT') AS ok").first?
                .decode("ok") == true)
        admin.clear()
        #expect(admin.run("user list") == .ok)
        let again = try JSONDecoder().decode([Listed].self, from: Data(admin.output.utf8))
        #expect(again.first { $0.user == name }.map { !$0.disabled && $0.roles == ["inspector"] } == true)

        // A non-admin cannot disable anyone, not even through psql.
        let other = "e" + String(UUID().uuidString.prefix(8)).lowercased()
        #expect(admin.run("user add \(other) --role supervisor") == .ok, "\(admin.errors)")
        let supervisor = try database.connect(as: other)
        #expect(throws: PostgresError.self) { try supervisor.query("SELECT vigil.user_disable(\(name))") }
    }
}
