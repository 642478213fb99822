import Foundation
import TestSupport
import Testing

/// One invocation of `vigil` whose complete output is kept as a golden file.
struct GoldenCase: Sendable, CustomTestStringConvertible {
    var name: String
    var arguments: [String]

    init(_ name: String, _ arguments: String...) {
        self.name = name
        self.arguments = arguments
    }

    var testDescription: String { name }

    /// Reports ask "as of" a date; without a fixed one the output would change every day.
    static let today = "2019-06-30"

    static func en(_ name: String, _ command: String, format: String = "table") -> GoldenCase {
        GoldenCase(name, "--today", today, "--lang", "en", "--format", format, "-c", command)
    }

    static func zh(_ name: String, _ command: String, format: String = "table") -> GoldenCase {
        GoldenCase(name, "--today", today, "--lang", "zh", "--format", format, "-c", command)
    }
}

/// The exact text users, scripts and spreadsheets see, kept as golden files (see `GoldenFile`).
///
/// Every case runs the built binary against its own fresh database holding the same small
/// world; names mix Chinese, ASCII and fullwidth punctuation of different display widths.
@Suite("Golden output of the vigil binary", .serialized)
struct GoldenTests {
    /// Codes are given in creation order: plans P-1…P-3, drills D-1…D-3, activities A-1…A-5,
    /// inspection I-1, findings F-1 (closed), F-2 (open, not yet due), F-3 (rectified),
    /// F-4 (open, overdue).
    static let world = """
        community add 江岸社区
        community add 汉水湾社区（东区）
        community add A区
        unit add 江岸小学 --community 江岸社区 --kind primary-school
        unit add "汉水湾化工储运站（东区）" --community 汉水湾社区（东区） --kind hazardous --key-fire-unit
        unit add "Metro Mall 万家" --community A区 --kind crowded-place
        plan add 江岸小学疏散预案 --unit 江岸小学 --level special --hazard 火灾 --every 3m --from 2019-01-01
        plan add "储运站综合预案（2019版）" --unit "汉水湾化工储运站（东区）" --level comprehensive --every 6m --from 2019-01-01
        plan add "Mall evacuation" --unit "Metro Mall 万家" --level onsite --every 1m --from 2019-01-01
        drill schedule P-1 --on 2019-03-14 --form live --scope single --scenario 火灾疏散
        drill record D-1 --on 2019-03-14 --participants 420 --evacuation 210s --note "顺利，用时3分30秒"
        drill schedule P-2 --on 2019-04-20 --form tabletop --scenario "泄漏, 桌面推演"
        drill record P-3 --on 2019-05-05 --participants 35
        campaign define 安全生产月度宣传 --cadence monthly --communities 江岸社区,汉水湾社区（东区）
        campaign log 安全生产月度宣传 --community 江岸社区 --on 2019-01-15 --activity 宣传点 --leaflets 120 --attendees 30
        campaign log 安全生产月度宣传 --community 江岸社区 --on 2019-02-12 --activity "讲座（消防）" --attendees 45
        campaign log 安全生产月度宣传 --community 汉水湾社区（东区） --on 2019-03-08 --leaflets 80
        inspection record "汉水湾化工储运站（东区）" --on 2019-05-06 --inspector 李检查 --kind fire
        finding add I-1 "安全出口堵塞，需清理" --severity general --within 7d
        finding add I-1 "消防栓漏水" --severity major --due 2019-07-31
        finding add I-1 "灭火器过期" --severity general --due 2019-05-20
        finding add I-1 "疏散指示标志损坏" --severity general --due 2019-06-10
        finding rectify F-1 --on 2019-05-10 --note 已清理
        finding verify F-1 --on 2019-05-12 --result pass
        finding rectify F-3 --on 2019-05-18
        campaign define 119消防宣传 --cadence fixed-day --on 11-09 --communities 江岸社区,汉水湾社区（东区）
        campaign define 安全生产月 --cadence fixed-month --month 6
        campaign log 119消防宣传 --community 江岸社区 --on 2018-11-05 --activity 消防宣传
        campaign log 安全生产月 --community A区 --on 2019-06-16 --activity 安全生产宣传咨询日

        """

    let database: TestDatabase

    init() throws {
        database = try TestDatabase(migrated: false)
        // The binary migrates a new database itself; piped lines run like a script.
        let setUp = try VigilBinary.run(["--db", database.conninfo, "--today", GoldenCase.today], input: Self.world)
        try #require(setUp.status == 0 && setUp.stderr.isEmpty, "the world could not be set up: \(setUp.stderr)")
    }

    func run(_ arguments: [String]) throws -> VigilBinary.Result {
        try VigilBinary.run(["--db", database.conninfo] + arguments)
    }

