extension RuleCatalogue {
    private static let office = Rule.Scope(kinds: [.government])
    private static let officeText = "街道及其社区 the office and its communities"

    /// The campaign of a day: the week before it, through the day.
    private static func fixedDay(_ day: FixedDay) -> Schedule {
        .fixedDay(day, windowDays: 7)
    }

    /// RULES.md, "Fixed campaign days": the days and months around which fire and
    /// production-safety publicity is organised, each with the campaign that keeps it.
    public static let campaignDays: [Rule] = [
        Rule(
            id: "CN-EDU-DAY", obligation: .publicity, summary: "全国中小学生安全教育日 safety-education day",
            months: 12, cadenceText: "yearly, last Monday of March",
            scope: .init(kinds: [.primarySchool, .middleSchool]), scopeText: "学校 schools",
            inForce: date("1996-01-01"),
            source: "国家教委等七部委《关于建立全国中小学生安全教育日制度的通知》(1996)", status: .found,
            campaign: fixedDay(.weekday(month: 3, nth: -1, weekday: 1))),
        Rule(
            id: "CN-NSE-DAY", obligation: .publicity, summary: "全民国家安全教育日 national security education day",
            months: nil, cadenceText: "yearly, 15 April", scope: office, scopeText: officeText,
            inForce: date("2015-07-01"), source: "国家安全法 art. 14", status: .found,
            campaign: fixedDay(.date(month: 4, day: 15))),
        Rule(
            id: "CN-DPR-DAY", obligation: .publicity, summary: "全国防灾减灾日 disaster prevention and reduction day",
            months: nil, cadenceText: "yearly, 12 May", scope: office, scopeText: officeText,
            inForce: date("2009-01-01"), source: "国务院批准设立，国家减灾委、民政部 2009-03-02 公布", status: .found,
            campaign: fixedDay(.date(month: 5, day: 12))),
        Rule(
            id: "CN-SAFETY-MONTH", obligation: .publicity, summary: "安全生产月 production-safety month",
            months: nil, cadenceText: "yearly, June", scope: office, scopeText: officeText,
            inForce: date("2002-06-01"), source: "全国“安全生产月”活动（2002 年起每年 6 月，国务院安委会办公室等每年部署）",
            status: .found, campaign: .fixedMonth(6)),
        Rule(
            id: "CN-SAFETY-CONSULT-DAY", obligation: .publicity,
            summary: "安全生产宣传咨询日 production-safety consultation day",
            months: nil,
            cadenceText: "one June day, set each year by that year's 安全生产月 notice (kept within CN-SAFETY-MONTH)",
            scope: office, scopeText: officeText, inForce: date("2002-06-01"),
            source: "每年的全国“安全生产月”活动通知", status: .found),
        Rule(
            id: "CN-DRUG-DAY", obligation: .publicity, summary: "国际禁毒日 International Day against Drug Abuse",
            months: nil, cadenceText: "yearly, 26 June", scope: office, scopeText: officeText,
            inForce: date("1987-12-07"), source: "联合国大会第 42/112 号决议", status: .found,
            campaign: fixedDay(.date(month: 6, day: 26))),
        Rule(
            id: "CN-FIRE-DAY", obligation: .publicity, summary: "119 全国消防日 national fire-safety day",
            months: nil, cadenceText: "yearly, 9 November", scope: office, scopeText: officeText,
            inForce: date("1992-11-09"), source: "公安部 1992 年发起，每年 11 月 9 日为全国消防日", status: .found,
            campaign: fixedDay(.date(month: 11, day: 9))),
        Rule(
            id: "CN-FIRE-MONTH", obligation: .publicity, summary: "全国消防宣传月 fire-safety publicity month",
            months: nil, cadenceText: "yearly, November", scope: office, scopeText: officeText,
            inForce: date("2017-11-01"), source: "消防救援部门每年部署的全国消防宣传月（2017 年起每年 11 月）",
            status: .found, campaign: .fixedMonth(11)),
        Rule(
            id: "CN-TRAFFIC-DAY", obligation: .publicity, summary: "全国交通安全日 national road-safety day",
            months: nil, cadenceText: "yearly, 2 December", scope: office, scopeText: officeText,
            inForce: date("2012-11-18"), source: "国务院 2012-11-18 批复（公安部 公部请〔2012〕83号）", status: .found,
            campaign: fixedDay(.date(month: 12, day: 2))),
        Rule(
            id: "CN-CONSTITUTION-DAY", obligation: .publicity, summary: "国家宪法日 national constitution day",
            months: nil, cadenceText: "yearly, 4 December", scope: office, scopeText: officeText,
            inForce: date("2014-11-01"), source: "全国人大常委会关于设立国家宪法日的决定 (2014-11-01)", status: .found,
            campaign: fixedDay(.date(month: 12, day: 4))),
    ]
}
