import Foundation
import Planner
import PlannerStore

/// `report compliance`: one page a safety committee reads — key figures, each campaign as a
/// community × period heatmap, the plans overdue for a drill and the open hazards — with the
/// seal of the log it was computed from, so a printed copy can be proved against the log.
struct ComplianceDocument {
    struct Campaign {
        var campaign: CampaignRow
        var rows: [ComplianceRow]
    }

    var period: String
    var asOf: AsOf
    var campaigns: [Campaign]
    var overdueDrills: [DrillObligationRow]
    var openFindings: [FindingRow]
    var language: Language
    var recordedAsOf: String?

    private func t(_ en: String, _ zh: String) -> String {
        L(en, zh).text(language)
    }

    /// The page of one street, under the seal of the log it was computed from.
    func page(seal: String) -> Page {
        Page(
            title: t("Publicity, drills and hazards: compliance report", "宣传、演练与隐患整改落实情况报告"),
            meta: meta, orientation: .landscape, body: body, footer: Self.footer(seal, language), language: language)
    }

    /// A district's report: each street's figures, heatmaps and lists under its name, and the
    /// seal of every one of those streets' logs.
    static func district(_ name: String, _ streets: [(String, ComplianceDocument)], seal: String, language: Language)
        -> Page
    {
        Page(
            title: L(
                "\(name): publicity, drills and hazards by street", "\(name)宣传、演练与隐患整改落实情况报告（分街道）"
            ).text(language),
            meta: streets.first?.1.meta ?? [], orientation: .landscape,
            body: streets.flatMap { street, document in
                [HTML.element("h2", street, class: "street")] + document.body
            },
            footer: footer(seal, language), language: language)
    }

    private var meta: [String] {
        var meta = [t("As of \(asOf.date) · \(period)", "截至 \(asOf.date) · \(period)")]
        if let recordedAsOf {
            meta.append(t("The log as it stood at \(recordedAsOf)", "按 \(recordedAsOf) 时的记录"))
        }
        return meta
    }

    private var body: [HTML] {
        [figures] + campaignSections + [drillSection, findingSection]
    }

    private static func footer(_ seal: String, _ language: Language) -> [String] {
        [
            L(
                "Every figure is computed by Vigil from its event log; the log it was computed from is sealed as below. `vigil verify --seal SEAL` proves it unchanged.",
                "本报告所有数字均由 Vigil 依据事件日志计算；所依据日志的封印如下，可用 `vigil verify --seal 封印` 核对日志未被改动。"
            ).text(language),
            L("Seal: ", "日志封印：").text(language) + seal,
        ]
    }

    private var figures: HTML {
        let required = campaigns.flatMap(\.rows).reduce(0) { $0 + $1.required }
        let covered = campaigns.flatMap(\.rows).reduce(0) { $0 + $1.covered }
        let overdueFindings = openFindings.filter { $0.standing.daysOverdue != nil }.count
        let items: [(String, String)] = [
            (
                Self.percent(Coverage.rate(covered: covered, required: required)),
                t("of publicity periods kept", "宣传周期完成率")
            ),
            ("\(covered) / \(required)", t("periods kept / owed, all communities", "已完成 / 应完成周期（各社区合计）")),
            ("\(overdueDrills.count)", t("plans overdue for a drill", "演练逾期的预案")),
            ("\(openFindings.count)", t("hazards not yet closed", "未销号隐患")),
            ("\(overdueFindings)", t("hazards past their deadline", "超期未整改隐患")),
        ]
        return HTML.element(
            "section",
            items.map { value, label in
                HTML.element("div", [HTML.element("b", value), HTML.element("span", label)], class: "figure")
            }, class: "figures")
    }

