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
