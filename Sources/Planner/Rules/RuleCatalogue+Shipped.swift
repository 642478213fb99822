extension RuleCatalogue {
    static func date(_ text: String) -> LocalDate {
        LocalDate(text) ?? LocalDate(dayNumber: 0)
    }

    private static let organisations: Set<UnitKind> = Set(UnitKind.allCases).subtracting([.residential])
    private static let productionUnits: Set<UnitKind> = [.enterprise, .hazardous, .crowdedPlace]

    /// The rows of RULES.md, with their sources and the status of each source, then its fixed
    /// campaign days.
    public static let shipped: [Rule] =
        [
            Rule(
                id: "CN-FIRE-61-40-A", obligation: .drill, summary: "灭火和应急疏散演练 fire & evacuation drill",
                months: 6, cadenceText: "≥1 per half-year", scope: .init(keyFireUnit: true),
                scopeText: "消防安全重点单位 key fire-safety units", inForce: date("2002-05-01"),
                source: "公安部令第61号 art. 40", status: .found),
            Rule(
                id: "CN-FIRE-61-40-B", obligation: .drill, summary: "灭火和应急疏散演练 fire & evacuation drill",
                months: 12, cadenceText: "≥1 per year", scope: .init(kinds: organisations),
                scopeText: "其他机关、团体、企业、事业单位 every other organisation", inForce: date("2002-05-01"),
                source: "公安部令第61号 art. 40", status: .found),
            Rule(
                id: "CN-EDU-2014-A", obligation: .drill, summary: "应急疏散演练 evacuation drill",
                months: 1, cadenceText: "≥1 per month (school months)",
                scope: .init(kinds: [.primarySchool, .middleSchool]),
                scopeText: "中小学 primary and middle schools", inForce: date("2014-01-01"),
                source: "教基一厅〔2014〕2号", status: .found),
            Rule(
                id: "CN-EDU-2014-B", obligation: .drill, summary: "应急疏散演练 evacuation drill",
                months: 3, cadenceText: "≥1 per quarter", scope: .init(kinds: [.kindergarten]),
                scopeText: "幼儿园 kindergartens", inForce: date("2014-01-01"),
                source: "教基一厅〔2014〕2号", status: .found),
            Rule(
                id: "CN-PMM-33-A", obligation: .drill, summary: "综合或专项应急预案演练 comprehensive or special plan drill",
                months: 12, cadenceText: "≥1 per year",
                scope: .init(kinds: productionUnits, levels: [.comprehensive, .special]),
                scopeText: "生产经营单位 production units", inForce: date("2016-07-01"),
                source: "生产安全事故应急预案管理办法 art. 33", status: .found),
            Rule(
                id: "CN-PMM-33-B", obligation: .drill, summary: "现场处置方案演练 on-site disposal plan drill",
                months: 6, cadenceText: "≥1 per half-year, each plan",
                scope: .init(kinds: productionUnits, levels: [.onsite]),
                scopeText: "生产经营单位的现场处置方案 on-site plans of production units", inForce: date("2016-07-01"),
                source: "生产安全事故应急预案管理办法 art. 33", status: .found),
            Rule(
                id: "CN-ERC-8-1", obligation: .drill, summary: "政府应急预案演练 government emergency-plan drill",
                months: 24, cadenceText: "≥1 per 2 years", scope: .init(kinds: [.government]),
                scopeText: "街道办事处、乡镇、县级以上政府 governments", inForce: date("2019-04-01"),
                source: "生产安全事故应急条例 art. 8 ¶1", status: .law),
            Rule(
                id: "CN-ERC-8-2", obligation: .drill, summary: "应急预案演练并报告 emergency-plan drill, reported",
                months: 6, cadenceText: "≥1 per half-year", scope: .init(kinds: [.hazardous, .crowdedPlace]),
                scopeText: "危险物品单位、人员密集场所等 hazardous-goods units, crowded places", inForce: date("2019-04-01"),
                source: "生产安全事故应急条例 art. 8 ¶2", status: .law),
            Rule(
                id: "CN-PMM-35", obligation: .evaluation, summary: "应急预案评估 plan evaluation",
                months: 36, cadenceText: "≥1 per 3 years", scope: .init(kinds: productionUnits),
                scopeText: "高危及中型以上生产经营单位 high-risk and medium or larger production units",
                inForce: date("2016-07-01"), source: "应急预案管理办法 art. 35", status: .found),
            Rule(
                id: "CN-PMM-36", obligation: .revision, summary: "应急预案修订 plan revision", months: nil,
                cadenceText: "after a law, organisation, risk or resource change, or a problem found in a drill",
                scope: .init(), scopeText: "every plan", inForce: date("2016-07-01"),
                source: "应急预案管理办法 art. 36", status: .found),
            Rule(
                id: "CN-PMM-34", obligation: .evaluation, summary: "演练评估报告 drill evaluation report", months: nil,
                cadenceText: "after every drill", scope: .init(), scopeText: "the drill's organiser",
                inForce: date("2016-07-01"), source: "应急预案管理办法 art. 34; AQ/T 9009-2015 §7.4", status: .memory),
            Rule(
                id: "CN-FIRE-61-26-A", obligation: .inspection, summary: "防火检查 fire inspection", months: 3,
                cadenceText: "≥1 per quarter",
                scope: .init(kinds: [.government, .primarySchool, .middleSchool, .kindergarten]),
                scopeText: "机关、团体、事业单位 government bodies and schools", inForce: date("2002-05-01"),
                source: "公安部令第61号 art. 26", status: .found),
            Rule(
                id: "CN-FIRE-61-26-B", obligation: .inspection, summary: "防火检查 fire inspection", months: 1,
                cadenceText: "≥1 per month", scope: .init(kinds: [.enterprise, .hazardous, .crowdedPlace, .other]),
                scopeText: "其他单位 other units", inForce: date("2002-05-01"),
                source: "公安部令第61号 art. 26", status: .found),
            Rule(
                id: "CN-FIRE-61-25-A", obligation: .patrol, summary: "防火巡查 fire patrol, signed record", months: nil,
                cadenceText: "daily", scope: .init(keyFireUnit: true), scopeText: "消防安全重点单位 key fire-safety units",
                inForce: date("2002-05-01"), source: "公安部令第61号 art. 25", status: .found),
            Rule(
                id: "CN-FIRE-61-36-A", obligation: .training, summary: "全员消防安全培训 staff fire training",
                months: 12, cadenceText: "≥1 per year", scope: .init(keyFireUnit: true),
                scopeText: "消防安全重点单位 key fire-safety units", inForce: date("2002-05-01"),
                source: "公安部令第61号 art. 36", status: .found),
            Rule(
                id: "CN-FIRE-61-36-B", obligation: .training, summary: "员工消防培训 staff fire training", months: 6,
                cadenceText: "≥1 per half-year", scope: .init(kinds: [.crowdedPlace]),
                scopeText: "公众聚集场所 crowded public places", inForce: date("2002-05-01"),
                source: "公安部令第61号 art. 36", status: .found),
            Rule(
                id: "CN-FIRE-LAW-31", obligation: .publicity, summary: "节日消防宣传和检查 holiday fire publicity",
                months: nil, cadenceText: "each major holiday block", scope: .init(kinds: [.government]),
                scopeText: "地方政府（街道） local governments", inForce: date("2009-05-01"),
                source: "消防法 art. 31", status: .law, campaign: .holiday(windowDays: 7)),
        ] + campaignDays
}
