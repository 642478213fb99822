import Foundation
import TestSupport
import Testing

@Suite("vigil demo", .serialized)
struct DemoTests {
    @Test("Off a terminal the progress comes in whole lines, and the demo year is loaded")
    func progressOffATerminal() throws {
        let database = try TestDatabase(migrated: false)
        let result = try VigilBinary.run(["--db", database.conninfo, "--today", "2019-12-31", "demo"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(!result.stderr.contains("\r"))
        let lines = result.stderr.split(separator: "\n", omittingEmptySubsequences: false)
        // Every report on a line of its own, the last one the total.
        #expect(lines.last == "")
        let reports = lines.dropLast()
        #expect(reports.count >= 2)
        #expect(reports.allSatisfy { $0.hasPrefix("demo: ") && $0.hasSuffix(" commands") }, "\(reports)")
        let last = try #require(reports.last)
        let total = last.dropFirst("demo: ".count).prefix { $0 != "/" }
        #expect(last == "demo: \(total)/\(total) commands")
        #expect(result.stdout.hasPrefix("loaded a demo year 2018-12-31 – 2019-12-31: \(total) commands."))
    }
}
