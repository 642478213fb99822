import Foundation
import TestSupport
import Testing

/// `calendar export` on the acceptance year, read back by Python's `icalendar` (the Debian
/// package python3-icalendar, which `scripts/deps.sh --test` installs) as a calendar program
/// would read it, and held against what the shell's own reports say.
@Suite("Calendar export of the acceptance year, read by Python's icalendar", .serialized)
struct CalendarTests {
    static let scenario = VigilBinary.packageRoot.appendingPathComponent("Tests/Acceptance/street-2017")
    static let today = "2017-03-01"
    static let window = ("2017-01-01", "2017-12-31")

    /// Parses an .ics file and prints its events as JSON: uid, summary, start date, and
    /// whether the start is a date (all day) rather than a date-time.
    static let reader = """
        import datetime, icalendar, json, sys
        calendar = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())
        assert str(calendar['VERSION']) == '2.0' and 'PRODID' in calendar
        events = []
        for event in calendar.walk('VEVENT'):
            start = event['DTSTART'].dt
            events.append({'uid': str(event['UID']), 'summary': str(event['SUMMARY']),
                           'start': start.isoformat(), 'all_day': not isinstance(start, datetime.datetime),
                           'stamped': 'DTSTAMP' in event, 'description': str(event['DESCRIPTION'])})
        print(json.dumps(events, ensure_ascii=False))
        """

    struct ReadEvent: Decodable {
        var uid: String
        var summary: String
        var start: String
        var all_day: Bool
        var stamped: Bool
        var description: String
    }

    @Test(
        "Two exports give the same file and UIDs; the events are the reports' rows; every community with a drill appears"
    )
    func acceptanceYear() throws {
        let database = try TestDatabase(migrated: false)
        let load = try VigilBinary.run(["--db", database.conninfo, "-f", "script.vgl"], in: Self.scenario)
        try #require(load.status == 0, "loading the acceptance year failed: \(load.stderr)")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("vigil-calendar-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }

        func vigil(_ command: String, format: String = "table") throws -> VigilBinary.Result {
            try VigilBinary.run(
                ["--db", database.conninfo, "--today", Self.today, "--format", format, "-c", command], in: folder)
        }
        func report(_ command: String) throws -> [[String: Any]] {
            let result = try vigil(command, format: "json")
            #expect(result.status == 0, "\(command): \(result.stderr)")
            return try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]] ?? []
        }
        let (from, to) = Self.window
        func inWindow(_ date: Any?) -> Bool {
            guard let date = date as? String else { return false }
            return date >= from && date <= to
        }

        let first = try vigil("calendar export --from \(from) --to \(to) --out first.ics")
        let second = try vigil("calendar export --from \(from) --to \(to) --out second.ics")
        #expect(first.status == 0 && second.status == 0, "\(first.stderr)\(second.stderr)")
        let firstBytes = try Data(contentsOf: folder.appendingPathComponent("first.ics"))
        #expect(firstBytes == (try Data(contentsOf: folder.appendingPathComponent("second.ics"))))

        let events = try Self.read(folder.appendingPathComponent("first.ics"))
        let again = try Self.read(folder.appendingPathComponent("second.ics"))
        #expect(events.map(\.uid) == again.map(\.uid))
        #expect(Set(events.map(\.uid)).count == events.count, "UIDs are unique")
        #expect(events.allSatisfy { $0.all_day && $0.stamped && inWindow($0.start) })

        // The events are exactly the rows of the shell's own reports, dated in the window.
        let scheduled = try report("drills list").filter { $0["status"] as? String == "scheduled" }
            .filter { inWindow($0["scheduled_on"]) }
        // A plan owes one drill: due soon (drills due) or already overdue (drills overdue).
        let dues = try (report("drills due --within 1y") + report("drills overdue")).filter { inWindow($0["due"]) }
        let deadlines = try report("findings --open").filter { inWindow($0["due"]) }
        #expect(!scheduled.isEmpty && !dues.isEmpty && !deadlines.isEmpty)
        #expect(events.count == scheduled.count + dues.count + deadlines.count)
        #expect(first.stdout == "wrote \(events.count) events to first.ics\n")
        func uids(_ prefix: String, _ rows: [[String: Any]], _ key: String) -> Set<String> {
            Set(rows.map { "\(prefix)-\($0[key] ?? "")" })
        }
        let kinds = Set(events.map { String($0.uid.prefix { $0 != "@" }) })
        #expect(
            kinds
                == uids("drill", scheduled, "drill").union(uids("drill-due", dues, "plan"))
                .union(uids("finding-due", deadlines, "finding")))

        // Every community with a drill to hold is named in a drill's summary.
        let communityOf = Dictionary(
            try report("unit list").map { ($0["unit"] as? String ?? "", $0["community"] as? String ?? "") },
            uniquingKeysWith: { first, _ in first })
        let communities = Set(scheduled.compactMap { communityOf[$0["unit"] as? String ?? ""] })
        #expect(!communities.isEmpty)
        let drillSummaries = events.filter { $0.uid.hasPrefix("drill-D-") }.map(\.summary)
        for community in communities {
            #expect(drillSummaries.contains { $0.contains("（\(community)）") }, "no drill of \(community)")
        }
    }

    @Test("A refused export names the bad word and creates no file")
    func refusalWritesNothing() throws {
        let database = try TestDatabase()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("vigil-calendar-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for (command, word) in [
            ("calendar export --community 无此社区 --out bad.ics", "无此社区"),
            ("calendar export --from 2017-02-30 --out bad.ics", "2017-02-30"),
            ("calendar export --from 2018-01-01 --to 2017-01-01 --out bad.ics", "2018-01-01"),
            ("calendar export --out bad.txt", "bad.txt"),
        ] {
            let result = try VigilBinary.run(["--db", database.conninfo, "--lang", "en", "-c", command], in: folder)
            #expect(result.status == 1, "\(command)")
            #expect(result.stderr.contains(word), "\(command): \(result.stderr)")
            #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty, "\(command)")
        }
    }

    static func read(_ file: URL) throws -> [ReadEvent] {
        let result = try Subprocess.run("/usr/bin/python3", ["-c", reader, file.path])
        try #require(result.status == 0, "icalendar could not read \(file.lastPathComponent): \(result.stderr)")
        return try JSONDecoder().decode([ReadEvent].self, from: Data(result.stdout.utf8))
    }
}
