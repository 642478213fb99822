import Foundation
import TestSupport
import Testing

@testable import Shell

/// How an import's file is saved: the three ways spreadsheet programs write CSV.
enum SavedEncoding: String, CaseIterable, Sendable {
    case utf8 = "UTF-8"
    case utf8WithBOM = "UTF-8 with BOM"
    case gb18030 = "GB18030"

    func bytes(_ text: String) throws -> Data {
        switch self {
        case .utf8: return Data(text.utf8)
        case .utf8WithBOM: return Data([0xEF, 0xBB, 0xBF] + Array(text.utf8))
        case .gb18030: return Data(try #require(Iconv.convert(Array(text.utf8), from: "UTF-8", to: "GB18030")))
        }
    }
}

/// `import units` and `import plans` run by the built binary against a scratch database:
/// large sheets in each encoding, and sheets with bad rows that must write nothing.
@Suite("Onboarding from spreadsheets", .serialized)
final class ImportTests {
    static let today = "2019-06-30"
    static let communities = (1...11).map { "第\($0)社区" }
    static let kinds = ["primary-school", "enterprise", "crowded-place", "hazardous", "residential", "other"]

    let database: TestDatabase
    let folder: URL

    init() throws {
        database = try TestDatabase(migrated: false)
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("vigil-import-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let setUp = try run(Self.communities.map { "community add \($0)" }.joined(separator: "\n"))
        try #require(setUp.status == 0, "\(setUp.stderr)")
    }

    deinit {
        try? FileManager.default.removeItem(at: folder)
    }

    /// Runs command lines (piped, as a script) in the test's folder.
    func run(_ lines: String, _ options: [String] = []) throws -> VigilBinary.Result {
        try VigilBinary.run(["--db", database.conninfo, "--today", Self.today] + options, in: folder, input: lines)
    }

    func count(_ list: String) throws -> Int {
        let result = try run(list, ["--format", "json"])
        let rows = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [Any]
        return try #require(rows).count
    }

    func seal() throws -> String {
        let result = try VigilBinary.run(["--db", database.conninfo, "seal"])
        #expect(result.status == 0, "\(result.stderr)")
        return result.stdout
    }

    func save(_ name: String, _ text: String, as encoding: SavedEncoding) throws {
        try encoding.bytes(text).write(to: folder.appendingPathComponent(name))
    }

    /// 2,000 units across the communities, with names that need quoting; English headings in
    /// one encoding and Chinese in the others, in an order of their own.
    static func units(_ encoding: SavedEncoding) -> String {
        var lines = [encoding == .utf8 ? "kind,name,key_fire_unit,community" : "类型,名称,重点单位,社区"]
        for n in 1...2000 {
            let name = n % 7 == 0 ? "\"储运站, \(n)号\"" : "单位\(n)（\"\"东区\"\"）".quotedCell
            lines.append("\(kinds[n % kinds.count]),\(name),\(n % 3 == 0 ? "是" : ""),\(communities[n % 11])")
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    /// 2,000 plans, one a unit; empty optional cells leave the cadence to the catalogue.
    static func plans(_ encoding: SavedEncoding) -> String {
        var lines = [encoding == .utf8 ? "name,unit,level,hazard,every,from" : "单位,名称,级别,风险,周期,起始日期"]
        for n in 1...2000 {
            let unit = n % 7 == 0 ? "\"储运站, \(n)号\"" : "单位\(n)（\"\"东区\"\"）".quotedCell
            let explicit = n % 2 == 0
            let cells = [
                "预案\(n)", unit, "special", explicit ? "火灾" : "", explicit ? "6m" : "", explicit ? "2019-01-01" : "",
            ]
            lines.append(
                encoding == .utf8
                    ? cells.joined(separator: ",")
                    : ([cells[1], cells[0]] + cells[2...]).joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    @Test("2,000 units and 2,000 plans", arguments: SavedEncoding.allCases)
    func largeSheets(_ encoding: SavedEncoding) throws {
        try save("units.csv", Self.units(encoding), as: encoding)
        try save("plans.csv", Self.plans(encoding), as: encoding)

        let started = Date()
        let units = try run("import units units.csv")
        let unitsTime = Date().timeIntervalSince(started)
        #expect(units.status == 0, "\(units.stderr)")
        #expect(units.stdout == "imported 2000 units from units.csv (\(encoding.rawValue))\n")
        #expect(units.stderr.isEmpty, "no progress line off a terminal")
        #expect(try count("unit list") == 2000)

        let plansStarted = Date()
        let plans = try run("import plans plans.csv")
        let plansTime = Date().timeIntervalSince(plansStarted)
        #expect(plans.status == 0, "\(plans.stderr)")
        #expect(plans.stdout == "imported 2000 plans from plans.csv (\(encoding.rawValue))\n")
        #expect(try count("plan list") == 2000)
        print("import of 2,000 rows (\(encoding.rawValue)): units \(unitsTime)s, plans \(plansTime)s")
        #expect(unitsTime < 60 && plansTime < 60)
    }

    static let threeBadUnits = """
        名称,社区,类型,重点单位
        江岸小学,第1社区,primary-school,否
        储运站,第2社区,warehouse,是
        商场,第3社区,crowded-place,
        江岸小学,第4社区,other,
        幼儿园,北社区,kindergarten,
        卫生院,第5社区,other,

        """

    static let threeBadLines = """
        line 3: bad value "warehouse" for 类型: expected one of primary-school|middle-school|kindergarten|enterprise|crowded-place|hazardous|government|residential|other
        line 5: unit 江岸小学 is also on line 2
        line 6: no community 北社区

        """

    @Test("three bad rows: all reported, nothing written, with and without --check")
    func threeBadRows() throws {
        try save("units.csv", Self.threeBadUnits, as: .gb18030)
        let before = try seal()

        let check = try run("import units units.csv --check")
        #expect(check.status == 1)
        #expect(check.stdout.isEmpty)
        #expect(
            check.stderr
                == "stdin:1: error: units.csv (GB18030): 3 bad rows of 6; nothing was written\n" + Self.threeBadLines)
        #expect(try seal() == before)

        let refused = try run("import units units.csv")
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("3 bad rows of 6; nothing was written\n" + Self.threeBadLines))
        #expect(try seal() == before)
        #expect(try count("unit list") == 0)
    }

    @Test("a plan's unit must exist, or be added by an import before")
    func planUnits() throws {
        try save("units.csv", "name,community,kind\n江岸小学,第1社区,primary-school\n", as: .utf8)
        try save(
            "plans.csv",
            "name,unit,level,every,from\n疏散预案,江岸小学,special,3m,2019-01-01\n无主预案,北小学,onsite,1x,2019-13-01\n"
                + "周预案,江岸小学,onsite,2w,\n",
            as: .utf8)
        let check = try run("import units units.csv --check\nimport plans plans.csv --check")
        #expect(check.status == 1)
        #expect(check.stdout == "units.csv (UTF-8): 1 units, no bad rows; nothing written (--check)\n")
        // The checked units were not written, so no plan finds its unit.
        #expect(check.stderr.hasPrefix("stdin:2: error: plans.csv (UTF-8): 3 bad rows of 3; nothing was written\n"))
        #expect(check.stderr.contains("line 2: no unit 江岸小学\n"))

        let units = try run("import units units.csv", ["--lang", "zh"])
        #expect(units.stdout == "已从 units.csv（UTF-8）导入 1 个单位\n")
        let plans = try run("import plans plans.csv --check")
        #expect(plans.status == 1)
        #expect(
            plans.stderr == """
                stdin:1: error: plans.csv (UTF-8): 2 bad rows of 3; nothing was written
                line 3: bad value "1x" for every: expected a duration such as 7d, 2w, 6m, 1y or 5wd
                line 4: a drill cadence is counted in months or years (e.g. 6m, 1y), not 2w

                """)
        #expect(try count("plan list") == 0)
    }
}

extension String {
    /// The text as a quoted CSV cell (its quotes already doubled by the caller).
    fileprivate var quotedCell: String { "\"" + self + "\"" }
}