    /// Runs the case and compares its transcript with its golden file.
    func check(_ golden: GoldenCase) throws {
        let result = try run(golden.arguments)
        try GoldenFile(name: golden.name).check(GoldenFile.transcript(golden.arguments, result))
    }

    @Test(
        "Tables align Chinese, ASCII and fullwidth text by display width",
        arguments: [
            GoldenCase.en("table-unit-list", "unit list"), .zh("table-unit-list-zh", "unit list"),
            .en("table-drills-list", "drills list"), .en("table-findings", "findings"),
            .zh("table-findings-zh", "findings"),
            .en("table-compliance-detail", "compliance 安全生产月度宣传 --year 2019 --detail"),
            .zh("table-compliance-fixed-day-zh", "compliance 119消防宣传 --year 2018 --detail"),
        ])
    func tables(_ golden: GoldenCase) throws {
        try check(golden)
    }

    @Test(
        "CSV and JSON have SHELL.md's exact shapes",
        arguments: [
            GoldenCase.en("csv-drills-overdue", "drills overdue", format: "csv"),
            .en("json-drills-overdue", "drills overdue", format: "json"),
            .en("csv-compliance", "compliance 安全生产月度宣传 --year 2019", format: "csv"),
            .en("json-compliance-detail", "compliance 安全生产月度宣传 --year 2019 --detail", format: "json"),
            .zh("csv-findings-zh", "findings", format: "csv"), .en("json-findings", "findings", format: "json"),
            .en("json-compliance-fixed-day", "compliance 119消防宣传 --year 2018 --detail", format: "json"),
            .en("json-compliance-fixed-month", "compliance 安全生产月 --year 2019 --detail", format: "json"),
        ])
    func machineReadable(_ golden: GoldenCase) throws {
        try check(golden)
    }

    /// The 2017 annual report's budget: eight lines, ¥1,000,000 budgeted, ¥1,002,741.21 spent,
    /// the 安全生产 line ¥80,000 (set twice: the latest counts); 0.1 + 0.2 spent exactly.
    static let budget2017 = """
        budget set 安全生产 --year 2017 --amount 60000
        budget set 安全生产 --year 2017 --amount 80000
        budget set 消防设施维护 --year 2017 --amount 150000
        budget set 应急物资储备 --year 2017 --amount 200000
        budget set 隐患整改 --year 2017 --amount 120000
        budget set 宣传培训 --year 2017 --amount 100000
        budget set 应急演练 --year 2017 --amount 150000
        budget set "Grid patrols（网格化）" --year 2017 --amount 120000
        budget set 其他 --year 2017 --amount 80000
        expense record 安全生产 --on 2017-03-15 --amount 79876.20 --note 灭火器更换
        expense record 安全生产 --on 2017-06-16 --amount 0.1
        expense record 安全生产 --on 2017-06-17 --amount 0.2
        expense record 消防设施维护 --on 2017-05-02 --amount 153210
        expense record 应急物资储备 --on 2017-07-20 --amount 198765.43
        expense record 隐患整改 --on 2017-09-01 --amount 121000.00
        expense record 宣传培训 --on 2017-11-09 --amount 99999.99 --note "119 宣传, 展板"
        expense record 应急演练 --on 2017-10-13 --amount 150123.45
        expense record "Grid patrols（网格化）" --on 2017-12-20 --amount 119766.84
        expense record 其他 --on 2017-12-28 --amount 79999

        """

    @Test(
        "Budget lines against spending, exact to the fen, in every format",
        arguments: [
            GoldenCase.en("table-budget-list", "budget list --year 2017"),
            .zh("table-budget-list-zh", "budget list --year 2017"),
            .en("json-budget-list", "budget list --year 2017", format: "json"),
            .en("csv-budget-list", "budget list --year 2017", format: "csv"),
            .en("refusal-bad-amount", "expense record 安全生产 --on 2017-12-01 --amount 1.234"),
            .en("refusal-expense-without-budget", "expense record 宣传 --on 2018-01-05 --amount 500"),
        ])
    func budget(_ golden: GoldenCase) throws {
        let setUp = try VigilBinary.run(
            ["--db", database.conninfo, "--today", GoldenCase.today], input: Self.budget2017)
        try #require(setUp.status == 0 && setUp.stderr.isEmpty, "the budget could not be set up: \(setUp.stderr)")
        let before = try run(["seal"])
        try check(golden)
        let after = try run(["seal"])
        #expect(before.status == 0, "seal failed")
        if golden.name.hasPrefix("refusal") {
            #expect(after.stdout == before.stdout, "the refused command wrote to the log")
        }
    }

