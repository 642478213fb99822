import Foundation
import Planner
import PlannerStore

/// `report annual`: the safety-production part of the office's annual self-evaluation
/// (绩效自评) — overview, output indicators, effect indicators against their targets, the
/// budget against what was spent, and the problems the figures show — every number computed
/// from the log, with the seal of the log at the foot.
struct AnnualDocument {
    var figures: AnnualFigures
    var asOf: AsOf
    var communities: Int
    var units: Int
    var inspections: Int
    var campaigns: [ComplianceDocument.Campaign]
    var budget: [BudgetLine]
    var targets: Targets
    var plans: [AnnualFigures.Plan]
    var hazards: [AnnualFigures.Hazard]
    var seal: String
    var language: Language
    var recordedAsOf: String?

    private func t(_ en: String, _ zh: String) -> String {
        L(en, zh).text(language)
    }

    /// A rate and whether it reaches its target; nil when nothing was owed (nothing to fall short of).
    struct Rate {
        var indicator: Indicator
        var numerator: Int
        var denominator: Int
        var target: Int

        var value: Double? { denominator == 0 ? nil : Double(numerator) / Double(denominator) }
        /// Met when the rate, in whole tenths of a percent, reaches the target.
        var met: Bool { value.map { Int(($0 * 1000).rounded()) >= target * 10 } ?? true }
    }

    var rates: [Rate] {
        let drills = figures.drillTotal
        let required = campaigns.flatMap(\.rows).reduce(0) { $0 + $1.required }
        let covered = campaigns.flatMap(\.rows).reduce(0) { $0 + $1.covered }
        let hazards = figures.hazards
        return [
            Rate(indicator: .drillsOnTime, numerator: drills.onTime, denominator: drills.owed, target: 0),
            Rate(indicator: .campaignsKept, numerator: covered, denominator: required, target: 0),
            Rate(indicator: .hazardsClosed, numerator: hazards.closed, denominator: hazards.found, target: 0),
            Rate(indicator: .hazardsOnTime, numerator: hazards.onTime, denominator: hazards.found, target: 0),
        ].map { rate in
            var rate = rate
            rate.target = targets.percent(rate.indicator)
            return rate
        }
    }

    var page: Page {
        var meta = [t("As of \(asOf.date)", "截至 \(asOf.date)")]
        if figures.end < (LocalDate(year: figures.year, month: 12, day: 31) ?? figures.end) {
            meta[0] += t(" — the year is not over: figures up to that date", "（年度未结束，数字截至该日）")
        }
        if let recordedAsOf {
            meta.append(t("The log as it stood at \(recordedAsOf)", "按 \(recordedAsOf) 时的记录"))
        }
        return Page(
            title: t(
                "Safety production: self-evaluation of \(figures.year)", "\(figures.year) 年度安全生产工作绩效自评"),
            meta: meta, orientation: .portrait,
            body: overview + outputs + effects + budgetSection + problems,
            footer: [
                t(
                    "Every figure is computed by Vigil from its event log, by the rules its reports use; the log is sealed as below (`vigil verify --seal SEAL`).",
                    "本自评所有数字均由 Vigil 依据事件日志、按其报表所用的同一规则计算；所依据日志封印如下（可用 `vigil verify --seal 封印` 核对）。"),
                t("Seal: ", "日志封印：") + seal,
            ],
            language: language)
    }

    // MARK: - Sections

    private var overview: [HTML] {
        let drills = figures.drillTotal
        let h = figures.hazards
        let inForce = figures.plansInForce.values.reduce(0, +)
        let required = campaigns.flatMap(\.rows).reduce(0) { $0 + $1.required }
        let covered = campaigns.flatMap(\.rows).reduce(0) { $0 + $1.covered }
        let text = t(
            "The office's \(communities) communities hold \(units) units with \(inForce) emergency plans in force at \(figures.end). \(drills.owed) drills fell due in the year; \(drills.held) were held, \(drills.onTime) on time. \(campaigns.count) publicity campaigns owed \(required) community periods, of which \(covered) were kept. \(inspections) inspections found \(h.found) hazards: \(h.rectified) rectified, \(h.closed) closed after re-inspection, \(h.overdue) past their deadline.",
            "本辖区 \(communities) 个社区、\(units) 个单位，截至 \(figures.end) 在用应急预案 \(inForce) 个。全年应开展演练 \(drills.owed) 次，实际开展 \(drills.held) 次，其中按期 \(drills.onTime) 次；\(campaigns.count) 项宣传活动应完成社区周期 \(required) 个，已完成 \(covered) 个；开展检查 \(inspections) 次，发现隐患 \(h.found) 条，已整改 \(h.rectified) 条，复查销号 \(h.closed) 条，超期未整改 \(h.overdue) 条。"
        )
        return [HTML.element("h2", t("1. Overview", "一、总体情况")), HTML.element("p", text)]
    }

