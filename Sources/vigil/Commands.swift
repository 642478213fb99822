import ArgumentParser
import EventStore
import Foundation
import Postgres

struct Migrate: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Apply the Schema/ migrations, then exit.")
    @OptionGroup var options: CommonOptions

    func run() throws {
        let connection = try Database.connect(options.database)
        try Database.migrate(connection, quietly: false)
    }
}

struct Rebuild: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Rebuild projections from the log.")
    @OptionGroup var options: CommonOptions
    @Argument(help: "The projection to rebuild (default: every one).") var projection: String?

    func run() throws {
        let connection = try Database.connect(options.database)
        try Database.migrate(connection, quietly: true)
        let store = EventStore(connection: connection)
        let names = try projection.map { [$0] } ?? store.projections().map(\.name)
        for name in names {
            let started = Date()
            do {
                let count = try store.rebuild(projection: name)
                let seconds = Date().timeIntervalSince(started)
                print("rebuilt \(name): \(count) events in \(String(format: "%.2f", seconds)) s")
            } catch {
                FileHandle.standardError.write(Data("vigil: rebuild of \(name) failed: \(error)\n".utf8))
                throw ExitCode(1)
            }
        }
    }
}

struct Verify: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check the log's hash chains (and against an earlier seal); exit status 1 when anything is wrong.")
    @OptionGroup var options: CommonOptions
    @Option(help: "A digest printed earlier by `vigil seal`.") var seal: String?

    func run() throws {
        let parsedSeal = try seal.map { text -> Seal in
            guard let parsed = Seal(text) else {
                throw ValidationError("--seal \(text): not a seal (expected vigil-seal-v1:POSITION:COUNT:DIGEST)")
            }
            return parsed
        }
        let connection = try Database.connect(options.database)
        let store = EventStore(connection: connection)
        let problems = try store.verify()
        var failed = false
        if let first = problems.first {
            failed = true
            print("FAILED: \(first)")
            if problems.count > 1 { print("and \(problems.count - 1) more problem(s):") }
            for problem in problems.dropFirst() { print("  \(problem)") }
        } else {
            let count =
                try connection.query("SELECT count(*) AS n FROM vigil.events").first?.decode("n", as: Int.self) ?? 0
            print("ok: \(count) events, every stream's hash chain intact")
        }
        if let parsedSeal {
            if try store.matches(parsedSeal) {
                print("ok: the log up to position \(parsedSeal.lastPosition) matches the seal")
            } else {
                failed = true
                print(
                    "FAILED: the log up to position \(parsedSeal.lastPosition) does not match the seal; it was changed after the seal was taken"
                )
            }
        }
        if failed { throw ExitCode(1) }
    }
}

struct SealCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "seal",
        abstract: "Print a digest of the whole log, alone on the last line; it writes nothing.")
    @OptionGroup var options: CommonOptions

    func run() throws {
        let connection = try Database.connect(options.database)
        let seal = try EventStore(connection: connection).seal()
        print("events: \(seal.eventCount), last position: \(seal.lastPosition)")
        print(seal.description)
    }
}
