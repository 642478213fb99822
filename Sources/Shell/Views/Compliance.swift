import Planner
import PlannerStore

/// The columns of the compliance reports.
enum Compliance {
    static func columns(detail: Bool) -> [Column] {
        var columns = [
            Column("community", L("community", "社区")), Column("required", L("required", "应完成")),
            Column("covered", L("covered", "已完成")), Column("rate", L("rate", "完成率")),
        ]
        if detail { columns.append(Column("missing", L("missing", "缺失周期"))) }
        return columns
    }

    static func values(_ row: ComplianceRow, detail: Bool) -> [Value] {
        var values: [Value] = [
            .text(row.community), .int(row.required), .int(row.covered), .number(row.rate, digits: 4),
        ]
        if detail {
            values.append(
                .list(
                    row.missing.map {
                        .object([("period", .text($0.label)), ("start", .date($0.start)), ("end", .date($0.end))])
                    }))
        }
        return values
    }
}

/// `--year Y` or `--from DATE --to DATE` (nil: neither, the as-of date's year).
extension FlagGroup<PeriodSelection?>.Group {
    static var period: Self {
        Self(flags: [FlagSpec("year", "Y"), FlagSpec("from", "DATE"), FlagSpec("to", "DATE")]) {
            arguments throws(ShellError) in
            let year = try arguments.value("year", .year)
            let from = try arguments.value("from", LocalDate.parser)
            let to = try arguments.value("to", LocalDate.parser)
            if year != nil && (from != nil || to != nil) {
                throw ShellError(L("give either --year or --from/--to, not both", "--year 与 --from/--to 只能二选一"))
            }
            if (from == nil) != (to == nil) {
                throw ShellError(L("--from and --to go together", "--from 与 --to 需要同时给出"))
            }
            if let from, let to {
                guard from <= to else {
                    throw ShellError(L("--from \(from) is after --to \(to)", "--from \(from) 晚于 --to \(to)"))
                }
                return .range(from, to)
            }
            return year.map { .year($0) }
        }
    }
}
