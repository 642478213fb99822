import Foundation

/// The figures of one run, printed as a table and written as JSON.
struct Report {
    struct Row: Codable {
        var name: String
        var value: Double
        var unit: String
        var baseline: Double?
        var ratio: Double?
        /// The lowest and highest ratio of the interleaved rounds (or of the value, for a row
        /// without a baseline), so a reader sees how still the measurement held.
        var spread: String?
        var goal: String
        var met: Bool?
    }

    /// The interleaved rounds every ratio is the median of.
    static let rounds = 5

    var rows: [Row] = []
    var notes: [String] = []

    mutating func add(
        _ name: String, _ value: Double, _ unit: String, baseline: Double? = nil, spread: String? = nil,
        goal: String = "", met: Bool? = nil
    ) {
        let ratio = baseline.map { $0 == 0 ? 0 : value / $0 }
        rows.append(
            Row(
                name: name, value: value, unit: unit, baseline: baseline, ratio: ratio, spread: spread, goal: goal,
                met: met))
        Swift.print("bench: \(name): \(Report.format(value)) \(unit)", to: &standardError)
    }

    /// A rate and its baseline from interleaved rounds (A B A B …): the medians of each, and the
    /// median of the rounds' ratios with their range. Met when that ratio reaches `least`.
    mutating func add(
        _ name: String, rates: [Double], baselines: [Double], _ unit: String, least: Double? = nil
    ) {
        let ratios = zip(rates, baselines).map { $1 == 0 ? 0 : $0 / $1 }
        let ratio = median(ratios)
        rows.append(
            Row(
                name: name, value: median(rates), unit: unit, baseline: median(baselines), ratio: ratio,
                spread: Report.range(ratios), goal: least.map { "≥ \(Report.format($0)) × baseline" } ?? "",
                met: least.map { ratio >= $0 }))
        Swift.print(
            "bench: \(name): \(Report.format(median(rates))) against \(Report.format(median(baselines))) \(unit), ratio \(String(format: "%.2f", ratio))",
            to: &standardError)
    }

    func print() {
        let header = ["measure", "value", "baseline", "ratio", "spread", "goal", "met"]
        let lines = rows.map { row in
            [
                row.name, Report.format(row.value) + " " + row.unit,
                row.baseline.map { Report.format($0) + " " + row.unit } ?? "",
                row.ratio.map { String(format: "%.2f", $0) } ?? "", row.spread ?? "", row.goal,
                row.met.map { $0 ? "yes" : "NO" } ?? "",
            ]
        }
        let widths = header.indices.map { column in ([header] + lines).map { $0[column].count }.max() ?? 0 }
        func line(_ cells: [String]) -> String {
            zip(cells, widths).map { $0.padding(toLength: $1, withPad: " ", startingAt: 0) }.joined(separator: "  ")
        }
        Swift.print(line(header))
        Swift.print(widths.map { String(repeating: "-", count: $0) }.joined(separator: "  "))
        for cells in lines { Swift.print(line(cells)) }
        for note in notes { Swift.print(note) }
    }

    func write(to url: URL) throws {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        struct Document: Encodable {
            var rows: [Row]
            var notes: [String]
        }
        try encoder.encode(Document(rows: rows, notes: notes)).write(to: url)
    }

    static func format(_ value: Double) -> String {
        value >= 100 ? String(format: "%.0f", value) : String(format: "%.2f", value)
    }

    static func range(_ values: [Double]) -> String {
        guard let low = values.min(), let high = values.max() else { return "" }
        return String(format: "%.2f–%.2f", low, high)
    }
}

func median(_ samples: [Double]) -> Double {
    percentile(samples, 0.5)
}

/// Progress goes to standard error, the table to standard output.
nonisolated(unsafe) var standardError = StandardError()

struct StandardError: TextOutputStream {
    mutating func write(_ string: String) {
        FileHandle.standardError.write(Data(string.utf8))
    }
}
