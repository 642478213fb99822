import Planner
import PlannerStore

/// `finding notice F-n`: the rectification notice (安全隐患整改通知书) an inspector hands to a
/// unit — what was found, when and by whom, and the deadline fixed when it was recorded.
struct FindingNoticeDocument {
    var notice: FindingNoticeRow
    var asOf: AsOf
    var seal: String
    var language: Language

    private func t(_ en: String, _ zh: String) -> String {
        L(en, zh).text(language)
    }

    var page: Page {
        let n = notice
        let source: String
        if let inspection = n.inspection {
            let by = n.inspector.map { t(" by \($0)", "，检查人 \($0)") } ?? ""
            source = t(
                "At the inspection \(inspection) of \(n.inspectedOn)\(by), the following hazard was found at your unit:",
                "经 \(n.inspectedOn) 检查（检查记录 \(inspection)\(by)），发现你单位存在以下安全隐患：")
        } else if let drill = n.drill {
            source = t(
                "At the drill \(drill) of \(n.inspectedOn), the following hazard was found at your unit:",
                "经 \(n.inspectedOn) 演练（\(drill)）发现，你单位存在以下安全隐患：")
        } else {
            source = t(
                "On \(n.inspectedOn) the following hazard was found at your unit:",
                "经 \(n.inspectedOn) 检查，发现你单位存在以下安全隐患：")
        }
        let deadline =
            n.deadline == n.due.description ? n.due.description : "\(n.due)（\(n.deadline)）"
        var body: [HTML] = [
            HTML.element("p", t("No. \(n.finding)", "编号：\(n.finding)"), class: "number"),
            HTML.element("p", t("To \(n.unit) (\(n.community)):", "\(n.unit)（\(n.community)）：")),
            HTML.element("p", source),
            HTML.element("div", n.description, class: "found"),
            HTML.element(
                "p",
                t(
                    "Severity: \(n.severity.label.en). Rectify it by \(deadline) and report the rectification to this office; it will then be verified.",
                    "隐患等级：\(n.severity.label.zh)。请于 \(deadline) 前整改完毕，并将整改情况报送本办，经复查合格后销号。")),
        ]
        if let responsible = n.responsible {
            body.append(HTML.element("p", t("Responsible: \(responsible)", "整改责任人：\(responsible)")))
        }
        body.append(
            HTML.element(
                "div",
                [
                    HTML.element("p", t("Inspector (signature): ____________", "检查人（签名）：____________")),
                    HTML.element("p", t("For the unit (signature): ____________", "被检查单位负责人（签名）：____________")),
                ], class: "sign"))
        body.append(
            HTML.element(
                "p", t("Street office (seal)      Date: ____________", "街道办事处（盖章）      日期：____________"),
                class: "number"))
        return Page(
            title: t("Notice to rectify a safety hazard", "安全隐患整改通知书"),
            meta: [
                t(
                    "Status as of \(asOf.date): \(n.standing.status.label.en)",
                    "截至 \(asOf.date) 状态：\(n.standing.status.label.zh)")
            ],
            orientation: .portrait, body: body,
            footer: [
                t("Printed by Vigil from its event log; seal of the log: ", "由 Vigil 依据事件日志打印；日志封印：") + seal
            ],
            language: language, kind: "notice")
    }
}
