/// When something due on a date is overdue: from the day after its due date, counted in
/// whole days. Drill obligations, finding deadlines and the finding statistics share it.
public enum Overdue {
    /// Days from `due` to `date`: positive once overdue, zero on the due date, negative before.
    public static func days(due: LocalDate, asOf date: LocalDate) -> Int {
        due.days(until: date)
    }

    /// True when `date` is after `due`.
    public static func isOverdue(due: LocalDate, asOf date: LocalDate) -> Bool {
        days(due: due, asOf: date) > 0
    }
}
