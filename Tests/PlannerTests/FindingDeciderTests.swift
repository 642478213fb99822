import Testing

@testable import Planner

@Suite("Finding decider: deadlines and the rectification lifecycle")
struct FindingDeciderTests {
    let today = date("2017-12-31")
    /// Inspection I-1 of the primary school on Friday 29 September 2017, the day before the
    /// 国庆 make-up Saturday.
    let inspection = Inspection.fold(Given.inspection(on: "2017-09-29"))

    func addEvents(
        _ deadline: Finding.Deadline, text: String = "疏散通道堵塞", calendar: HolidayCalendar = Notices.calendar
    ) throws -> [Event] {
        let command = Finding.AddCommand(
            code: "F-1", text: text, severity: .general, deadline: deadline, responsible: "李")
        return try Finding.add(command, inspection: inspection, calendar: calendar)
    }

    /// The one FindingAdded a successful `finding add I-1` decides.
    func add(_ deadline: Finding.Deadline, calendar: HolidayCalendar = Notices.calendar) throws -> FindingAdded? {
        let events = try addEvents(deadline, calendar: calendar)
        guard events.count == 1, case .findingAdded(let added) = events[0] else {
            Issue.record("expected one FindingAdded, got \(events)")
            return nil
        }
        return added
    }

    func within(_ text: String) -> Finding.Deadline {
        .within(Interval(text) ?? Interval(999, .years))
    }

    // MARK: - finding add

    @Test func aDeadlineGivenAsADate() throws {
        let added = try #require(try add(.date(date("2017-10-20"))))
        #expect(added.due == date("2017-10-20"))
        #expect(added.deadline == "2017-10-20")
        #expect(added.inspection == "I-1")
        #expect(added.drill == nil)
        #expect(added.inspectedOn == date("2017-09-29"))
        #expect(added.unit == Given.schoolName)
        #expect(added.responsible == "李")
    }

    @Test(
        "a deadline within calendar or working days is fixed to a date",
        arguments: [
            ("10d", "2017-10-09"), ("2w", "2017-10-13"), ("1m", "2017-10-29"),
            // 30 Sep is a make-up Saturday (1st), 1–8 Oct are off, then 9–12 Oct.
            ("5wd", "2017-10-12"), ("1wd", "2017-09-30"),
        ])
    func deadlineWithin(text: String, due: String) throws {
        let added = try #require(try add(within(text)))
        #expect(added.due == date(due))
        #expect(added.deadline == text)
    }

    @Test func theDeadlineIsFixedByTheCalendarKnownWhenRecorded() throws {
        // An amendment making 9 October an off day would give a later date, but only to findings
        // recorded after it; the event carries the date.
        var amended = Notices.y2017
        amended.days += Notices.off("中秋节、国庆节", "2017-10-09")
        var later = Notices.calendar
        later.replace(amended)
        let before = try #require(try add(within("5wd")))
        let after = try #require(try add(within("5wd"), calendar: later))
        #expect(before.due == date("2017-10-12"))
        #expect(after.due == date("2017-10-13"))
    }

    @Test func aDeadlineOnTheInspectionDayIsAccepted() throws {
        #expect(try add(.date(date("2017-09-29")))?.due == date("2017-09-29"))
    }

    @Test func aDeadlineBeforeTheInspectionIsRefused() {
        expectRefusal(naming: "2017-09-28", "before the finding (2017-09-29)") {
            try addEvents(.date(date("2017-09-28")))
        }
    }

    @Test func addNeedsATextAndAnInspection() {
        expectRefusal(naming: "description") { try addEvents(.date(date("2017-10-20")), text: "") }
        expectRefusal(naming: "no such inspection") {
            try Finding.add(
                Finding.AddCommand(code: "F-1", text: "x", severity: .general, deadline: .date(date("2017-10-20"))),
                inspection: .initial, calendar: Notices.calendar)
        }
    }

    @Test func aDrillEvaluationRaisesAFindingWithoutAnInspection() throws {
        let command = Finding.AddCommand(code: "F-9", text: "广播不响", severity: .general, deadline: within("5wd"))
        let events = try Finding.raise(
            command, drill: "D-1", unit: Given.schoolName, on: date("2017-01-20"), calendar: Notices.calendar)
        guard case .findingAdded(let added) = events.first else {
            Issue.record("expected a FindingAdded, got \(events)")
            return
        }
        #expect(added.inspection == nil)
        #expect(added.drill == "D-1")
        // Across 春节 2017: 22 Jan is a make-up Sunday, 27 Jan–2 Feb are off.
        #expect(added.due == date("2017-01-26"))
    }

    // MARK: - Rectification and re-inspection

