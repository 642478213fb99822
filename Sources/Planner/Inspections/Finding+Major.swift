/// The extra steps of a major finding (重大隐患), 安全生产事故隐患排查治理暂行规定 art. 15 and
/// 安全生产法 art. 41: a report to the authority, a remediation plan with its own deadline, an
/// evaluation after treatment, and an approval before the record is written off (核销).
extension Finding {
    /// `finding report F-n --on DATE [--to AUTHORITY]`
    public static func report(on date: LocalDate, authority: String?, today: LocalDate, state: Finding) throws
        -> [Event]
    {
        let code = try state.major()
        if let reportedOn = state.reportedOn {
            throw DomainError("\(code) was already reported on \(reportedOn)", "\(code) 已于 \(reportedOn) 上报")
        }
        try state.checkDate(date, today: today, what: "report", whatZh: "上报")
        return [.majorFindingReported(MajorFindingReported(on: date, authority: authority))]
    }

    /// `finding remediation F-n --on DATE --plan TEXT --due DATE`
    public static func planRemediation(
        on date: LocalDate, plan: String, due: LocalDate, today: LocalDate, state: Finding
    )
        throws -> [Event]
    {
        let code = try state.major()
        guard state.status != .closed else { throw DomainError("\(code) is closed", "\(code) 已销号") }
        try state.checkDate(date, today: today, what: "remediation plan", whatZh: "治理方案")
        guard due >= date else {
            throw DomainError(
                "the plan's deadline \(due) is before the plan (\(date))", "治理方案期限 \(due) 早于方案日期（\(date)）")
        }
        guard !plan.isEmpty else { throw DomainError("a remediation plan needs its text", "治理方案需要内容") }
        return [.remediationPlanned(RemediationPlanned(on: date, plan: plan, due: due))]
    }

    /// `finding evaluate F-n --on DATE [--note TEXT]`: after treatment, before the write-off.
    public static func evaluate(on date: LocalDate, note: String?, today: LocalDate, state: Finding) throws -> [Event] {
        let code = try state.major()
        guard state.status != .open else {
            throw DomainError(
                "\(code) has not been treated yet; evaluate it after its rectification", "\(code) 尚未整改；请在整改后评估")
        }
        try state.checkDate(date, today: today, what: "evaluation", whatZh: "评估")
        if let rectifiedOn = state.rectifiedOn, date < rectifiedOn {
            throw DomainError(
                "the evaluation on \(date) is before the rectification it evaluates (\(rectifiedOn))",
                "评估日期 \(date) 早于整改日期（\(rectifiedOn)）")
        }
        return [.majorFindingEvaluated(MajorFindingEvaluated(on: date, note: note))]
    }

    /// `finding writeoff F-n --on DATE --approved-by NAME`: only after the report, the
    /// evaluation and a passed re-inspection.
    public static func writeOff(on date: LocalDate, approvedBy: String, today: LocalDate, state: Finding) throws
        -> [Event]
    {
        let code = try state.major()
        if let writtenOffOn = state.writtenOffOn {
            throw DomainError("\(code) was already written off on \(writtenOffOn)", "\(code) 已于 \(writtenOffOn) 核销")
        }
        guard state.reportedOn != nil else {
            throw DomainError(
                "\(code) was never reported to the authority (finding report)", "\(code) 尚未上报（finding report）")
        }
        guard state.evaluatedOn != nil else {
            throw DomainError("\(code) has no evaluation yet (finding evaluate)", "\(code) 尚未评估（finding evaluate）")
        }
        guard state.status == .closed else {
            throw DomainError(
                "\(code) has not passed re-inspection (finding verify --result pass)",
                "\(code) 尚未复查通过（finding verify --result pass）")
        }
        try state.checkDate(date, today: today, what: "write-off", whatZh: "核销")
        let latest = [state.lastStepOn, state.reportedOn, state.evaluatedOn].compactMap { $0 }.max() ?? state.foundOn
        guard date >= latest else {
            throw DomainError(
                "the write-off on \(date) is before the steps it approves (the latest on \(latest))",
                "核销日期 \(date) 早于其所依据的步骤（最晚为 \(latest)）")
        }
        return [.majorFindingWrittenOff(MajorFindingWrittenOff(on: date, approvedBy: approvedBy))]
    }

    func major() throws -> String {
        let code = try existing()
        guard severity == .major else {
            throw DomainError(
                "\(code) is a general finding; this step is for major findings (重大隐患)", "\(code) 为一般隐患；此步骤只适用于重大隐患")
        }
        return code
    }

    func checkDate(_ date: LocalDate, today: LocalDate, what: String, whatZh: String) throws {
        guard date <= today else { throw DomainError.future("the \(what)", whatZh, date, today: today) }
        guard date >= foundOn else {
            throw DomainError(
                "the \(what) on \(date) is before the finding (\(foundOn))", "\(whatZh)日期 \(date) 早于发现日期（\(foundOn)）")
        }
    }
}
