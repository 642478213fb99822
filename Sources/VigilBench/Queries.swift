import Foundation

/// Report latency inside the process, through the shell's own path (parse, query, render as
/// JSON), as of the last day of 2024: a street's reports in both provinces, asked alternately,
/// and a district's roll-ups (fifteen streets) in the larger.
enum Queries {
    static let runs = 400
    static let reports = ["drills overdue", "findings --overdue", "compliance summary --year 2024"]

    static func measure(_ small: Scratch, _ large: Scratch, streets: (Int, Int), into report: inout Report) throws {
        let inSmall = try Shell(small, street: "街道1")
        let inLarge = try Shell(large, street: "街道1")
        let district = try Shell(large, street: nil)
        for command in reports {
            var smallSamples: [Double] = []
            var largeSamples: [Double] = []
            try inSmall.run(command)
            try inLarge.run(command)
            for _ in 0..<runs {
                smallSamples.append(try seconds { try inSmall.run(command) } * 1000)
                largeSamples.append(try seconds { try inLarge.run(command) } * 1000)
            }
            let p99 = percentile(largeSamples, 0.99)
            let smallP99 = percentile(smallSamples, 0.99)
            report.add(
                "street \(command), p50, \(streets.1) streets", percentile(largeSamples, 0.5), "ms",
                baseline: percentile(smallSamples, 0.5))
            report.add(
                "street \(command), p99, \(streets.1) streets", p99, "ms", baseline: smallP99, goal: "< 10 ms",
                met: p99 < 10)
            report.add(
                "growth of street \(command) p99, \(streets.1) streets / \(streets.0)", p99 / smallP99, "×",
                goal: "≤ 1.3", met: p99 / smallP99 <= 1.3)

            let rollUp = command + " --district 区1"
            try district.run(rollUp)
            var samples: [Double] = []
            for _ in 0..<runs / 2 {
                samples.append(try seconds { try district.run(rollUp) } * 1000)
            }
            report.add("district roll-up \(rollUp), p50, \(min(15, streets.1)) streets", percentile(samples, 0.5), "ms")
            let districtP99 = percentile(samples, 0.99)
            report.add(
                "district roll-up \(rollUp), p99, \(min(15, streets.1)) streets", districtP99, "ms", goal: "< 50 ms",
                met: districtP99 < 50)
        }
    }
}
