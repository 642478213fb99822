import EventStore
import Foundation
import Planner
import PlannerStore

/// `report compliance`: the printable compliance report (HTML or PDF)
struct ReportCompliance: Command, DistrictRollUp {
    static let configuration = CommandSpec(
        path: ["report", "compliance"], aliases: [["报告", "合规"]], group: .reports,
        syntax: "[--year Y | --from DATE --to DATE] [--district D] --out FILE.html|FILE.pdf",
        summary: L(
            "The compliance report on one page: key figures, a campaign × community heatmap, overdue drills, open hazards",
            "一页纸的落实情况报告：关键数字、宣传活动×社区热力图、逾期演练、未销号隐患"),
        details: L(
            "A self-contained HTML file (nothing is loaded from the network), laid out for A4 and readable in black and white; .pdf prints it with headless Chromium (`make report-deps` installs it). The foot of the page carries the seal of the log the figures come from: `vigil verify --seal` proves a printed copy against the log later.",
            "生成独立的 HTML 文件（不从网络加载任何内容），按 A4 排版，黑白打印也能辨认；.pdf 由无界面 Chromium 打印（`make report-deps` 安装）。页脚附有所依据日志的封印，日后可用 `vigil verify --seal` 核对打印件。"
        ),
        example: "report compliance --year 2017 --out 2017合规报告.pdf", streets: .one
    )

    @FlagGroup(.period) var selection: PeriodSelection?
    /// Every street of the district, a section each, under one seal.
    @Flag("district", "D") var district: String?
    @Flag("out", "FILE", as: .document) var out: String

    /// The district's report is built here, a street's section at a time.
    static var rollUp: RollUp { .byCommand }

    func run(in session: Session) throws -> Output {
        let page: Page
        if let district {
            let streets = try session.streets(of: district)
            let sections = try streets.map { street in
                (street.name, try session.within(street) { try document(in: session) })
            }
            let seal = try session.store.events.seal(streets: [0] + streets.map(\.id))
            page = ComplianceDocument.district(district, sections, seal: seal.description, language: session.language)
        } else {
            page = try document(in: session).page(seal: session.store.sealOfStreet().description)
        }
        try DocumentFile.write(page, to: out, in: session)
        return .created(out, L("wrote \(out)", "已写出 \(out)"))
    }

    /// The report of the session's street.
    private func document(in session: Session) throws -> ComplianceDocument {
        let asOf = session.asOf
        let selection = selection ?? .year(session.today.year)
        let campaigns = try session.store.campaigns(asOf).map { campaign in
            ComplianceDocument.Campaign(
                campaign: campaign, rows: try session.store.compliance(campaign, selection: selection, asOf: asOf))
        }
        return ComplianceDocument(
            period: Self.describe(selection, session.language), asOf: asOf, campaigns: campaigns,
            overdueDrills: try session.store.drillObligations(asOf).filter(\.obligation.isOverdue),
            openFindings: try session.store.findings(asOf, openOnly: false, overdueOnly: false, community: nil)
                .filter { $0.standing.status != .closed },
            language: session.language,
            recordedAsOf: session.recordedAsOf.map(session.recordedTime))
    }

    static func describe(_ selection: PeriodSelection, _ language: Language) -> String {
        switch selection {
        case .year(let year): return L("the periods of \(year)", "\(year) 年各周期").text(language)
        case .range(let from, let to):
            return L("the periods within \(from) – \(to)", "\(from) 至 \(to) 的周期").text(language)
        }
    }
}
