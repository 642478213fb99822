import EventStore
import Foundation
import Planner
import PlannerStore
import Shell

/// Where the database is, in SHELL.md's order: `--db`, `VIGIL_DATABASE_URL`, libpq's `PG*`
/// variables, then the cluster that `make run` started, whose connection string it keeps in one
/// fixed place per OS user (`$XDG_STATE_HOME/vigil/conninfo`). Nothing is searched for in
/// parent folders, where anybody could plant a file that redirects vigil.
enum Database {
    static func conninfo(_ option: String?, environment: [String: String] = ProcessInfo.processInfo.environment)
        -> String?
    {
        if let option { return option }
        if let url = environment["VIGIL_DATABASE_URL"], !url.isEmpty { return url }
        if environment.keys.contains(where: { ["PGHOST", "PGDATABASE", "PGSERVICE", "PGPORT", "PGUSER"].contains($0) })
        {
            return ""
        }
        guard let file = embeddedClusterFile(environment),
            let text = try? String(contentsOfFile: file, encoding: .utf8)
        else { return nil }
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The file `make run` writes the embedded cluster's connection string to.
    static func embeddedClusterFile(_ environment: [String: String]) -> String? {
        if let state = environment["XDG_STATE_HOME"], state.hasPrefix("/") { return state + "/vigil/conninfo" }
        guard let home = environment["HOME"], home.hasPrefix("/") else { return nil }
        return home + "/.local/state/vigil/conninfo"
    }

    /// The search path every vigil session runs with: the catalog first and the session's
    /// temporary schema last, so no object of the user's can stand in for one of Vigil's.
    static let searchPath = "pg_catalog,pg_temp"

    /// Connects, or exits with status 2 and a one-line message.
    static func connect(_ option: String?) throws -> PlannerStore {
        guard let conninfo = conninfo(option) else {
            fail(
                "no database: give --db CONNINFO, set VIGIL_DATABASE_URL, or start the project's cluster with `make run`"
            )
        }
        do {
            return try PlannerStore.open(conninfo: conninfo, searchPath: searchPath)
        } catch let error as StoreError {
            fail("cannot connect to the database: \(error.message)")
        }
    }

    /// Applies pending migrations; a user who may not migrate is told what to ask for.
    static func migrate(_ store: PlannerStore, quietly: Bool, distribute: Bool = false) throws {
        do {
            // Readers who may not change the schema can still work once it is up to date.
            if quietly, try store.events.schemaIsCurrent() { return }
            let applied = try store.events.migrate(distribute: distribute)
            if !quietly {
                for migration in applied { print("applied \(migration.fileName)") }
                print(applied.isEmpty ? "the schema is up to date" : "migrated")
                if distribute { print("distributed by street") }
            }
        } catch let failure as Migrator.Failure {
            fail(failure.description)
        } catch let error as StoreError {
            if error.isPermissionDenied {
                fail(
                    "the database needs migrating and \(store.user) may not do it; ask an admin to run `vigil migrate`"
                )
            }
            fail("cannot migrate: \(error.message)")
        }
    }

    /// The streets `--street` (or `VIGIL_STREET`) asks seal, verify and tail for: the named
    /// street of `directory` and the national records its reports read; nil when none is named.
    /// An unknown name ends the invocation with status 2.
    static func streets(_ options: CommonOptions, in directory: [Street]) -> [Int]? {
        guard let name = options.streetName else { return nil }
        guard let street = directory.first(where: { $0.name == name }) else {
            let known = directory.map(\.name).joined(separator: ", ")
            fail(
                "\(options.streetOption) \(name): no such street"
                    + (known.isEmpty ? " (this database names no street)" : " (streets: \(known))"))
        }
        return [0, street.id]
    }

    /// Street names by number, for `seal`'s coverage and `tail`'s lines.
    static func names(_ directory: [Street]) -> [Int: String] {
        Dictionary(directory.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
    }

    static func fail(_ message: String) -> Never {
        FileHandle.standardError.write(Data(("vigil: " + message + "\n").utf8))
        exit(2)
    }
}