    private var outputs: [HTML] {
        var html = [HTML.element("h2", t("2. Output indicators", "二、产出指标"))]
        html.append(HTML.element("h3", t("Emergency plans and drills, by plan kind", "应急预案与演练（按预案类别）")))
        var rows: [[String]] = PlanLevel.allCases.map { level in
            let tally = figures.drills[level] ?? DrillObligation.Tally()
            return [
                level.label.text(language), "\(figures.plansInForce[level] ?? 0)", "\(tally.owed)", "\(tally.held)",
                "\(tally.onTime)",
            ]
        }
        let total = figures.drillTotal
        rows.append([
            t("total", "合计"), "\(figures.plansInForce.values.reduce(0, +))", "\(total.owed)", "\(total.held)",
            "\(total.onTime)",
        ])
        html.append(
            Table.html(
                [
                    t("plan kind", "预案类别"), t("in force", "在用"), t("drills owed", "应演练"), t("held", "已演练"),
                    t("on time", "按期"),
                ], rows, numeric: [1, 2, 3, 4]))

        html.append(HTML.element("h3", t("Publicity campaigns, by cadence and community", "宣传活动（按周期与社区）")))
        if campaigns.isEmpty {
            html.append(HTML.element("p", t("No campaign is defined.", "尚未定义宣传活动。"), class: "empty"))
        } else {
            let communities = campaigns.flatMap { $0.rows.map(\.community) }.reduce(into: [String]()) {
                if !$0.contains($1) { $0.append($1) }
            }
            let head =
                [t("community", "社区")]
                + campaigns.map { "\($0.campaign.name)（\(Self.cadence($0.campaign.schedule, language))）" }
            let body = communities.map { community in
                [community]
                    + campaigns.map { entry in
                        entry.rows.first { $0.community == community }.map { "\($0.covered)/\($0.required)" } ?? "—"
                    }
            }
            let totals =
                [t("rate", "完成率")]
                + campaigns.map { entry in
                    let required = entry.rows.reduce(0) { $0 + $1.required }
                    let covered = entry.rows.reduce(0) { $0 + $1.covered }
                    return ComplianceDocument.percent(Coverage.rate(covered: covered, required: required))
                }
            html.append(Table.html(head, body + [totals], numeric: Set(1...campaigns.count)))
        }

        html.append(HTML.element("h3", t("Inspections and hazards", "检查与隐患")))
        let h = figures.hazards
        html.append(
            Table.html(
                [
                    t("inspections", "检查次数"), t("hazards found", "发现隐患"), t("rectified", "已整改"),
                    t("closed", "已销号"), t("past deadline", "超期未整改"),
                ],
                [["\(inspections)", "\(h.found)", "\(h.rectified)", "\(h.closed)", "\(h.overdue)"]],
                numeric: [0, 1, 2, 3, 4]))
        return html
    }

    private var effects: [HTML] {
        let rows = rates.map { rate in
            [
                rate.indicator.label.text(language), "\(rate.numerator)/\(rate.denominator)",
                rate.value.map(ComplianceDocument.percent) ?? "—", "\(rate.target)%",
                rate.met ? t("met", "达标") : t("not met", "未达标"),
            ]
        }
        return [
            HTML.element("h2", t("3. Effect indicators", "三、效果指标")),
            Table.html(
                [
                    t("indicator", "指标"), t("count", "完成/应完成"), t("rate", "完成率"), t("target", "目标"),
                    t("result", "结果"),
                ], rows, numeric: [1, 2, 3]),
        ]
    }

