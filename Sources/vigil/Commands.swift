import ArgumentParser
import EventStore
import Foundation
import Planner
import PlannerStore
import Shell

#if canImport(Glibc)
    import Glibc
#endif

struct Migrate: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Apply the Schema/ migrations, then exit.")
    @OptionGroup var options: CommonOptions
    @Flag(help: "On a Citus coordinator: then distribute the tables by street (Runbooks/scaling-out.md).")
    var distribute = false

    func run() throws {
        let store = try Database.connect(options.database)
        try Database.migrate(store, quietly: false, distribute: distribute)
    }
}

struct Rebuild: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Rebuild projections from the log.")
    @OptionGroup var options: CommonOptions
    @Argument(help: "The projection to rebuild (default: every one).") var projection: String?

    func run() throws {
        let planner = try Database.connect(options.database)
        try Database.migrate(planner, quietly: true)
        let store = planner.events
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
                throw ValidationError(
                    "--seal \(text): not a seal (expected vigil-seal-v3:STREET.POSITION,…:COUNT:DIGEST)")
            }
            return parsed
        }
        let planner = try Database.connect(options.database)
        let directory = try planner.streets()
        let streets = Database.streets(options, in: directory)
        let store = planner.events
        let problems = try store.verify(streets: streets)
        var failed = false
        if let first = problems.first {
            failed = true
            print("FAILED: \(first)")
            if problems.count > 1 { print("and \(problems.count - 1) more problem(s):") }
            for problem in problems.dropFirst() { print("  \(problem)") }
        } else {
            let count = try store.eventCount(streets: streets)
            print("ok: \(count) events, every stream's hash chain intact")
        }
        if let parsedSeal {
            let coverage = parsedSeal.coverage(naming: Database.names(directory))
            if try store.matches(parsedSeal) {
                print("ok: \(coverage) matches the seal")
            } else {
                failed = true
                print("FAILED: \(coverage) does not match the seal; it was changed after the seal was taken")
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
        let planner = try Database.connect(options.database)
        // A street's seal covers its log and the national records its reports read.
        let directory = try planner.streets()
        let seal = try planner.events.seal(streets: Database.streets(options, in: directory))
        print("events: \(seal.eventCount), covering \(seal.coverage(naming: Database.names(directory)))")
        print(seal.description)
    }
}

struct Tail: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Follow the log: print each event as it is committed (Ctrl-C stops).")
    @OptionGroup var options: CommonOptions
    @Flag(help: "Start from the beginning of the log instead of its end.") var fromStart = false
    @Option(help: "Stop after this many events.") var count: Int?

    func run() throws {
        let planner = try Database.connect(options.database)
        let directory = try planner.streets()
        let streets = Database.streets(options, in: directory)
        // Once streets are named, each line starts with its street (national records: -).
        let names = Database.names(directory)
        let store = planner.events
        // One server: from the transaction horizon, so that an event of a transaction still
        // running, or committed after the oldest running one began, is shown even when its
        // position is lower. Citus: from each street's last committed position.
        let start: Subscription.Cursor =
            try planner.isDistributed()
            ? .streets(fromStart ? [:] : try store.streetPositions())
            : .merged(fromStart ? .start : Checkpoint(transactionID: try store.horizon(), position: 0))
        var subscription = Subscription(store: store, from: start)
        var printed = 0
        while count.map({ printed < $0 }) ?? true {
            try subscription.poll(wait: 5) { event in
                guard count.map({ printed < $0 }) ?? true, streets.map({ $0.contains(event.street) }) ?? true
                else { return }
                let street = directory.isEmpty ? "" : (names[event.street] ?? "-") + "\t"
                let line =
                    "\(street)\(event.position)\t\(event.recordedAtText)\t\(event.actor ?? "")\t\(event.streamID)\t\(event.type)\t\(event.data)\n"
                FileHandle.standardOutput.write(Data(line.utf8))
                printed += 1
            }
        }
    }
}

struct Demo: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Load a realistic year of a street office into an empty database, ending today.")
    @OptionGroup var options: CommonOptions

    func run() throws {
        let store = try Database.connect(options.database)
        try Database.migrate(store, quietly: true)
        let existing = try store.communities().count
        guard existing == 0 else {
            Database.fail("demo loads into an empty database; this one already has \(existing) communities")
        }
        let session = Session(
            store: store,
            language: options.lang ?? Language.from(environment: ProcessInfo.processInfo.environment),
            format: .table, terminal: .pipe, timeZone: TimeZone(identifier: options.tz ?? "Asia/Shanghai") ?? .current,
            baseDirectory: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
        let end = options.today.flatMap { LocalDate($0) } ?? session.today
        var demo = DemoYear(endingOn: end)
        let calendar = try session.store.holidayCalendar(years: (end.year - 2)...(end.year + 1))
        let lines = demo.commands(calendar: calendar)
        let writeError = { (text: String) in FileHandle.standardError.write(Data(text.utf8)) }
        let runner = Runner(session: session, write: { _ in }, writeError: writeError)
        let progress = ProgressLine(
            "demo", total: lines.count, unit: "commands", every: 500, onTerminal: isatty(STDERR_FILENO) == 1,
            write: writeError)
        for (index, line) in lines.enumerated() {
            guard runner.run(line: line, location: "demo:\(index + 1)") == .ok else { throw ExitCode(1) }
            progress.advance(to: index + 1)
        }
        print(
            "loaded a demo year \(demo.start) – \(end): \(lines.count) commands. Try: drills overdue · compliance summary · findings --overdue"
        )
    }
}
