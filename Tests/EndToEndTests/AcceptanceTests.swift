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
        try Self.check(folder, on: ["--db", database.conninfo])
    }

    @Test(
        "Loaded into two streets of one district, each street gives expected.json; a district roll-up has both and not a third district's street",
        arguments: scenarios.prefix(1))
    func twoStreets(_ folder: URL) throws {
        let database = try TestDatabase(migrated: false)
        let db = ["--db", database.conninfo]
        let directory = try VigilBinary.run(
            db + ["-c", "street add 甲街道 --district 硚口区; street add 乙街道 --district 硚口区; street add 丙街道 --district 江岸区"])
        try #require(directory.status == 0, "\(directory.stderr)")
        for street in ["甲街道", "乙街道"] {
            let load = try VigilBinary.run(db + ["--street", street, "-f", "script.vgl"], in: folder)
            try #require(load.status == 0, "loading into \(street) failed: \(load.stderr)")
        }
        // The third street, of another district, owes a drill long overdue on every date asked.
        let third = try VigilBinary.run(
            db + [
                "--street", "丙街道", "-c",
                "community add 丙社区; unit add 丙小学 --community 丙社区 --kind primary-school; plan add 丙预案 --unit 丙小学 --level special --every 6m --from 2010-01-01",
            ])
        try #require(third.status == 0, "\(third.stderr)")

        for street in ["甲街道", "乙街道"] {
            try Self.check(folder, on: db + ["--street", street])
        }

        let answers = try Self.answers(folder)
        for date in try Self.dates(answers) {
            let want = try #require(answers[date] as? [String: Any])
            let expected = Self.rows(
                want["drills_overdue"] as? [[String: Any]] ?? [], ["plan", "last_drill", "due", "days_overdue"])
            let rollUp = try Self.report("drills overdue --district 硚口区", on: db + ["--today", date])
            #expect(Set(rollUp.map { $0["street"] as? String }) == ["甲街道", "乙街道"], "the roll-up's streets")
            for street in ["甲街道", "乙街道"] {
                #expect(
                    Self.rows(
                        rollUp.filter { $0["street"] as? String == street },
                        ["plan", "last_drill", "due", "days_overdue"])
                        == expected, "\(street) in the roll-up as of \(date)")
            }
            // The other roll-ups read the district's streets in one query: each street's rows are
            // its own report's.
            for (report, keys) in [
                ("findings", ["finding", "unit", "community", "severity", "status", "due", "days_overdue"]),
                ("compliance summary", ["campaign", "community", "required", "covered", "rate"]),
            ] {
                let districtRows = try Self.report(report + " --district 硚口区", on: db + ["--today", date])
                for street in ["甲街道", "乙街道"] {
                    let own = try Self.report(report, on: db + ["--street", street, "--today", date])
                    #expect(
                        Self.rows(districtRows.filter { $0["street"] as? String == street }, keys)
                            == Self.rows(own, keys), "\(street) in the \(report) roll-up as of \(date)")
                }
            }
            // No street chosen: an admin's report covers every street, with the street key.
            let everywhere = try Self.report("drills overdue", on: db + ["--today", date])
            #expect(everywhere.contains { $0["street"] as? String == "丙街道" })
            #expect(everywhere.count == rollUp.count + 1)
        }
        // The district's printed report: a section per street of the district, under one seal.
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("district-\(UUID().uuidString).html")
        defer { try? FileManager.default.removeItem(at: out) }
        let document = try VigilBinary.run(
            db + ["--today", "2017-12-31", "-c", "report compliance --year 2017 --district 硚口区 --out '\(out.path)'"])
        #expect(document.status == 0, "\(document.stderr)")
        let html = try String(contentsOf: out, encoding: .utf8)
        #expect(html.contains("甲街道") && html.contains("乙街道") && !html.contains("丙街道"))
        let seal = try #require(
            html.range(of: #"vigil-seal-v3:[0-9.,]+:[0-9]+:[0-9a-f]{64}"#, options: .regularExpression).map {
                String(html[$0])
            })
        #expect(try VigilBinary.run(db + ["verify", "--seal", seal]).status == 0, "the district's seal proves its log")

        // Writing needs a street once there are several, and nothing is written without one.
        let refused = try VigilBinary.run(db + ["-c", "community add 无主社区"])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("choose a street") || refused.stderr.contains("请先选择街道"), "\(refused.stderr)")
    }

    /// Every report expected.json names, asked with `options` (the database and a street), as
    /// of each of its dates.
    static func check(_ folder: URL, on options: [String]) throws {
        let answers = try answers(folder)
        let year = answers["year"] as? Int ?? 2017
        for date in try dates(answers) {
            let want = try #require(answers[date] as? [String: Any])
            func report(_ command: String) throws -> [[String: Any]] {
                try Self.report(command, on: options + ["--today", date])
            }

            let overdue = try report("drills overdue")
            #expect(
                Self.rows(overdue, ["plan", "last_drill", "due", "days_overdue"])
                    == Self.rows(
                        want["drills_overdue"] as? [[String: Any]] ?? [], ["plan", "last_drill", "due", "days_overdue"]),
                "drills overdue as of \(date) (\(options.dropFirst(2).joined(separator: " ")))")

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
                #expect(got.allSatisfy { $0["street"] == nil }, "a chosen street keeps the single-street shape")
            }
        }
    }

    static func answers(_ folder: URL) throws -> [String: Any] {
        let expected = try JSONSerialization.jsonObject(
            with: Data(contentsOf: folder.appendingPathComponent("expected.json")))
        return try #require(expected as? [String: Any])
    }

    static func dates(_ answers: [String: Any]) throws -> [String] {
        let dates = answers.keys.filter { $0.count == 10 && $0.first?.isNumber == true }.sorted()
        #expect(!dates.isEmpty)
        return dates
    }

    /// One report's JSON rows.
    static func report(_ command: String, on options: [String]) throws -> [[String: Any]] {
        let result = try VigilBinary.run(options + ["--format", "json", "-c", command])
        #expect(result.status == 0, "\(command) (\(options.dropFirst(2).joined(separator: " "))): \(result.stderr)")
        let rows = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]]
        return rows ?? []
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
