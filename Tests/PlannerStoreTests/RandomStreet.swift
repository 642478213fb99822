import Foundation
import Planner
import Shell
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
}