    /// Fire inspections in 2019, on top of the world (汉水湾化工储运站 inspected on 6 May):
    /// 江岸小学 last inspected 28 February (quarterly: overdue since 28 May), Metro Mall 万家
    /// on 20 June (monthly: due 20 July; its production inspection does not count), 江岸街道办
    /// on 15 April and reclassified from enterprise to government (quarterly: due 15 July,
    /// not 15 May), 桃源仓库 closed on 1 June (owes nothing), 江岸幼儿园 never inspected and
    /// added after 2019 (owes nothing yet).
    static let inspections2019 = """
        unit add 江岸幼儿园 --community 江岸社区 --kind kindergarten
        unit add 江岸街道办 --community 江岸社区 --kind enterprise
        unit add 桃源仓库 --community A区 --kind enterprise
        inspection record 江岸小学 --on 2019-01-10 --kind fire
        inspection record 江岸小学 --on 2019-02-28 --kind fire --inspector 李检查
        inspection record "Metro Mall 万家" --on 2019-05-02 --kind production
        inspection record "Metro Mall 万家" --on 2019-06-20 --kind fire
        inspection record 江岸街道办 --on 2019-04-15 --kind fire
        unit reclassify 江岸街道办 --kind government
        inspection record 桃源仓库 --on 2019-03-01 --kind fire
        unit close 桃源仓库 --on 2019-06-01

        """

    @Test(
        "Inspection obligations from the rule catalogue, in every format",
        arguments: [
            GoldenCase.en("table-inspections-overdue", "inspections overdue"),
            .zh("table-inspections-overdue-zh", "inspections overdue"),
            .en("table-inspections-overdue-community", "inspections overdue --community 江岸社区"),
            .en("json-inspections-overdue", "inspections overdue", format: "json"),
            .en("table-inspections-due", "inspections due"),
            .zh("table-inspections-due-zh", "inspections due --within 3w"),
            .en("json-inspections-due", "inspections due", format: "json"),
        ])
    func inspections(_ golden: GoldenCase) throws {
        let setUp = try VigilBinary.run(
            ["--db", database.conninfo, "--today", GoldenCase.today], input: Self.inspections2019)
        try #require(setUp.status == 0 && setUp.stderr.isEmpty, "the inspections could not be set up: \(setUp.stderr)")
        try check(golden)
    }

    @Test(
        "Help, in English and Chinese",
        arguments: [
            GoldenCase.en("help", "help"), .zh("help-zh", "help"), .en("help-drill-record", "help drill record"),
            .zh("help-drill-record-zh", "help drill record"), .en("help-drill-words", "help drill"),
            .zh("help-drill-words-zh", "help 演练"), .zh("help-findings-zh", "帮助 隐患"),
            .en("help-campaign-define", "help campaign define"), .zh("help-campaign-define-zh", "help 宣传 定义"),
            .en("help-import-units", "help import units"), .zh("help-import-plans-zh", "help 导入 预案"),
        ])
    func help(_ golden: GoldenCase) throws {
        try check(golden)
    }

    @Test(
        "Every kind of refusal names the offending word, exits 1 and writes nothing",
        arguments: [
            GoldenCase.en("refusal-unknown-command", "drils overdue"),
            .en("refusal-unknown-flag", "unit list --comunity 江岸社区"),
            .en("refusal-missing-flag", "drill record D-2 --participants 30"),
            .en("refusal-missing-argument", "community add"),
            .en("refusal-extra-word", "community add 江岸 社区"),
            .en("refusal-bad-date", "drill record D-2 --on 2019-02-30"),
            .zh("refusal-bad-date-zh", "drill record D-2 --on 2019-02-30"),
            .en("refusal-bad-duration", "plan add 新预案 --unit 江岸小学 --level special --every 6x"),
            .en("refusal-bad-choice", "unit add 新单位 --community 江岸社区 --kind school"),
            .en("refusal-bad-fixed-day", "campaign define 闰日宣传 --cadence fixed-day --on 02-29"),
            .en("refusal-unknown-reference", "drill record D-99 --on 2019-06-01"),
            .en("refusal-domain", "finding verify F-2 --on 2019-06-01 --result pass"),
            .zh("refusal-domain-zh", "finding verify F-2 --on 2019-06-01 --result pass"),
            .en("refusal-unterminated-quote", "community add \"江岸（东区）"),
        ])
    func refusals(_ golden: GoldenCase) throws {
        let before = try run(["seal"])
        try check(golden)
        // The seal digests the whole log: unchanged means not one event was written.
        let after = try run(["seal"])
        #expect(before.status == 0 && after.stdout == before.stdout, "the refused command wrote to the log")
    }

    @Test("A mistyped command gets the same suggestion on every run")
    func suggestionIsStable() throws {
        // "drillz" is one edit away from both "drill" and "drills". Each process hashes strings
        // with a new seed, so an answer that depends on a Set's order changes between runs.
        let runs = try (0..<8).map { _ in try run(["--lang", "en", "-c", "drillz"]).stderr }
        #expect(Set(runs).count == 1, "different suggestions: \(Set(runs).sorted())")
        #expect(runs.first?.contains("did you mean: drill schedule") == true)
    }
}
