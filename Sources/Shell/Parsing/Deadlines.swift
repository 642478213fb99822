import Planner

/// Finding deadlines: `--due DATE` or `--within DURATION`, exactly one of them.
extension FlagGroup<Finding.Deadline>.Group {
    static func deadline(command: String) -> Self {
        Self(flags: [FlagSpec("due", "DATE"), FlagSpec("within", "DURATION")]) { arguments throws(ShellError) in
            switch (try arguments.value("due", LocalDate.parser), try arguments.value("within", Interval.parser)) {
            case (let date?, nil): return .date(date)
            case (nil, let interval?): return .within(interval)
            case (nil, nil):
                throw ShellError(
                    L(
                        "\(command) needs a deadline: --due DATE or --within DURATION",
                        "\(command) 需要整改期限：--due DATE 或 --within DURATION"))
            default:
                throw ShellError(L("give either --due or --within, not both", "--due 与 --within 只能二选一"))
            }
        }
    }
}
