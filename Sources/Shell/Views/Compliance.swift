import Planner
import PlannerStore

/// The `--year` flag of the reports, and the columns of the compliance reports.
enum Compliance {
    static func year(_ args: Arguments) throws(ShellError) -> Int? {
        guard let text = args.string("year") else { return nil }
        guard let year = Int(text), (1900...2200).contains(year) else {
            throw ShellError.badValue(word: text, flag: "--year", expected: L("a year such as 2017", "年份，如 2017"))
        }
        return year
    }

    /// A `--year Y` the command cannot do without.
    static func requiredYear(_ args: Arguments) throws(ShellError) -> Int {
        guard let year = try year(args) else {
            throw ShellError.missingFlag("--year", valueName: "Y", command: args.command)
        }
        return year
    }

    /// `--year Y` or `--from DATE --to DATE` (nil: neither, the as-of date's year).
    static func selection(_ args: Arguments) throws(ShellError) -> PeriodSelection? {
        let year = try year(args)
        let from = try args.date("from")
        let to = try args.date("to")
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
