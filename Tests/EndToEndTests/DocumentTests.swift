import Foundation
import TestSupport
import Testing

/// The printable documents on the acceptance year: `report compliance` and `finding notice`,
/// written as HTML and printed to PDF by headless Chromium, then read back as a person would —
/// a screenshot that is not blank, the PDF's text, the seal at the foot proved against the log.
@Suite("Printable reports", .serialized)
struct DocumentTests {
    static let communities = ["古田二路社区", "桃源社区", "易家墩社区", "江岸社区", "汉水湾社区", "长丰社区", "荣东社区"]

    /// One scratch database holding the acceptance year, loaded once for the suite.
    static let year = Result { try Year() }

    /// A scratch database holding the acceptance year, and a folder for the files.
    /// Immutable once loaded; the suite runs its tests one at a time.
    final class Year: @unchecked Sendable {
        let database: TestDatabase
        let folder: URL

        init() throws {
            database = try TestDatabase(migrated: false)
            let script = VigilBinary.packageRoot.appendingPathComponent("Tests/Acceptance/street-2017")
            let load = try VigilBinary.run(["--db", database.conninfo, "-f", "script.vgl"], in: script)
            try #require(load.status == 0, "\(load.stderr)")
            folder = FileManager.default.temporaryDirectory.appendingPathComponent("vigil-report-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        }

        deinit { try? FileManager.default.removeItem(at: folder) }

        @discardableResult
        func vigil(_ commands: String, environment: [String: String?] = ["LANG": "zh_CN.UTF-8"]) throws
            -> VigilBinary.Result
        {
            try VigilBinary.run(
                ["--db", database.conninfo, "--today", "2017-12-31", "-c", commands], in: folder,
                environment: environment)
        }

        func text(_ name: String) throws -> String {
            try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
        }
    }

    static func tool(_ name: String, _ arguments: [String]) throws -> VigilBinary.Result {
        let path = ["/usr/bin", "/bin", "/usr/local/bin"].map { "\($0)/\(name)" }
            .first { FileManager.default.isExecutableFile(atPath: $0) }
        return try Subprocess.run(try #require(path, "\(name) is not installed (scripts/deps.sh --test)"), arguments)
    }

    @Test("The compliance report is one self-contained page set whose seal proves the log it came from")
    func complianceHTML() throws {
        let year = try Self.year.get()
        let result = try year.vigil("report compliance --year 2017 --out 合规.html")
        try #require(result.status == 0, "\(result.stderr)")
        let html = try year.text("合规.html")
        for community in Self.communities { #expect(html.contains(community), "\(community) is missing") }
        for campaign in ["消防周宣传", "安全生产月度宣传", "季度综合宣传", "节日消防宣传", "节前检查宣传"] {
            #expect(html.contains(campaign))
        }
        // Nothing is fetched: no address in any src, href or url(), and no script at all.
        #expect(html.range(of: #"(src|href)\s*=\s*["']?\s*https?:"#, options: .regularExpression) == nil)
        #expect(html.range(of: #"url\(\s*["']?https?:"#, options: .regularExpression) == nil)
        #expect(!html.lowercased().contains("<script"))
        #expect(html.contains("Content-Security-Policy"))
        // Every period a community missed is a marked cell, as many as `compliance summary` counts.
        let summary = try VigilBinary.run([
            "--db", year.database.conninfo, "--today", "2017-12-31", "--format", "json", "-c",
            "compliance summary --year 2017",
        ])
        let rows = try #require(
            try JSONSerialization.jsonObject(with: Data(summary.stdout.utf8)) as? [[String: Any]], "\(summary.stderr)")
        let missed = rows.reduce(0) { $0 + ($1["required"] as? Int ?? 0) - ($1["covered"] as? Int ?? 0) }
        #expect(missed > 0)
        #expect(html.components(separatedBy: "<td class=\"miss\"").count - 1 == missed)

        let seal = try #require(
            html.range(of: #"vigil-seal-v2:[0-9]+:[0-9]+:[0-9]+:[0-9a-f]{64}"#, options: .regularExpression)
                .map { String(html[$0]) })
        let verify = try VigilBinary.run(["verify", "--db", year.database.conninfo, "--seal", seal])
        #expect(verify.status == 0, "\(verify.stdout)\(verify.stderr)")

        let screenshot = year.folder.appendingPathComponent("page.png")
        let shot = try Self.tool(
            "chromium",
            [
                "--headless=new", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--window-size=1200,900",
                "--user-data-dir=" + year.folder.appendingPathComponent("profile").path,
                "--screenshot=" + screenshot.path, year.folder.appendingPathComponent("合规.html").absoluteString,
            ])
        try #require(shot.status == 0, "\(shot.stderr)")
        let ink = try Self.tool(
            "python3",
            [VigilBinary.packageRoot.appendingPathComponent("Tests/EndToEndTests/Tools/ink.py").path, screenshot.path])
        let share = try #require(Double(ink.stdout.trimmingCharacters(in: .whitespacesAndNewlines)), "\(ink.stderr)")
        #expect(share > 0.02, "the screenshot is nearly blank: \(share) of it inked")
    }

    @Test("The PDF prints Chinese as Chinese: its text holds every community and campaign")
    func compliancePDF() throws {
        let year = try Self.year.get()
        let result = try year.vigil("report compliance --year 2017 --out 合规.pdf")
        try #require(result.status == 0, "\(result.stderr)")
        let pdf = year.folder.appendingPathComponent("合规.pdf")
        let text = try Self.tool("pdftotext", ["-layout", pdf.path, "-"])
        try #require(text.status == 0, "\(text.stderr)")
        for community in Self.communities { #expect(text.stdout.contains(community), "\(community) is not in the PDF") }
        #expect(text.stdout.contains("宣传、演练与隐患整改落实情况报告"))
        #expect(text.stdout.contains("P-14"), "the most overdue plan")
    }

    @Test("The rectification notice names the unit, the hazard, the inspector and the deadline")
    func findingNotice() throws {
        let year = try Self.year.get()
        let result = try year.vigil("finding notice F-3 --out F-3.pdf")
        try #require(result.status == 0, "\(result.stderr)")
        let text = try Self.tool("pdftotext", [year.folder.appendingPathComponent("F-3.pdf").path, "-"])
        for expected in ["安全隐患整改通知书", "F-3", "长丰街道办公楼", "长丰社区", "安全出口堵塞", "I-2", "李检查", "2017-02-03"] {
            #expect(text.stdout.contains(expected), "\(expected) is not on the notice")
        }
    }

    @Test("A bad file name, an unknown finding or a missing Chromium writes nothing and says why")
    func refusals() throws {
        let year = try Self.year.get()
        let badName = try year.vigil("report compliance --year 2017 --out 合规.docx")
        #expect(badName.status != 0)
        #expect(badName.stderr.contains("合规.docx"))
        let unknown = try year.vigil("finding notice F-999 --out F-999.html")
        #expect(unknown.status != 0)
        #expect(unknown.stderr.contains("F-999"))
        let noBrowser = try year.vigil(
            "report compliance --year 2017 --out 无浏览器.pdf",
            environment: ["LANG": "en_US.UTF-8", "PATH": "/nonexistent"])
        #expect(noBrowser.status != 0)
        #expect(noBrowser.stderr.contains("chromium fonts-noto-cjk"), "\(noBrowser.stderr)")
        for name in ["合规.docx", "F-999.html", "无浏览器.pdf"] {
            #expect(!FileManager.default.fileExists(atPath: year.folder.appendingPathComponent(name).path), "\(name)")
        }
    }
}
