import Testing

@testable import Planner

@Suite("Drill decider")
struct DrillDeciderTests {
    /// The context of a drill command: plan P-1 of the primary school, in force from 1 March 2017.
    func context(
        plan: [Event] = Given.plan(), unit: [Event] = Given.unit(), today: String = "2017-06-30"
    ) -> Drill.Context {
        Drill.Context(plan: Plan.fold(plan), unit: Unit.fold(unit), today: date(today))
    }

    func schedule(on day: String, context: Drill.Context) throws -> [Event] {
        try Drill.schedule(
            code: "D-1", on: date(day), form: .live, scope: .comprehensive, scenario: "教学楼火灾", context: context)
    }

    func record(_ code: String = "D-1", on day: String, context: Drill.Context, state: Drill) throws -> [Event] {
        try Drill.record(
            code: code, on: date(day), participants: 809, evacuationSeconds: 210, note: nil, context: context,
            state: state)
    }

    // MARK: - Scheduling

    @Test func scheduleADrill() throws {
        let events = try schedule(on: "2017-04-06", context: context())
        #expect(
            events == [
                .drillScheduled(
                    DrillScheduled(
                        code: "D-1", plan: "P-1", on: date("2017-04-06"), form: .live, scope: .comprehensive,
                        scenario: "教学楼火灾"))
            ])
        #expect(Drill.fold(events).status == .scheduled)
    }

    @Test func scheduleBeforeThePlanTakesEffectForADateOnOrAfterItsStart() throws {
        // Today is February; the plan takes effect on 1 March.
        let early = context(today: "2017-02-15")
        #expect(try schedule(on: "2017-03-01", context: early).count == 1)
        #expect(try schedule(on: "2017-03-10", context: early).count == 1)
    }

    @Test func scheduleForADateBeforeThePlansStartIsRefused() {
        expectRefusal(naming: "2017-02-28", "before P-1 takes effect (2017-03-01)") {
            try schedule(on: "2017-02-28", context: context(today: "2017-02-15"))
        }
    }

    @Test func scheduleRefusesARetiredPlanOrAClosedUnit() {
        expectRefusal(naming: "P-1 was retired on 2017-09-21") {
            try schedule(on: "2017-06-01", context: context(plan: Given.plan(retiredOn: "2017-09-21")))
        }
        expectRefusal(naming: "unit 实验小学 was closed on 2017-05-31") {
            try schedule(on: "2017-06-01", context: context(unit: Given.unit(closedOn: "2017-05-31")))
        }
        expectRefusal(naming: "no such plan") { try schedule(on: "2017-06-01", context: context(plan: [])) }
    }

    // MARK: - Recording

    @Test func recordAScheduledDrill() throws {
        let state = Drill.fold(Given.drillScheduled(on: "2017-04-06"))
        let events = try record(on: "2017-04-07", context: context(), state: state)
        #expect(
            events == [
                .drillConducted(
                    DrillConducted(
                        code: "D-1", plan: "P-1", on: date("2017-04-07"), participants: 809, evacuationSeconds: 210,
                        note: nil))
            ])
        let held = state.evolve(events[0])
        #expect(held.status == .conducted)
        #expect(held.conductedOn == date("2017-04-07"))
    }

    @Test func recordAnUnscheduledDrill() throws {
        let events = try record("D-7", on: "2017-05-12", context: context(), state: .initial)
        let held = Drill.fold(events)
        #expect(held.code == "D-7")
        #expect(held.plan == "P-1")
        #expect(held.status == .conducted)
        #expect(held.scheduledOn == nil)
    }

    @Test func recordRefusesAFutureDate() {
        expectRefusal(naming: "2017-07-01", "after today (2017-06-30)") {
            try record(on: "2017-07-01", context: context(), state: .initial)
        }
    }

    @Test func recordRefusesADateBeforeThePlanTookEffect() {
        expectRefusal(naming: "2017-02-28", "before P-1 took effect (2017-03-01)") {
            try record(on: "2017-02-28", context: context(), state: .initial)
        }
    }

    @Test func recordRefusesADrillAlreadyRecorded() {
        let state = Drill.fold(Given.drillScheduled(on: "2017-04-06") + Given.drillConducted(on: "2017-04-06"))
        expectRefusal(naming: "D-1", "already recorded", "2017-04-06") {
            try record(on: "2017-04-08", context: context(), state: state)
        }
    }

    @Test func recordRefusesACancelledDrill() {
        let state = Drill.fold(Given.drillScheduled(on: "2017-04-06") + [.drillCancelled(DrillCancelled(reason: "暴雨"))])
        expectRefusal(naming: "D-1", "cancelled") { try record(on: "2017-04-06", context: context(), state: state) }
    }

    @Test func recordRefusesARetiredPlanFromItsRetirement() throws {
        let retired = context(plan: Given.plan(retiredOn: "2017-05-01"))
        expectRefusal(naming: "P-1 was retired on 2017-05-01") {
            try record(on: "2017-05-01", context: retired, state: .initial)
        }
        // A drill held before the retirement can still be recorded late.
        #expect(try record(on: "2017-04-30", context: retired, state: .initial).count == 1)
    }

    @Test func recordRefusesAClosedUnitAndNegativeParticipants() {
        expectRefusal(naming: "实验小学", "closed on 2017-05-31") {
            try record(on: "2017-06-01", context: context(unit: Given.unit(closedOn: "2017-05-31")), state: .initial)
        }
        expectRefusal(naming: "participants", "negative") {
            try Drill.record(
                code: "D-1", on: date("2017-05-01"), participants: -1, evacuationSeconds: nil, note: nil,
                context: context(), state: .initial)
        }
    }

    // MARK: - Cancel and reschedule

    @Test func cancelAndRescheduleAScheduledDrill() throws {
        let state = Drill.fold(Given.drillScheduled(on: "2017-04-06"))
        #expect(try Drill.cancel(reason: "暴雨", state: state) == [.drillCancelled(DrillCancelled(reason: "暴雨"))])
        let moved = try Drill.reschedule(on: date("2017-04-13"), reason: "考试周", context: context(), state: state)
        #expect(moved == [.drillRescheduled(DrillRescheduled(on: date("2017-04-13"), reason: "考试周"))])
        #expect(state.evolve(moved[0]).scheduledOn == date("2017-04-13"))
    }

    @Test func cancelAndRescheduleOnlyWhenScheduled() {
        let cancelled = Drill.fold(
            Given.drillScheduled(on: "2017-04-06") + [.drillCancelled(DrillCancelled(reason: "雨"))])
        let held = Drill.fold(Given.drillScheduled(on: "2017-04-06") + Given.drillConducted(on: "2017-04-06"))
        expectRefusal(naming: "D-1 is cancelled", "only a scheduled drill") {
            try Drill.cancel(reason: "x", state: cancelled)
        }
        expectRefusal(naming: "D-1 is already held") {
            try Drill.reschedule(on: date("2017-05-01"), reason: "x", context: context(), state: held)
        }
        expectRefusal(naming: "no such drill") { try Drill.cancel(reason: "x", state: .initial) }
    }

    @Test func rescheduleBeforeThePlansStartIsRefused() {
        let state = Drill.fold(Given.drillScheduled(on: "2017-04-06"))
        expectRefusal(naming: "2017-02-20", "before P-1") {
            try Drill.reschedule(on: date("2017-02-20"), reason: "提前", context: context(), state: state)
        }
    }

    // MARK: - Evaluation

    @Test func evaluateAHeldDrillWithItsFindings() throws {
        let state = Drill.fold(Given.drillConducted(on: "2017-04-06"))
        let events = try Drill.evaluate(
            rating: .adequate, report: "疏散较慢", on: date("2017-04-10"), findings: ["F-1", "F-2"],
            today: date("2017-06-30"), state: state)
        #expect(
            events == [
                .drillEvaluated(
                    DrillEvaluated(on: date("2017-04-10"), rating: .adequate, report: "疏散较慢", findings: ["F-1", "F-2"]))
            ])
        #expect(state.evolve(events[0]).rating == .adequate)
    }

    @Test func anEvaluationWithoutFindingsListsNone() throws {
        let state = Drill.fold(Given.drillConducted(on: "2017-04-06"))
        let events = try Drill.evaluate(
            rating: .good, report: nil, on: date("2017-04-06"), findings: [], today: date("2017-06-30"), state: state)
        guard case .drillEvaluated(let evaluated) = events.first else {
            Issue.record("expected a DrillEvaluated, got \(events)")
            return
        }
        #expect(evaluated.findings == nil)
    }

    @Test func evaluateOnlyAfterTheDrillWasHeld() {
        let scheduled = Drill.fold(Given.drillScheduled(on: "2017-04-06"))
        let held = Drill.fold(Given.drillConducted(on: "2017-04-06"))
        let today = date("2017-06-30")
        expectRefusal(naming: "D-1 has not been held yet") {
            try Drill.evaluate(
                rating: .good, report: nil, on: date("2017-04-06"), findings: [], today: today, state: scheduled)
        }
        expectRefusal(naming: "2017-04-05", "before the drill (2017-04-06)") {
            try Drill.evaluate(
                rating: .good, report: nil, on: date("2017-04-05"), findings: [], today: today, state: held)
        }
        expectRefusal(naming: "evaluation of D-1", "2017-07-01") {
            try Drill.evaluate(
                rating: .good, report: nil, on: date("2017-07-01"), findings: [], today: today, state: held)
        }
    }
}
