import Testing

@testable import Planner

/// The extra steps of a major finding (重大隐患): report, remediation plan, evaluation after
/// treatment, write-off (核销) after a passed re-inspection.
@Suite("Finding decider: major findings")
struct MajorFindingDeciderTests {
    let today = date("2017-12-31")

    /// Major finding F-1, found on 29 September 2017, followed by `steps`.
    func major(_ steps: [Event]...) -> Finding {
        Finding.fold(Given.finding(severity: .major, foundOn: "2017-09-29", due: "2017-10-31") + steps.flatMap { $0 })
    }

    let reported: [Event] = [.majorFindingReported(MajorFindingReported(on: date("2017-09-30"), authority: "区应急管理局"))]
    let planned: [Event] = [
        .remediationPlanned(RemediationPlanned(on: date("2017-10-01"), plan: "更换储罐", due: date("2017-10-31")))
    ]
    let evaluated: [Event] = [.majorFindingEvaluated(MajorFindingEvaluated(on: date("2017-10-22"), note: nil))]

    // MARK: - Each step in order

    /// Decides a step on `finding` and folds the decided events into it, as the handler would.
    func step(_ finding: inout Finding, _ decide: (Finding) throws -> [Event]) throws {
        let events = try decide(finding)
        #expect(events.count == 1)
        finding = events.reduce(finding) { $0.evolve($1) }
    }