    private var campaignSections: [HTML] {
        var sections = [HTML.element("h2", t("Publicity campaigns", "宣传活动"))]
        if campaigns.isEmpty {
            sections.append(HTML.element("p", t("No campaign is defined.", "尚未定义宣传活动。"), class: "empty"))
        } else {
            sections.append(
                HTML.element(
                    "p",
                    [
                        HTML.element("span", "●", class: "ok"), HTML(t("kept", "已完成")),
                        HTML(raw: " &nbsp; "), HTML.element("span", "×", class: "miss"),
                        HTML(t("missed", "缺失")),
                        HTML(
                            t(
                                " — a period counts once it has ended by the as-of date.",
                                " —— 只计入截至报告日期已结束的周期。")),
                    ], class: "legend"))
        }
        for entry in campaigns {
            let required = entry.rows.reduce(0) { $0 + $1.required }
            let covered = entry.rows.reduce(0) { $0 + $1.covered }
            sections.append(
                HTML.element(
                    "h3",
                    "\(entry.campaign.name) · \(Self.percent(Coverage.rate(covered: covered, required: required)))"))
            sections.append(heatmap(entry))
        }
        return sections
    }

    /// Communities down, periods across; each cell says kept or missed in colour and by its sign.
    private func heatmap(_ entry: Campaign) -> HTML {
        let periods = entry.rows.first?.periods ?? []
        guard !periods.isEmpty else {
            return HTML.element("p", t("No period has ended yet.", "尚无已结束的周期。"), class: "empty")
        }
        let head = HTML.element(
            "tr",
            [HTML.element("th", t("community", "社区"), class: "row")]
                + periods.map { HTML.element("th", Self.shortLabel($0.label), title: $0.label) }
                + [HTML.element("th", t("rate", "完成率"))])
        let body = entry.rows.map { row -> HTML in
            let missing = Set(row.missing.map(\.label))
            let cells = periods.map { period in
                missing.contains(period.label)
                    ? HTML.element("td", "×", class: "miss", title: period.label)
                    : HTML.element("td", "●", class: "ok", title: period.label)
            }
            return HTML.element(
                "tr",
                [HTML.element("td", row.community, class: "row")] + cells
                    + [HTML.element("td", "\(row.covered)/\(row.required) \(Self.percent(row.rate))", class: "rate")])
        }
        // Weeks are many narrow columns across the whole width; a few periods stay compact.
        return HTML.element("table", [head] + body, class: periods.count > 16 ? "heat wide" : "heat")
    }

    private var drillSection: HTML {
        let columns = [
            t("plan", "预案"), t("name", "名称"), t("unit", "单位"), t("community", "社区"), t("last drill", "上次演练"),
            t("due", "应演练日期"), t("days overdue", "逾期天数"),
        ]
        let rows = overdueDrills.map { row in
            [
                row.plan, row.planName, row.unit, row.community, row.obligation.lastDrill?.description ?? "—",
                row.obligation.due.description, "\(row.obligation.daysOverdue)",
            ]
        }
        return HTML.element("h2", t("Plans overdue for a drill", "演练逾期的预案"))
            + Table.html(columns, rows, numeric: [6], empty: t("No plan is overdue.", "没有演练逾期的预案。"))
    }

    private var findingSection: HTML {
        let columns = [
            t("finding", "隐患"), t("unit", "单位"), t("community", "社区"), t("severity", "等级"),
            t("what was found", "隐患内容"), t("deadline", "整改期限"), t("status", "状态"), t("days overdue", "超期天数"),
        ]
        let rows = openFindings.map { row in
            [
                row.finding, row.unit, row.community, row.severity.label.text(language), row.description,
                row.due.description, row.standing.status.label.text(language),
                row.standing.daysOverdue.map { "\($0)" } ?? "",
            ]
        }
        return HTML.element("h2", t("Hazards not yet closed", "未销号的隐患"))
            + Table.html(columns, rows, numeric: [7], empty: t("Every hazard is closed.", "隐患均已销号。"))
    }

    /// A period's label short enough for a heatmap column: the week `14`, the month `04`,
    /// `Q2`, or the holiday.
    static func shortLabel(_ label: String) -> String {
        if let week = label.range(of: "-W") { return String(label[week.upperBound...]) }
        if let quarter = label.range(of: "-Q") { return "Q" + label[quarter.upperBound...] }
        if let space = label.firstIndex(of: " ") { return String(label[label.index(after: space)...]) }
        if let dash = label.firstIndex(of: "-") { return String(label[label.index(after: dash)...]) }
        return label
    }

    static func percent(_ rate: Double) -> String {
        let tenths = Int((rate * 1000).rounded())
        return "\(tenths / 10).\(tenths % 10)%"
    }
}
