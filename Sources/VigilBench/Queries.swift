import Foundation

/// Report latency inside the process, through the shell's own path (parse, query, render as
/// JSON), as of the last day of 2024: a street's reports in both provinces, asked alternately in
/// rounds of `runs` each, and a district's roll-ups (fifteen streets) in the larger.
enum Queries {
    static let runs = 400
    static let reports = ["drills overdue", "findings --overdue", "compliance summary --year 2024"]

    static func measure(_ small: Scratch, _ large: Scratch, streets: (Int, Int), into report: inout Report) throws {
        let inSmall = try Shell(small, street: "街道1")
        let inLarge = try Shell(large, street: "街道1")
        let district = try Shell(large, street: nil)
        for command in reports {
            // Rounds of alternate runs: the p99s pool every run, and the growth is the median of
            // the rounds' ratios with their range, so one stall in one province does not decide it.
            var smallSamples: [Double] = []
            var largeSamples: [Double] = []
            var growths: [Double] = []
            try inSmall.run(command)
            try inLarge.run(command)
            for _ in 0..<Report.rounds {
                var smallRound: [Double] = []
                var largeRound: [Double] = []
                for _ in 0..<runs {
                    smallRound.append(try seconds { try inSmall.run(command) } * 1000)
                    largeRound.append(try seconds { try inLarge.run(command) } * 1000)
                }
                growths.append(percentile(largeRound, 0.99) / percentile(smallRound, 0.99))
                smallSamples += smallRound
                largeSamples += largeRound
            }
            let p99 = percentile(largeSamples, 0.99)
            report.add(
                "street \(command), p50, \(streets.1) streets", percentile(largeSamples, 0.5), "ms",
                baseline: percentile(smallSamples, 0.5))
            report.add(
                "street \(command), p99, \(streets.1) streets", p99, "ms", baseline: percentile(smallSamples, 0.99),
                goal: "< 10 ms", met: p99 < 10)
            let growth = median(growths)
            report.add(
                "growth of street \(command) p99, \(streets.1) streets / \(streets.0)", growth, "×",
                spread: Report.range(growths), goal: "≤ 1.3", met: growth <= 1.3)

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