    @Test func theFullCourseOfAMajorFinding() throws {
        var finding = major()
        try step(&finding) { try Finding.report(on: date("2017-09-30"), authority: "区应急管理局", today: today, state: $0) }
        #expect(finding.reportedOn == date("2017-09-30"))
        try step(&finding) {
            try Finding.planRemediation(
                on: date("2017-10-01"), plan: "更换储罐", due: date("2017-10-31"), today: today, state: $0)
        }
        #expect(finding.remediationDue == date("2017-10-31"))
        try step(&finding) { try Finding.rectify(on: date("2017-10-20"), note: nil, today: today, state: $0) }
        try step(&finding) { try Finding.evaluate(on: date("2017-10-22"), note: "达标", today: today, state: $0) }
        #expect(finding.evaluatedOn == date("2017-10-22"))
        try step(&finding) {
            try Finding.verify(on: date("2017-10-25"), result: .pass, note: nil, today: today, state: $0)
        }
        #expect(finding.status == .closed)
        let writeOff = try Finding.writeOff(on: date("2017-10-26"), approvedBy: "张主任", today: today, state: finding)
        #expect(
            writeOff == [.majorFindingWrittenOff(MajorFindingWrittenOff(on: date("2017-10-26"), approvedBy: "张主任"))])
        #expect(finding.evolve(writeOff[0]).writtenOffOn == date("2017-10-26"))
    }

    // MARK: - General findings

    @Test func aGeneralFindingRefusesEveryMajorStep() {
        let general = Finding.fold(
            Given.finding(severity: .general, foundOn: "2017-09-29", due: "2017-10-31")
                + Given.rectified(on: "2017-10-10")
                + Given.verified(on: "2017-10-11", .pass))
        let on = date("2017-10-12")
        expectRefusal(naming: "F-1 is a general finding") {
            try Finding.report(on: on, authority: nil, today: today, state: general)
        }
        expectRefusal(naming: "F-1 is a general finding") {
            try Finding.planRemediation(on: on, plan: "x", due: on, today: today, state: general)
        }
        expectRefusal(naming: "F-1 is a general finding") {
            try Finding.evaluate(on: on, note: nil, today: today, state: general)
        }
        expectRefusal(naming: "F-1 is a general finding") {
            try Finding.writeOff(on: on, approvedBy: "张主任", today: today, state: general)
        }
    }

    // MARK: - Report

    @Test func reportRefusals() {
        expectRefusal(naming: "F-1 was already reported on 2017-09-30") {
            try Finding.report(on: date("2017-10-05"), authority: nil, today: today, state: major(reported))
        }
        expectRefusal(naming: "report on 2017-09-28", "before the finding (2017-09-29)") {
            try Finding.report(on: date("2017-09-28"), authority: nil, today: today, state: major())
        }
        expectRefusal(naming: "report", "2018-01-01", "after today") {
            try Finding.report(on: date("2018-01-01"), authority: nil, today: today, state: major())
        }
        expectRefusal(naming: "no such finding") {
            try Finding.report(on: date("2017-10-01"), authority: nil, today: today, state: .initial)
        }
    }

    // MARK: - Remediation plan

    @Test func remediationRefusals() {
        expectRefusal(naming: "deadline 2017-09-30", "before the plan (2017-10-01)") {
            try Finding.planRemediation(
                on: date("2017-10-01"), plan: "更换储罐", due: date("2017-09-30"), today: today, state: major())
        }
        expectRefusal(naming: "remediation plan needs its text") {
            try Finding.planRemediation(
                on: date("2017-10-01"), plan: "", due: date("2017-10-31"), today: today, state: major())
        }
        let closed = major(Given.rectified(on: "2017-10-20"), Given.verified(on: "2017-10-25", .pass))
        expectRefusal(naming: "F-1 is closed") {
            try Finding.planRemediation(
                on: date("2017-10-26"), plan: "更换储罐", due: date("2017-10-31"), today: today, state: closed)
        }
    }

    // MARK: - Evaluation

    @Test func evaluationComesAfterTreatment() throws {
        expectRefusal(naming: "F-1 has not been treated yet") {
            try Finding.evaluate(on: date("2017-10-22"), note: nil, today: today, state: major(reported))
        }
        let failed = major(Given.rectified(on: "2017-10-20"), Given.verified(on: "2017-10-21", .fail))
        expectRefusal(naming: "F-1 has not been treated yet") {
            try Finding.evaluate(on: date("2017-10-22"), note: nil, today: today, state: failed)
        }
        let rectified = major(Given.rectified(on: "2017-10-20"))
        #expect(try Finding.evaluate(on: date("2017-10-22"), note: nil, today: today, state: rectified).count == 1)
        expectRefusal(naming: "evaluation", "2018-01-02") {
            try Finding.evaluate(on: date("2018-01-02"), note: nil, today: today, state: rectified)
        }
    }

    // MARK: - Write-off

    @Test func writeOffNeedsTheReportTheEvaluationAndAPassedReinspection() {
        let treated = Given.rectified(on: "2017-10-20")
        let passed = Given.verified(on: "2017-10-25", .pass)
        let on = date("2017-10-26")
        expectRefusal(naming: "F-1 was never reported") {
            try Finding.writeOff(on: on, approvedBy: "张主任", today: today, state: major(treated, evaluated, passed))
        }
        expectRefusal(naming: "F-1 has no evaluation yet") {
            try Finding.writeOff(on: on, approvedBy: "张主任", today: today, state: major(reported, treated, passed))
        }
        expectRefusal(naming: "F-1 has not passed re-inspection") {
            try Finding.writeOff(on: on, approvedBy: "张主任", today: today, state: major(reported, treated, evaluated))
        }
        expectRefusal(naming: "write-off", "2018-01-01", "after today") {
            try Finding.writeOff(
                on: date("2018-01-01"), approvedBy: "张主任", today: today,
                state: major(reported, treated, evaluated, passed))
        }
    }

    @Test func writingOffTwiceIsRefused() {
        let writtenOff: [Event] = [
            .majorFindingWrittenOff(MajorFindingWrittenOff(on: date("2017-10-26"), approvedBy: "张主任"))
        ]
        let state = major(
            reported, Given.rectified(on: "2017-10-20"), evaluated, Given.verified(on: "2017-10-25", .pass), writtenOff)
        expectRefusal(naming: "F-1 was already written off on 2017-10-26") {
            try Finding.writeOff(on: date("2017-10-27"), approvedBy: "张主任", today: today, state: state)
        }
    }

    // MARK: - Dates of the major steps follow the steps they depend on

    @Test func aWriteOffDatedBeforeThePassedReinspectionIsRefused() {
        // Re-inspection passed on 25 October; a write-off dated 23 October would show the finding
        // written off, but not closed, as of 23 and 24 October.
        let state = major(
            reported, Given.rectified(on: "2017-10-20"), evaluated, Given.verified(on: "2017-10-25", .pass))
        expectRefusal(naming: "2017-10-23", "2017-10-25") {
            try Finding.writeOff(on: date("2017-10-23"), approvedBy: "张主任", today: today, state: state)
        }
    }

    @Test func aWriteOffDatedBeforeTheEvaluationIsRefused() {
        // Evaluated on 22 October; the re-inspection passed on 20 October.
        let state = major(
            reported, Given.rectified(on: "2017-10-18"), Given.verified(on: "2017-10-20", .pass), evaluated)
        expectRefusal(naming: "2017-10-21", "2017-10-22") {
            try Finding.writeOff(on: date("2017-10-21"), approvedBy: "张主任", today: today, state: state)
        }
    }

    @Test func anEvaluationDatedBeforeTheRectificationIsRefused() {
        // Treated (rectification reported) on 20 October: an evaluation "after treatment" cannot be
        // dated 5 October.
        let state = major(reported, Given.rectified(on: "2017-10-20"))
        expectRefusal(naming: "2017-10-05", "2017-10-20") {
            try Finding.evaluate(on: date("2017-10-05"), note: nil, today: today, state: state)
        }
    }
}
