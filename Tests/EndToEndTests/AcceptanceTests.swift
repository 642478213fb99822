import Foundation
import TestSupport
import Testing

/// The acceptance scenarios: a year of a street office's records typed into the shell, and the
/// answers every report must give (../shared/acceptance). The scenarios in Tests/Acceptance run
/// always; more can be added with VIGIL_ACCEPTANCE_DIR (a folder of scenario folders).
@Suite("Acceptance scenarios, end to end through the vigil binary", .serialized)
struct AcceptanceTests {
    static var scenarios: [URL] {
        var folders = [VigilBinary.packageRoot.appendingPathComponent("Tests/Acceptance")]
        if let extra = ProcessInfo.processInfo.environment["VIGIL_ACCEPTANCE_DIR"], !extra.isEmpty {
            folders.append(URL(fileURLWithPath: extra))
        }
        return folders.flatMap { folder in
            ((try? FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)) ?? [])
                .filter { FileManager.default.fileExists(atPath: $0.appendingPathComponent("expected.json").path) }
        }.sorted { $0.lastPathComponent < $1.lastPathComponent }
    }

    @Test("The scenario loads with exit 0 and every report matches expected.json", arguments: scenarios)
    func scenario(_ folder: URL) throws {
        let database = try TestDatabase(migrated: false)
        let load = try VigilBinary.run(["--db", database.conninfo, "-f", "script.vgl"], in: folder)
        try #require(load.status == 0, "loading \(folder.lastPathComponent) failed: \(load.stderr)")

        let expected = try JSONSerialization.jsonObject(
            with: Data(contentsOf: folder.appendingPathComponent("expected.json")))
        let answers = try #require(expected as? [String: Any])
        let year = answers["year"] as? Int ?? 2017
        let dates = answers.keys.filter { $0.count == 10 && $0.first?.isNumber == true }.sorted()
        #expect(!dates.isEmpty)
        for date in dates {
            let want = try #require(answers[date] as? [String: Any])
            func report(_ command: String) throws -> [[String: Any]] {
                let result = try VigilBinary.run([
                    "--db", database.conninfo, "--today", date, "--format", "json", "-c", command,
                ])
                #expect(result.status == 0, "\(command) as of \(date): \(result.stderr)")
                let rows = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]]
                return rows ?? []
            }

            let overdue = try report("drills overdue")
            #expect(
                Self.rows(overdue, ["plan", "last_drill", "due", "days_overdue"])
                    == Self.rows(
                        want["drills_overdue"] as? [[String: Any]] ?? [], ["plan", "last_drill", "due", "days_overdue"]),
                "drills overdue as of \(date)")

            let findings = try report("findings --overdue")
            #expect(
                Self.rows(findings, ["finding", "due", "days_overdue"])
                    == Self.rows(
                        want["findings_overdue"] as? [[String: Any]] ?? [], ["finding", "due", "days_overdue"]),
                "findings --overdue as of \(date)")

            for (campaign, rows) in want["compliance"] as? [String: [[String: Any]]] ?? [:] {
                let got = try report("compliance '\(campaign)' --year \(year) --detail")
                #expect(
                    got.map(Self.compliance) == rows.map(Self.compliance),
                    "compliance \(campaign) as of \(date)")
            }
        }
    }

    /// Rows reduced to the given keys, as sorted text, so the comparison ignores report order.
    static func rows(_ rows: [[String: Any]], _ keys: [String]) -> [String] {
        rows.map { row in
            keys.map { "\(row[$0].map { $0 is NSNull ? "null" : "\($0)" } ?? "null")" }.joined(separator: "|")
        }
        .sorted()
    }

    /// A compliance row as community, required, covered and the missing periods' start and end.
    static func compliance(_ row: [String: Any]) -> String {
        let missing = (row["missing"] as? [Any] ?? []).map { period -> String in
            if let object = period as? [String: Any] {
                return "\(object["start"] ?? "")…\(object["end"] ?? "")"
            }
            let pair = period as? [Any] ?? []
            return pair.map { "\($0)" }.joined(separator: "…")
        }
        return
            "\(row["community"] ?? "")|\(row["required"] ?? "")|\(row["covered"] ?? "")|\(missing.joined(separator: ","))"
    }
}
