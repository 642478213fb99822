import Foundation

/// The figures of one run, printed as a table and written as JSON.
struct Report {
    struct Row: Codable {
        var name: String
        var value: Double
        var unit: String
        var baseline: Double?
        var ratio: Double?
        var goal: String
        var met: Bool?
    }

    var rows: [Row] = []
    var notes: [String] = []

    mutating func add(
        _ name: String, _ value: Double, _ unit: String, baseline: Double? = nil, goal: String = "",
        met: Bool? = nil
    ) {
        let ratio = baseline.map { $0 == 0 ? 0 : value / $0 }
        rows.append(Row(name: name, value: value, unit: unit, baseline: baseline, ratio: ratio, goal: goal, met: met))
    }

    func print() {
        let header = ["measure", "value", "baseline", "ratio", "goal", "met"]
        let lines = rows.map { row in
            [
                row.name, Report.format(row.value) + " " + row.unit,
                row.baseline.map { Report.format($0) + " " + row.unit } ?? "",
                row.ratio.map { String(format: "%.2f", $0) } ?? "", row.goal, row.met.map { $0 ? "yes" : "NO" } ?? "",
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
}
