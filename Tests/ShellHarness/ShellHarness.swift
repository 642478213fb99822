import Foundation
import Planner
import PlannerStore
import Postgres
import Shell

/// An in-process shell on a test database, capturing what it writes.
public final class ShellHarness {
    public let runner: Runner
    private let sink: Sink

    public var output: String { sink.out }
    public var errors: String { sink.err }

    public init(_ connection: Connection, language: Language = .en, format: Format = .table, today: String? = nil) {
        let session = Session(
            store: PlannerStore(connection: connection), language: language, format: format, terminal: .pipe,
            timeZone: TimeZone(identifier: "Asia/Shanghai") ?? .current,
            baseDirectory: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
        session.todayOverride = today.flatMap { LocalDate($0) }
        let sink = Sink()
        self.sink = sink
        runner = Runner(session: session, write: { sink.out += $0 }, writeError: { sink.err += $0 })
    }

    /// Runs a line and returns its outcome; output and errors accumulate until `clear()`.
    @discardableResult
    public func run(_ line: String) -> Runner.Outcome {
        runner.run(line: line)
    }

    public func clear() {
        sink.out = ""
        sink.err = ""
    }

    private final class Sink {
        var out = ""
        var err = ""
    }
}