    /// Decides a step on `finding` and folds the decided events into it, as the handler would.
    func step(_ finding: inout Finding, _ decide: (Finding) throws -> [Event]) throws {
        let events = try decide(finding)
        #expect(events.count == 1)
        finding = events.reduce(finding) { $0.evolve($1) }
    }

    @Test func rectifyThenVerifyFailThenRectifyAgainThenPass() throws {
        var finding = Finding.fold(Given.finding(foundOn: "2017-09-29", due: "2017-10-12"))
        #expect(finding.status == .open)

        try step(&finding) { try Finding.rectify(on: date("2017-10-10"), note: nil, today: today, state: $0) }
        #expect(finding.status == .rectified)

        try step(&finding) {
            try Finding.verify(on: date("2017-10-12"), result: .fail, note: "仍有杂物", today: today, state: $0)
        }
        #expect(finding.status == .open)
        #expect(finding.lastStepOn == date("2017-10-12"))

        try step(&finding) { try Finding.rectify(on: date("2017-10-13"), note: nil, today: today, state: $0) }
        #expect(finding.status == .rectified)

        try step(&finding) {
            try Finding.verify(on: date("2017-10-16"), result: .pass, note: nil, today: today, state: $0)
        }
        #expect(finding.status == .closed)
        #expect(finding.lastStepOn == date("2017-10-16"))
    }

    @Test func verifyNeedsARectification() {
        let open = Finding.fold(Given.finding(foundOn: "2017-09-29", due: "2017-10-12"))
        expectRefusal(naming: "F-1 has not been rectified") {
            try Finding.verify(on: date("2017-10-10"), result: .pass, note: nil, today: today, state: open)
        }
        let failed = Finding.fold(
            Given.finding(foundOn: "2017-09-29", due: "2017-10-12") + Given.rectified(on: "2017-10-10")
                + Given.verified(on: "2017-10-11", .fail))
        expectRefusal(naming: "F-1 has not been rectified") {
            try Finding.verify(on: date("2017-10-12"), result: .pass, note: nil, today: today, state: failed)
        }
    }

    @Test func aClosedFindingTakesNoFurtherStep() {
        let closed = Finding.fold(
            Given.finding(foundOn: "2017-09-29", due: "2017-10-12") + Given.rectified(on: "2017-10-10")
                + Given.verified(on: "2017-10-11", .pass))
        expectRefusal(naming: "F-1 is closed") {
            try Finding.rectify(on: date("2017-10-12"), note: nil, today: today, state: closed)
        }
        expectRefusal(naming: "F-1 is already closed") {
            try Finding.verify(on: date("2017-10-12"), result: .pass, note: nil, today: today, state: closed)
        }
    }

    @Test func rectifyingTwiceIsRefused() {
        let rectified = Finding.fold(
            Given.finding(foundOn: "2017-09-29", due: "2017-10-12") + Given.rectified(on: "2017-10-10"))
        expectRefusal(naming: "F-1 is already rectified") {
            try Finding.rectify(on: date("2017-10-11"), note: nil, today: today, state: rectified)
        }
    }

    @Test func aStepDatedBeforeThePreviousOneIsRefused() {
        let open = Finding.fold(Given.finding(foundOn: "2017-09-29", due: "2017-10-12"))
        expectRefusal(naming: "rectification on 2017-09-28", "previous step (2017-09-29)") {
            try Finding.rectify(on: date("2017-09-28"), note: nil, today: today, state: open)
        }
        let rectified = open.evolve(Given.rectified(on: "2017-10-10")[0])
        expectRefusal(naming: "re-inspection on 2017-10-09", "previous step (2017-10-10)") {
            try Finding.verify(on: date("2017-10-09"), result: .pass, note: nil, today: today, state: rectified)
        }
        let failed = rectified.evolve(Given.verified(on: "2017-10-12", .fail)[0])
        expectRefusal(naming: "rectification on 2017-10-11", "previous step (2017-10-12)") {
            try Finding.rectify(on: date("2017-10-11"), note: nil, today: today, state: failed)
        }
    }

    @Test func aFutureStepIsRefused() {
        let open = Finding.fold(Given.finding(foundOn: "2017-09-29", due: "2017-10-12"))
        expectRefusal(naming: "rectification", "2018-01-01", "after today (2017-12-31)") {
            try Finding.rectify(on: date("2018-01-01"), note: nil, today: today, state: open)
        }
    }

    @Test func stepsOnAnUnknownFindingAreRefused() {
        expectRefusal(naming: "no such finding") {
            try Finding.rectify(on: date("2017-10-10"), note: nil, today: today, state: .initial)
        }
    }
}