    private var budgetSection: [HTML] {
        var html = [HTML.element("h2", t("4. Budget and spending", "四、预算执行情况"))]
        guard !budget.isEmpty else {
            html.append(HTML.element("p", t("No budget was set for the year.", "本年度未设预算。"), class: "empty"))
            return html
        }
        var rows = budget.map { line in
            [
                line.line, line.budget.formatted, line.spent.formatted, line.remaining.formatted,
                line.overSpent ? t("over", "超支") : "",
            ]
        }
        let budgeted = budget.map(\.budget).sum()
        let spent = budget.map(\.spent).sum()
        rows.append([
            t("total", "合计"), budgeted.formatted, spent.formatted, (budgeted - spent).formatted,
            spent > budgeted ? t("over", "超支") : "",
        ])
        html.append(
            Table.html(
                [
                    t("line", "预算项目"), t("budget (yuan)", "预算（元）"), t("spent (yuan)", "支出（元）"),
                    t("remaining (yuan)", "结余（元）"), "",
                ], rows, numeric: [1, 2, 3]))
        return html
    }

    private var problems: [HTML] {
        var items: [String] = []
        let plansByCode = Dictionary(plans.map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a })
        for code in figures.plansWithoutDrills {
            let owed =
                plansByCode[code].map {
                    DrillObligation.tally(
                        year: figures.year, asOf: asOf.date, recordedAsOf: asOf.recorded, history: $0.history
                    ).owed
                } ?? 0
            let community = plansByCode[code]?.community ?? ""
            items.append(
                t(
                    "Plan \(code) (\(community)) owed \(owed) drill(s) in the year and held none.",
                    "预案 \(code)（\(community)）本年度应演练 \(owed) 次，未开展演练。"))
        }
        let target = targets.percent(.campaignsKept)
        for entry in campaigns {
            let below = entry.rows.filter { $0.required > 0 && Int(($0.rate * 1000).rounded()) < target * 10 }
            guard !below.isEmpty else { continue }
            let list = below.map {
                "\($0.community) \($0.covered)/\($0.required)（\(ComplianceDocument.percent($0.rate))）"
            }
            items.append(
                t(
                    "\(entry.campaign.name): \(below.count) of \(entry.rows.count) communities below the target of \(target)% — \(list.joined(separator: ", ")).",
                    "「\(entry.campaign.name)」\(below.count) 个社区（共 \(entry.rows.count) 个）低于目标 \(target)%：\(list.joined(separator: "、"))。"
                ))
        }
        let hazardsByCode = Dictionary(hazards.map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a })
        for code in figures.hazardsPastDeadline {
            guard let hazard = hazardsByCode[code] else { continue }
            items.append(
                t(
                    "Hazard \(code) at \(hazard.detail) (\(hazard.community)) was still open past its deadline of \(hazard.history.due) at \(figures.end).",
                    "隐患 \(code)（\(hazard.detail)，\(hazard.community)）整改期限 \(hazard.history.due)，截至 \(figures.end) 仍未整改。"
                ))
        }
        for line in budget where line.overSpent {
            items.append(
                t(
                    "The budget line \(line.line) was over-spent by \((line.spent - line.budget).formatted) yuan.",
                    "预算项目「\(line.line)」超支 \((line.spent - line.budget).formatted) 元。"))
        }
        let list =
            items.isEmpty
            ? HTML.element("p", t("The figures show no problem.", "各项数字未显示问题。"), class: "empty")
            : HTML.element("ol", items.map { HTML.element("li", $0) })
        return [HTML.element("h2", t("5. Problems found", "五、存在的问题")), list]
    }

    static func cadence(_ schedule: Schedule, _ language: Language) -> String {
        switch schedule {
        case .weekly: return L("weekly", "每周").text(language)
        case .monthly: return L("monthly", "每月").text(language)
        case .quarterly: return L("quarterly", "每季度").text(language)
        case .holiday: return L("holidays", "节假日").text(language)
        case .fixedDay(let day, _): return L("yearly on \(day)", "每年 \(day)").text(language)
        case .fixedMonth(let month): return L("yearly in month \(month)", "每年 \(month) 月").text(language)
        }
    }
}
