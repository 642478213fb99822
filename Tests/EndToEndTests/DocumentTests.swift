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
        func vigil(
            _ commands: String, format: String = "table", environment: [String: String?] = ["LANG": "zh_CN.UTF-8"]
        ) throws -> VigilBinary.Result {
            try VigilBinary.run(
                ["--db", database.conninfo, "--today", "2017-12-31", "--format", format, "-c", commands], in: folder,
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
            html.range(of: #"vigil-seal-v3:[0-9.,]+:[0-9]+:[0-9a-f]{64}"#, options: .regularExpression)
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

    @Test("The annual self-evaluation's figures are the ones the shell's own reports give for the year")
    func annual() throws {
        let year = try Self.year.get()
        try year.vigil(
            "budget set 安全生产 --year 2017 --amount 80000; budget set 消防设施 --year 2017 --amount 150000; "
                + "expense record 安全生产 --on 2017-06-01 --amount 79876.5; "
                + "expense record 消防设施 --on 2017-07-01 --amount 153210; target set drills-on-time --year 2017 --percent 90"
        )
        func json(_ command: String) throws -> Any {
            let result = try year.vigil(command, format: "json")
            try #require(result.status == 0, "\(command): \(result.stderr)")
            return try JSONSerialization.jsonObject(with: Data(result.stdout.utf8))
        }
        let figures = try #require(try json("report annual --year 2017 --out 绩效自评.pdf") as? [String: Any])
        func sum(_ rows: [[String: Any]], _ keys: String...) -> Int {
            rows.reduce(0) { total, row in total + keys.reduce(0) { $0 + (row[$1] as? Int ?? 0) } }
        }
        let stats = try #require(try json("findings stats --year 2017") as? [[String: Any]])
        #expect(figures["hazards_found"] as? Int == sum(stats, "general_found", "major_found"))
        #expect(figures["hazards_closed"] as? Int == sum(stats, "general_closed", "major_closed"))
        #expect(figures["hazards_overdue"] as? Int == sum(stats, "overdue"))
        #expect(
            figures["hazards_rectified"] as? Int
                == sum(stats, "general_found", "major_found") - sum(stats, "open"))
        let compliance = try #require(try json("compliance summary --year 2017") as? [[String: Any]])
        #expect(figures["campaign_periods_owed"] as? Int == sum(compliance, "required"))
        #expect(figures["campaign_periods_kept"] as? Int == sum(compliance, "covered"))
        let budget = try #require(try json("budget list --year 2017") as? [[String: Any]])
        let total = try #require(budget.last)
        #expect(figures["budget"] as? String == total["budget"] as? String)
        #expect(figures["spent"] as? String == "233086.50")
        let drills = try #require(try json("drills list --from 2017-01-01 --to 2017-12-31") as? [[String: Any]])
        let held = drills.filter { $0["status"] as? String == "conducted" }.count
        // Every obligation met was met by a drill held in the year or just before it.
        #expect((figures["drills_held"] as? Int ?? 0) <= held + (figures["plans_in_force"] as? Int ?? 0))
        #expect((figures["drills_on_time"] as? Int ?? 0) <= (figures["drills_held"] as? Int ?? 0))

        let text = try Self.tool("pdftotext", ["-layout", year.folder.appendingPathComponent("绩效自评.pdf").path, "-"])
        #expect(text.stdout.contains("2017 年度安全生产工作绩效自评"))
        for number in ["80,000.00", "233,086.50", "90%"] {
            #expect(text.stdout.contains(number), "\(number) is not in the printed evaluation")
        }
        #expect(text.stdout.contains("预算项目「消防设施」超支 3,210.00 元"))
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
