import Planner
import PlannerStore

/// Finding deadlines: `--due DATE` or `--within DURATION`, exactly one of them.
enum Deadlines {
    static func parse(_ args: Arguments, command: String, dueFlag: String = "due", withinFlag: String = "within")
        throws(ShellError) -> Finding.Deadline
    {
        switch (try args.date(dueFlag), try args.interval(withinFlag)) {
        case (let date?, nil): return .date(date)
        case (nil, let interval?): return .within(interval)
        case (nil, nil):
            throw ShellError(
                L(
                    "\(command) needs a deadline: --\(dueFlag) DATE or --\(withinFlag) DURATION",
                    "\(command) 需要整改期限：--\(dueFlag) DATE 或 --\(withinFlag) DURATION"))
        default:
            throw ShellError(
                L("give either --\(dueFlag) or --\(withinFlag), not both", "--\(dueFlag) 与 --\(withinFlag) 只能二选一"))
        }
    }
}
