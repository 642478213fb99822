import Foundation
import Planner

/// A deterministic city: many streets of eleven communities, their units, plans, drills,
/// publicity and inspections over ten years, as domain events ready to append.
struct CityGenerator {
    /// One stream's events, appended in one call.
    struct Batch {
        var stream: String
        var events: [Event]
    }

    var streets: Int
    var firstYear = 2015
    var years = 10
    private var state: UInt64 = 0x5EED

    init(streets: Int) {
        self.streets = streets
    }

    mutating func next(_ bound: Int) -> Int {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return Int((state >> 33) % UInt64(max(bound, 1)))
    }

    func day(_ year: Int, _ dayOfYear: Int) -> LocalDate {
        (LocalDate(year: year, month: 1, day: 1) ?? LocalDate(dayNumber: 0)).adding(days: dayOfYear)
    }

    /// The organisation and the campaigns: communities, units, plans.
    private(set) var communities: [String] = []

    mutating func organisation() -> (
        batches: [Batch], plans: [(code: String, unit: String, months: Int)], units: [String]
    ) {
        var batches: [Batch] = []
        var plans: [(String, String, Int)] = []
        var units: [String] = []
        let kinds: [UnitKind] = [
            .primarySchool, .middleSchool, .kindergarten, .kindergarten, .enterprise, .enterprise,
            .crowdedPlace, .hazardous, .government, .other,
        ]
        let start = LocalDate(year: firstYear, month: 1, day: 1) ?? LocalDate(dayNumber: 0)
        for campaign in [("周宣传", Cadence.weekly), ("月宣传", .monthly), ("季度宣传", .quarterly), ("节日宣传", .holiday)] {
            batches.append(
                Batch(
                    stream: "campaign:" + campaign.0,
                    events: [
                        .campaignDefined(
                            CampaignDefined(name: campaign.0, cadence: campaign.1, windowDays: 7, communities: nil))
                    ]))
        }
        for street in 1...streets {
            for number in 1...11 {
                let community = String(format: "街道%02d-社区%02d", street, number)
                communities.append(community)
                batches.append(
                    Batch(stream: "community:" + community, events: [.communityAdded(CommunityAdded(name: community))]))
                for unitNumber in 1...20 {
                    let kind = kinds[next(kinds.count)]
                    let unit = "\(community)-单位\(unitNumber)"
                    units.append(unit)
                    batches.append(
                        Batch(
                            stream: "unit:" + unit,
                            events: [
                                .unitAdded(
                                    UnitAdded(name: unit, community: community, kind: kind, keyFireUnit: next(5) == 0))
                            ]))
                    for level in [PlanLevel.special, .comprehensive].prefix(1 + next(2)) {
                        let code = "P-\(plans.count + 1)"
                        let months = [1, 3, 6, 12][next(4)]
                        plans.append((code, unit, months))
                        batches.append(
                            Batch(
                                stream: "plan:" + code,
                                events: [
                                    .planAdded(
                                        PlanAdded(
                                            code: code, name: "\(unit)\(level.rawValue)预案", unit: unit, level: level,
                                            hazard: "火灾", everyMonths: months, rule: nil, from: start))
                                ]))
                    }
                }
            }
        }
        return (batches, plans, units)
    }

    /// One year's drills, publicity and inspections; codes continue from `counters`.
    mutating func year(
        _ year: Int, plans: [(code: String, unit: String, months: Int)], units: [String], counters: inout [String: Int]
    ) -> [Batch] {
        func code(_ kind: String) -> String {
            counters[kind, default: 0] += 1
            return "\(kind)-\(counters[kind] ?? 0)"
        }
        var batches: [Batch] = []
        for plan in plans {
            // Roughly as often as the cadence asks, with realistic gaps.
            let drills = max(1, 12 / plan.months) - (next(4) == 0 ? 1 : 0)
            for index in 0..<drills {
                let drill = code("D")
                let on = day(year, min(364, index * (365 / max(drills, 1)) + next(20)))
                batches.append(
                    Batch(
                        stream: "drill:" + drill,
                        events: [
                            .drillScheduled(
                                DrillScheduled(
                                    code: drill, plan: plan.code, on: on, form: .live, scope: .single, scenario: "火灾疏散")
                            ),
                            .drillConducted(
                                DrillConducted(
                                    code: drill, plan: plan.code, on: on, participants: 20 + next(800),
                                    evacuationSeconds: 120 + next(300), note: nil)),
                        ]))
            }
        }
        for community in communities {
            for (campaign, count, spacing) in [("周宣传", 52, 7), ("月宣传", 12, 30), ("季度宣传", 4, 91), ("节日宣传", 7, 52)] {
                for index in 0..<count where next(10) != 0 {
                    let activity = code("A")
                    var events: [Event] = [
                        .activityLogged(
                            ActivityLogged(
                                code: activity, campaign: campaign, community: community,
                                on: day(year, min(364, index * spacing + next(spacing))),
                                activity: "宣传点", leaflets: next(400), attendees: next(120)))
                    ]
                    if next(25) == 0 { events.append(.activityRetracted(ActivityRetracted(reason: "录入重复"))) }
                    batches.append(Batch(stream: "activity:" + activity, events: events))
                }
            }
        }
        for _ in 0..<(units.count / 2) {
            let unit = units[next(units.count)]
            let inspection = code("I")
            let on = day(year, next(330))
            batches.append(
                Batch(
                    stream: "inspection:" + inspection,
                    events: [
                        .inspectionRecorded(
                            InspectionRecorded(code: inspection, unit: unit, on: on, inspector: "检查员", kind: .fire))
                    ]))
            if next(2) == 0 {
                let finding = code("F")
                var events: [Event] = [
                    .findingAdded(
                        FindingAdded(
                            code: finding, inspection: inspection, drill: nil, inspectedOn: on, unit: unit,
                            text: "安全出口堵塞", severity: next(20) == 0 ? .major : .general,
                            due: on.adding(days: 7 + next(20)), deadline: "14d", responsible: nil))
                ]
                if next(5) != 0 {
                    let fixed = on.adding(days: 3 + next(20))
                    events.append(.findingRectified(FindingRectified(on: fixed, note: nil)))
                    events.append(
                        .findingVerified(
                            FindingVerified(on: fixed.adding(days: 2), result: next(6) == 0 ? .fail : .pass, note: nil))
                    )
                }
                batches.append(Batch(stream: "finding:" + finding, events: events))
            }
        }
        return batches
    }
}
