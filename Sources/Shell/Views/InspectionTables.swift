import Planner
import PlannerStore

/// The tables of the inspection reports.
enum InspectionTables {
    /// Units with their inspection obligation, and the days overdue (or, negated, until due).
    static func obligations(
        _ rows: [InspectionObligationRow], daysKey: String, daysHeader: L, negate: Bool = false
    ) -> Output {
        .table(
            rows,
            [
                Field("unit", L("unit", "单位")) { .text($0.unit) },
                Field("community", L("community", "社区")) { .text($0.community) },
                Field("rule", L("rule", "规则")) { .text($0.rule) },
                Field("last_inspection", L("last inspection", "上次检查")) { .date($0.lastInspection) },
                Field("due", L("due", "应检查日期")) { .date($0.due) },
                Field(daysKey, daysHeader) { .int(negate ? -$0.daysOverdue : $0.daysOverdue) },
            ])
    }

    /// What the help of both reports says of the obligation.
    static let semantics = L(
        "Each unit owes fire inspections (防火检查, inspection record --kind fire) at the cadence of the strictest inspection rule in force for its kind and key-fire-unit flag (rules for UNIT). It comes under the rule on the later of the rule's in-force date and the day the record first knows the unit: the day it was added, or an earlier inspection of it. Due = the last fire inspection on or before today (or that day) plus the cadence in calendar months. A closed unit owes nothing from its closure date; a reclassification changes the rule once recorded.",
        "每个单位按适用于其类型及是否消防安全重点单位、且已生效的最严格检查规则（rules for 单位）进行防火检查（inspection record --kind fire）。单位自规则生效日与记录中最早知道该单位之日（添加之日，或更早的检查日期）中较晚者起受该规则约束。应检查日期 = 今天及以前最后一次防火检查日期（无则为上述起始日）加上检查周期（日历月）。单位关闭后不再有检查义务；重新分类登记后即按新规则计算。"
    )
}
