import Foundation
import Planner
import PlannerStore
import Postgres
import Shell

/// Report latency through the shell's own path (parse, query, render as JSON) at city scale.
enum Queries {
    static func measure(_ database: Scratch, into report: inout Report) throws {
        let session = Session(
            store: PlannerStore(connection: try database.connect()), language: .en, format: .json, terminal: .pipe,
            timeZone: TimeZone(identifier: "Asia/Shanghai") ?? .current, baseDirectory: URL(fileURLWithPath: "."))
        session.todayOverride = LocalDate(year: 2024, month: 12, day: 31)
        let runner = Runner(
            session: session, write: { _ in }, writeError: { FileHandle.standardError.write(Data($0.utf8)) })
        for (name, command) in [
            ("drills overdue", "drills overdue"), ("compliance 周宣传 --year 2024", "compliance 周宣传 --year 2024"),
            ("findings --overdue", "findings --overdue"),
        ] {
            _ = runner.run(line: command)
            var samples: [Double] = []
            for _ in 0..<30 {
                samples.append(seconds { _ = runner.run(line: command) } * 1000)
            }
            report.add("\(name) p50", percentile(samples, 0.5), "ms")
            let p99 = percentile(samples, 0.99)
            report.add("\(name) p99", p99, "ms", goal: "< 50 ms", met: p99 < 50)
        }
    }
}
