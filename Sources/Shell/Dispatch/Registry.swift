/// Every command of the shell, and how a list of words finds its command.
struct Registry: Sendable {
    /// The command types, in the order help lists them.
    let commands: [any Command.Type]
    /// Their specs, in the same order.
    let specs: [CommandSpec]

    init(_ commands: [any Command.Type]) {
        self.commands = commands
        specs = commands.map { $0.spec }
    }

    static let standard = Registry(
        [
            CommunityAdd.self,
            CommunityList.self,
            UnitAdd.self,
            UnitReclassify.self,
            UnitClose.self,
            UnitMove.self,
            UnitList.self,
            ImportUnits.self,
            PlanAdd.self,
            PlanRevise.self,
            PlanEvaluate.self,
            PlanRetire.self,
            PlanCorrect.self,
            PlanList.self,
            ImportPlans.self,
            DrillSchedule.self,
            DrillReschedule.self,
            DrillCancel.self,
            DrillRecord.self,
            DrillEvaluate.self,
            DrillCorrect.self,
            DrillsOverdue.self,
            DrillsDue.self,
            DrillsMissed.self,
            DrillsList.self,
            CampaignDefine.self,
            CampaignLog.self,
            CampaignRetract.self,
            CampaignList.self,
            ComplianceSummary.self,
            ComplianceReport.self,
            ReportCompliance.self,
            ReportAnnual.self,
            HolidayImport.self,
            HolidayList.self,
            InspectionRecord.self,
            InspectionsOverdue.self,
            InspectionsDue.self,
            FindingAdd.self,
            FindingRectify.self,
            FindingVerify.self,
            FindingList.self,
            FindingReport.self,
            FindingRemediation.self,
            FindingEvaluate.self,
            FindingWriteOff.self,
            FindingCorrect.self,
            FindingStatisticsReport.self,
            FindingNotice.self,
            BudgetSetCommand.self,
            ExpenseRecord.self,
            ExpenseRetract.self,
            BudgetList.self,
            TargetSetCommand.self,
            AttachmentList.self,
            AttachmentGet.self,
            CalendarExport.self,
            SetToday.self,
            UnsetToday.self,
            SetStreet.self,
            UnsetStreet.self,
            SetFormat.self,
            SetRecordedAsOf.self,
            UnsetRecordedAsOf.self,
            History.self,
            WhoAmI.self,
            Rules.self,
            RulesFor.self,
            UserAdd.self,
            UserGrant.self,
            UserRevoke.self,
            UserDisable.self,
            UserList.self,
            StreetAdd.self,
            StreetList.self,
            DistrictList.self,
            HelpCommand.self,
            QuitCommand.self,
        ])

    /// The command whose words (or Chinese alias) begin the line, the longest match winning,
    /// and the words after them.
    func match(_ words: [Word]) -> (CommandSpec, [Word])? {
        matchCommand(words).map { ($0.spec, $0.rest) }
    }

    private func matchCommand(_ words: [Word]) -> (command: any Command.Type, spec: CommandSpec, rest: [Word])? {
        var best: (any Command.Type, CommandSpec, Int)?
        for (command, spec) in zip(commands, specs) {
            for path in [spec.path] + spec.aliases where path.count <= words.count {
                let head = words.prefix(path.count)
                guard head.allSatisfy({ !$0.quoted }), zip(head, path).allSatisfy({ $0.text == $1 }) else { continue }
                if path.count > (best?.2 ?? 0) { best = (command, spec, path.count) }
            }
        }
        return best.map { ($0.0, $0.1, Array(words.dropFirst($0.2))) }
    }

    /// Parses one command's words into the command, refusing with the offending word named.
    func parse(_ words: [Word]) throws(ShellError) -> (CommandSpec, any Command) {
        guard let (command, spec, rest) = matchCommand(words) else {
            let typed = words.prefix(2).map(\.text).joined(separator: " ")
            throw ShellError.unknownCommand(typed, suggestion: suggestion(for: words))
        }
        let arguments = try Arguments(rest, flags: spec.flags, positionals: spec.positionals, command: spec.name)
        return (spec, try command.parse(arguments))
    }

    /// The nearest command name to what was typed.
    func suggestion(for words: [Word]) -> String? {
        let names = specs.map(\.name)
        let two = words.prefix(2).map(\.text).joined(separator: " ")
        if let near = Suggest.nearest(to: two, in: names) { return near }
        let first = words.first?.text ?? ""
        let heads = Array(Set(specs.map { $0.path[0] })).sorted()
        return Suggest.nearest(to: first, in: heads).map { head in
            names.filter { $0.hasPrefix(head) }.joined(separator: ", ")
        }
    }
}
