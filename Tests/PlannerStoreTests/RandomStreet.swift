import Foundation
import Planner
import Shell
import ShellHarness
import TestSupport

/// A test database holding one random history, the shell that wrote it (reports come out as
/// JSON), the facts read back from its log, and the viewpoints to ask the reports from.
final class RandomStreet {
    let database: TestDatabase
    let shell: ShellHarness
    let facts: LogFacts
    let viewpoints: [Viewpoint]

    init(seed: UInt64) throws {
        database = try TestDatabase()
        shell = ShellHarness(try database.connect(), format: .json, today: RandomHistory.today)
        var history = RandomHistory(seed: seed)
        let accepted = try history.write(to: shell)
        guard accepted > 80 else { throw HistoryError(line: "\(accepted) commands accepted", errors: shell.errors) }
        facts = try LogFacts(try database.connect())
        var random = SeededRandom(seed: seed &+ 1)
        viewpoints = facts.viewpoints(&random)
    }

    /// Writes the street of `seed` and runs `body` on it, on a thread of its own: a street
    /// takes seconds of blocking libpq calls, which must not starve the cooperative pool that
    /// the other suites (the tail test's open transaction among them) are waiting on.
    static func with<T: Sendable>(seed: UInt64, _ body: @escaping @Sendable (RandomStreet) throws -> T) async throws
        -> T
    {
        try await onThread { try body(try RandomStreet(seed: seed)) }
    }

    /// Runs a report as of a viewpoint and decodes its JSON rows.
    func report<Row: Decodable>(_ line: String, at viewpoint: Viewpoint, as _: Row.Type) throws -> [Row] {
        shell.runner.session.todayOverride = viewpoint.date
        shell.runner.session.recordedAsOf = viewpoint.instant
        shell.clear()
        guard shell.run(line) == .ok else { throw HistoryError(line: line, errors: shell.errors) }
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return try decoder.decode([Row].self, from: Data(shell.output.utf8))
    }

    /// The rows of `line` as the SQL answered and as the rule gives them, at every viewpoint.
    func compare<Row: Decodable & Equatable & Sendable>(
        _ line: String, as _: Row.Type, want: (Viewpoint) -> [Row]
    ) throws -> [Comparison<Row>] {
        try viewpoints.map { viewpoint in
            Comparison(
                label: "\(line) \(viewpoint)", got: try report(line, at: viewpoint, as: Row.self), want: want(viewpoint)
            )
        }
    }
}

/// A report's rows at one viewpoint: what the SQL answered and what the Planner's rule gives.
struct Comparison<Row: Equatable & Sendable>: Sendable {
    var label: String
    var got: [Row]
    var want: [Row]
}

/// A line of the history's set-up was refused, or the connection failed.
struct HistoryError: Error, CustomStringConvertible {
    var line: String
    var errors: String
    var description: String { "\(line): \(errors.suffix(500))" }
}
