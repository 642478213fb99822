import Foundation
import Postgres
import TestSupport
import Testing

@testable import EventStore

@Suite("Migrations", .serialized)
struct MigrationTests {
    @Test("Migrating twice applies nothing the second time and changes nothing")
    func idempotent() throws {
        let database = try TestDatabase(migrated: false)
        let connection = try database.connect()
        let first = try Migrator().migrate(connection)
        #expect(first.map(\.version) == Migration.all.map(\.version))
        #expect(try Migrator().migrate(connection).isEmpty)
        #expect(try Migrator().pending(connection).isEmpty)
        let recorded = try connection.query("SELECT count(*) AS n FROM vigil_meta.migrations").first?.decode(
            "n", as: Int.self)
        #expect(recorded == Migration.all.count)
    }

    @Test("--distribute on a server without Citus is refused, says what it needs, and writes nothing")
    func distributeNeedsCitus() throws {
        let database = try TestDatabase(migrated: false)
        let error = try #require(throws: Migrator.Failure.self) {
            try Migrator().migrate(try database.connect(), distribute: true)
        }
        #expect(error.description.contains("citus extension") && error.description.contains("scaling-out.md"))
        #expect(try Migrator().pending(try database.connect()).count == Migration.all.count, "nothing was migrated")
        let cli = try VigilBinary.run(["--db", database.conninfo, "migrate", "--distribute"])
        #expect(cli.status != 0 && cli.stderr.contains("needs a Citus coordinator"), "\(cli.stderr)")
        #expect(try Migrator().pending(try database.connect()).count == Migration.all.count)
    }

    @Test("A migration changed after it was applied is refused, naming its file")
    func changedMigrationRefused() throws {
        let database = try TestDatabase(migrated: false)
        let connection = try database.connect()
        try Migrator().migrate(connection)
        var edited = Migration.all
        edited[0].sql += "\n-- an edit after the fact\n"
        let error = try #require(throws: Migrator.Failure.self) { try Migrator(migrations: edited).migrate(connection) }
        #expect(error.description.contains("0001_event_store.sql"))
        #expect(error.description.contains("changed after it was applied"))
    }

    @Test("A database that recorded 0001–0003 as first released still migrates and starts")
    func formerTextsAccepted() throws {
        let database = try TestDatabase(migrated: false)
        let connection = try database.connect()
        try Migrator().migrate(connection)
        for (version, sums) in Migration.formerChecksums {
            try connection.query(
                "UPDATE vigil_meta.migrations SET checksum = \(sums.sorted()[0]) WHERE version = \(version)")
        }
        #expect(try Migrator().migrate(connection).isEmpty)
        #expect(try Migrator().pending(connection).isEmpty)
        try connection.query("UPDATE vigil_meta.migrations SET checksum = 'something else' WHERE version = 2")
        #expect(throws: Migrator.Failure.self) { try Migrator().pending(connection) }
    }

    @Test("A database migrated by a newer vigil is refused by an older one")
    func unknownMigrationRefused() throws {
        let database = try TestDatabase(migrated: false)
        let connection = try database.connect()
        try Migrator().migrate(connection)
        let older = Migrator(migrations: Array(Migration.all.dropLast()))
        #expect(throws: Migrator.Failure.self) { try older.migrate(connection) }
    }

    @Test("A failing migration leaves nothing of itself behind and names its file")
    func failingMigrationRollsBack() throws {
        let database = try TestDatabase(migrated: false)
        let connection = try database.connect()
        let broken =
            Migration.all + [
                Migration(version: 9999, name: "broken", sql: "CREATE TABLE vigil.half_done (x int); SELECT 1/0;")
            ]
        let error = try #require(throws: Migrator.Failure.self) { try Migrator(migrations: broken).migrate(connection) }
        #expect(error.description.contains("9999_broken.sql"))
        let table = try connection.query("SELECT to_regclass('vigil.half_done') IS NULL AS absent").first
        #expect(try table?.decode("absent", as: Bool.self) == true)
        #expect(try Migrator().pending(connection).isEmpty)
    }

    @Test("The embedded migrations are the files in Schema/, in order")
    func embeddedMatchesSchemaFolder() throws {
        let folder = VigilBinary.packageRoot.appendingPathComponent("Schema")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".sql") }
            .sorted()
        #expect(files == Migration.all.map(\.fileName))
        for migration in Migration.all {
            let text = try String(contentsOf: folder.appendingPathComponent(migration.fileName), encoding: .utf8)
            #expect(
                text == migration.sql + "\n" || text == migration.sql,
                "\(migration.fileName) differs from its embedded copy")
        }
    }

    @Test("The embedded definitions are the files in Schema/functions/ and Schema/projections/")
    func embeddedMatchesProjectionsFolder() throws {
        let files = try ["functions", "projections"].flatMap { folder in
            try FileManager.default.contentsOfDirectory(
                atPath: VigilBinary.packageRoot.appendingPathComponent("Schema/" + folder).path
            ).filter { $0.hasSuffix(".sql") }.map { folder + "/" + $0 }
        }.sorted()
        #expect(files == Definition.all.map(\.fileName).sorted())
        for definition in Definition.all {
            let text = try String(
                contentsOf: VigilBinary.packageRoot.appendingPathComponent("Schema/" + definition.fileName),
                encoding: .utf8)
            #expect(text == definition.sql + "\n" || text == definition.sql)
        }
    }

    @Test("A changed projection is applied again and rebuilt; an unchanged one is left alone")
    func changedDefinitionReapplied() throws {
        let database = try TestDatabase(migrated: false)
        let connection = try database.connect()
        try Migrator().migrate(connection)
        #expect(try Migrator().isCurrent(connection))
        func planner() throws -> (version: Int, built: Int?) {
            let row = try #require(
                try connection.query("SELECT version, built_version FROM vigil.projections WHERE name = 'planner'")
                    .first)
            return (try row.decode("version", as: Int.self), try row.decode("built_version", as: Int?.self))
        }
        let before = try planner()
        #expect(before.built == before.version)

        // Migrating again applies nothing and leaves the projection's version where it was.
        try Migrator().migrate(connection)
        #expect(try planner().version == before.version)

        var edited = Definition.all
        let index = try #require(edited.firstIndex { $0.name == "planner" })
        edited[index].sql += "\n-- an edit\n"
        let migrator = Migrator(definitions: edited)
        #expect(try !migrator.isCurrent(connection))
        #expect(try migrator.migrate(connection).isEmpty)
        let after = try planner()
        #expect(after.version == before.version + 1)
        #expect(after.built == after.version)
        #expect(try migrator.isCurrent(connection))
        #expect(try !Migrator().isCurrent(connection))
    }
}

@Suite("Migrations at start-up", .serialized)
struct MigrationStartupTests {
    @Test("Every embedded checksum is the one the server computes from the embedded text")
    func embeddedChecksums() throws {
        let database = try TestDatabase(migrated: false)
        let connection = try database.connect()
        let texts: [any SchemaText] = Migration.all + Definition.all
        let embedded = texts.compactMap(\.checksum)
        #expect(embedded.count == texts.count)
        #expect(try Migrator.serverChecksums(of: texts.map(\.sql), connection) == embedded)
    }

    @Test("The start-up check refuses a changed migration without writing, so readers see it too")
    func startupCheckSeesChangedMigration() throws {
        let database = try TestDatabase()
        var edited = Migration.all
        edited[1].sql += "\n-- edited\n"
        let error = try #require(throws: Migrator.Failure.self) {
            try Migrator(migrations: edited).pending(try database.connect())
        }
        #expect(error.description.contains(Migration.all[1].fileName))
        #expect(try Migrator().pending(try database.connect()).isEmpty)
    }
}
