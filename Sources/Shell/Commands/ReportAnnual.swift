import EventStore
import Foundation
import Planner
import PlannerStore

/// `report annual`: the safety-production part of the annual self-evaluation (HTML or PDF)
struct ReportAnnual: Command {
    static let configuration = CommandSpec(
        path: ["report", "annual"], aliases: [["报告", "年度"]], group: .reports,
        syntax: "--year Y --out FILE.html|FILE.pdf",
        summary: L(
            "The annual self-evaluation (绩效自评): output and effect indicators, budget, problems found",
            "年度安全生产绩效自评：产出指标、效果指标、预算执行、存在的问题"),
        details: L(
            "Drills owed = the drill obligations whose due date falls in the year; held on time = those met by a drill on or before the due date; plan kind = the plan's level. Each rate's target is 100 % unless `target set` gave another. Asked before the year is over, the figures run to the as-of date. .pdf prints with headless Chromium (`make report-deps` installs it).",
            "应演练 = 应演练日期落在该年的演练义务；按期 = 在应演练日期当天或之前举行了演练；预案类别 = 预案级别。各项完成率的目标为 100%，除非用 `target set` 另行设定。年度未结束时，数字截至报告日期。.pdf 由无界面 Chromium 打印（`make report-deps` 安装）。"
        ),
        example: "report annual --year 2017 --out 2017绩效自评.pdf", streets: .one
    )

    @Flag("year", "Y", as: .year) var year: Int
    @Flag("out", "FILE", as: .document) var out: String

    func run(in session: Session) throws -> Output {
        let store = session.store
        let asOf = session.asOf
        let plans = try store.planHistories()
        let hazards = try store.findingHistories()
        let figures = AnnualFigures.of(
            year: year, asOf: asOf.date, recordedAsOf: asOf.recorded, plans: plans, hazards: hazards)
        let campaigns = try store.campaigns(asOf).map { campaign in
            ComplianceDocument.Campaign(
                campaign: campaign, rows: try store.compliance(campaign, selection: .year(year), asOf: asOf))
        }
        let document = AnnualDocument(
            figures: figures, asOf: asOf, communities: try store.communities().count,
            units: try store.units().filter { unit in unit.closedOn.map { $0 > figures.end } ?? true }.count,
            inspections: try store.inspectionCount(year: year, asOf: asOf), campaigns: campaigns,
            budget: try store.budgetLines(asOf, year: year), targets: try store.targets(asOf, year: year),
            plans: plans, hazards: hazards, seal: try store.sealOfStreet().description, language: session.language,
            recordedAsOf: session.recordedAsOf.map(session.recordedTime))
        try DocumentFile.write(document.page, to: out, in: session)
        // The key figures, so a script (or a test) can hold them against the other reports.
        let drills = figures.drillTotal
        let found = figures.hazards
        let required = campaigns.flatMap(\.rows).reduce(0) { $0 + $1.required }
        let covered = campaigns.flatMap(\.rows).reduce(0) { $0 + $1.covered }
        return .object(
            [
                ("file", .text(out)), ("year", .int(year)),
                ("plans_in_force", .int(figures.plansInForce.values.reduce(0, +))),
                ("drills_owed", .int(drills.owed)), ("drills_held", .int(drills.held)),
                ("drills_on_time", .int(drills.onTime)), ("campaign_periods_owed", .int(required)),
                ("campaign_periods_kept", .int(covered)), ("inspections", .int(document.inspections)),
                ("hazards_found", .int(found.found)), ("hazards_rectified", .int(found.rectified)),
                ("hazards_closed", .int(found.closed)), ("hazards_overdue", .int(found.overdue)),
                ("hazards_on_time", .int(found.onTime)), ("budget", .amount(document.budget.map(\.budget).sum())),
                ("spent", .amount(document.budget.map(\.spent).sum())),
            ], message: L("wrote \(out)", "已写出 \(out)"))
    }
}
