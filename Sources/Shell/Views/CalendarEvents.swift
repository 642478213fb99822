import Foundation
import Planner
import PlannerStore

/// The calendar's events, made from the reports' rows: a scheduled drill on its date, a plan's
/// drill due date, an open finding's rectification deadline. Their words are Chinese, the
/// office's language, whatever the session's.
///
/// UIDs name the record and the kind of event (`drill-D-3@…`, `drill-due-P-2@…`,
/// `finding-due-F-4@…`) under this database's identity, so an export repeated, or refreshed
/// after the log has grown, gives each record the same UID and calendar programs update the
/// event in place; a plan's due-date event keeps its UID when a drill moves the date.
enum CalendarEvents {
    /// A drill still to be held, on its scheduled date.
    static func drill(_ row: ScheduledDrillRow, instance: String, stamp: Date) -> ICalendar.Event {
        var details = ["预案 \(row.plan)：\(row.planName)（\(row.level.label.zh)）", "单位：\(row.unit)（\(row.community)）"]
        let manner = [row.form?.label.zh, row.scope?.label.zh].compactMap { $0 }
        if !manner.isEmpty { details.append("形式：" + manner.joined(separator: "，")) }
        if let scenario = row.scenario { details.append("情景：\(scenario)") }
        details.append("安排日期：\(row.scheduledOn)")
        return ICalendar.Event(
            uid: "drill-\(row.drill)@\(instance).vigil", stamp: stamp, date: row.scheduledOn,
            summary: "演练 \(row.drill)：\(row.unit)（\(row.community)）", description: details.joined(separator: "\n"),
            categories: ["应急演练"])
    }

    /// The date by which a plan owes its next drill.
    static func drillDue(_ row: DrillObligationRow, instance: String, stamp: Date) -> ICalendar.Event {
        let obligation = row.obligation
        var details = ["预案 \(row.plan)：\(row.planName)", "单位：\(row.unit)（\(row.community)）"]
        details.append(obligation.lastDrill.map { "上次演练：\($0)" } ?? "上次演练：无（自预案生效日起算）")
        details.append("应于 \(obligation.due) 前完成下一次演练")
        if obligation.isOverdue { details.append("已逾期 \(obligation.daysOverdue) 天") }
        return ICalendar.Event(
            uid: "drill-due-\(row.plan)@\(instance).vigil", stamp: stamp, date: obligation.due,
            summary: "演练到期 \(row.plan)：\(row.unit)（\(row.community)）", description: details.joined(separator: "\n"),
            categories: ["演练到期"])
    }

    /// An open finding's rectification deadline.
    static func findingDue(_ row: FindingRow, instance: String, stamp: Date) -> ICalendar.Event {
        var details = [
            "隐患 \(row.finding)：\(row.description)", "单位：\(row.unit)（\(row.community)）",
            "等级：\(row.severity.label.zh)", "整改期限：\(row.due)",
        ]
        if let days = row.standing.daysOverdue, days > 0 { details.append("已逾期 \(days) 天") }
        return ICalendar.Event(
            uid: "finding-due-\(row.finding)@\(instance).vigil", stamp: stamp, date: row.due,
            summary: "隐患整改期限 \(row.finding)：\(row.unit)（\(row.community)）",
            description: details.joined(separator: "\n"), categories: ["隐患整改"])
    }
}
