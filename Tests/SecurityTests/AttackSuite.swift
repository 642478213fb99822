import EventStore
import Foundation
import Postgres
import Shell
import ShellHarness
import TestSupport
import Testing

/// A suite of attacks through plain SQL: a database with an admin's shell, one login per role,
/// and the checks every attack shares — it is refused, and neither the log's seal nor the
/// stream heads move.
protocol AttackSuite {
    var setup: AttackSetup { get }
}

/// What an attack suite starts from.
struct AttackSetup {
    let database: TestDatabase
    let admin: ShellHarness
    let store: EventStore
    let users: [String: String]

    /// A fresh database with a login per role (named `PREFIX<random>_<role>`) and the records
    /// the admin's shell `lines` make.
    init(prefix: String, lines: [String]) throws {
        database = try TestDatabase()
        admin = ShellHarness(try database.connect(), today: "2017-06-30")
        store = EventStore(connection: try database.connect())
        let suffix = String(UUID().uuidString.prefix(8)).lowercased()
        var users: [String: String] = [:]
        for role in ["supervisor", "inspector", "manager"] {
            let name = "\(prefix)\(suffix)_\(role)"
            try #require(admin.run("user add \(name) --role \(role)") == .ok, "\(admin.errors)")
            users[role] = name
        }
        self.users = users
        for line in lines {
            try #require(admin.run(line) == .ok, "\(line): \(admin.errors)")
        }
    }
}

extension AttackSuite {
    var database: TestDatabase { setup.database }
    var admin: ShellHarness { setup.admin }
    var store: EventStore { setup.store }
    /// The login of each role: supervisor, inspector, manager.
    var users: [String: String] { setup.users }

    func connect(_ role: String) throws -> Connection {
        try database.connect(as: try #require(users[role]))
    }

    /// Runs `attack`, expects it to throw a PostgresError, and checks that nothing was written.
    @discardableResult
    func refused(
        _ what: String, sourceLocation: SourceLocation = #_sourceLocation, _ attack: () throws -> Void
    ) throws -> PostgresError? {
        let before = try store.seal()
        let versions = try heads()
        var caught: PostgresError?
        do {
            try attack()
            Issue.record("\(what) was accepted", sourceLocation: sourceLocation)
        } catch let error as PostgresError {
            caught = error
        } catch {
            Issue.record("\(what): unexpected \(error)", sourceLocation: sourceLocation)
        }
        #expect(try store.seal() == before, "\(what) changed the log", sourceLocation: sourceLocation)
        let after = try heads()
        #expect(after == versions, "\(what) changed the stream heads", sourceLocation: sourceLocation)
        return caught
    }

    /// The stream heads in one line: how many, and the sum of their versions.
    func heads() throws -> String? {
        try store.connection.query("SELECT count(*) AS n, coalesce(sum(version), 0) AS v FROM vigil.streams")
            .first.map { "\(try $0.decode("n", as: Int.self))/\(try $0.decode("v", as: Int.self))" }
    }

    static func event(_ type: String, _ data: String, metadata: String = "{}") -> String {
        #"[{"event_id": "\#(UUID().uuidString.lowercased())", "type": "\#(type)", "data": \#(data), "metadata": \#(metadata)}]"#
    }
}
