import EventStore
import Foundation
import Postgres

#if canImport(Glibc)
    import Glibc
#endif

/// `make bench`: Vigil's figures next to the physical limit measured in the same run on the
/// same server. Usage: vigil-bench SERVER_CONNINFO VIGIL_BINARY [STREETS [SMALLER]]
///
/// A province of STREETS streets (default 1,000, some five million events) and one of SMALLER
/// (default 200) with the same streets: a street's questions are asked of both, alternately.
@main
struct Bench {
    static func main() {
        do {
            try run()
        } catch {
            FileHandle.standardError.write(Data("bench: \(error)\n".utf8))
            exit(1)
        }
    }

    static func run() throws {
        let arguments = CommandLine.arguments
        guard arguments.count >= 3 else {
            FileHandle.standardError.write(
                Data("usage: vigil-bench SERVER_CONNINFO VIGIL_BINARY [STREETS [SMALLER]]\n".utf8))
            exit(2)
        }
        let server = arguments[1]
        let binary = arguments[2]
        let streets = arguments.count > 3 ? Int(arguments[3]) ?? 1000 : 1000
        let smaller = max(1, min(arguments.count > 4 ? Int(arguments[4]) ?? 200 : 200, streets))
        var report = Report()
        let started = Date()

        try Appends.measure(try Scratch(server: server, name: "vigil_bench_append"), into: &report)

        let small = try Scratch(server: server, name: "vigil_bench_province_small")
        var measured: Report? = report
        let perStreet = try Province.load(small, streets: smaller, into: &measured)
        report = measured ?? report
        let large = try Scratch(server: server, name: "vigil_bench_province")
        var unmeasured: Report? = nil
        _ = try Province.load(large, streets: streets, into: &unmeasured)
        report.notes.append(
            "province: \(streets) streets × 11 communities, \(perStreet) events a street, \(streets * perStreet) events; the smaller: \(smaller) streets, \(smaller * perStreet) events"
        )
        try Process.measureRebuild(large, binary: binary, events: streets * perStreet, into: &report)
        try Replay.measure(small, events: smaller * perStreet, into: &report)
        try Queries.measure(small, large, streets: (smaller, streets), into: &report)
        try Process.measureStart(large, binary: binary, into: &report)

        report.notes.append("bench ran for \(Int(Date().timeIntervalSince(started))) s")
        report.print()
        try report.write(
            to: URL(fileURLWithPath: ProcessInfo.processInfo.environment["BENCH_RESULTS"] ?? "bench/results.json"))
    }
}

/// A database made empty for one part of the benchmark; on a Citus cluster (the workers'
/// conninfos in `VIGIL_BENCH_CITUS_WORKERS`, one a line) made on every node and distributed by
/// street, as `vigil migrate --distribute` does. The roles an earlier run's database made are
/// dropped with it.
struct Scratch {
    let conninfo: String

    static let citusWorkers =
        (ProcessInfo.processInfo.environment["VIGIL_BENCH_CITUS_WORKERS"] ?? "")
        .split(separator: "\n").map(String.init).filter { !$0.isEmpty }

    init(server: String, name: String) throws {
        conninfo = server + " dbname=" + name
        let instance = try? Connection(conninfo: conninfo).query("SELECT id FROM vigil.instance").rows.first?
            .decode("id", as: String.self)
        CitusDatabase.drop(name, coordinator: server, workers: Scratch.citusWorkers)
        if let instance {
            for node in [server] + Scratch.citusWorkers {
                let connection = try Connection(conninfo: node + " dbname=postgres")
                for row in try connection.query(
                    "SELECT rolname::text AS name FROM pg_roles WHERE starts_with(rolname, 'vigil_' || \(instance) || '_')"
                ).rows {
                    // Best effort: on Citus a node may keep a grant that holds a role back.
                    try? connection.execute(script: "DROP ROLE " + Connection.quoteIdentifier(try row.decode("name")))
                }
            }
        }
        if Scratch.citusWorkers.isEmpty {
            try Connection(conninfo: server + " dbname=postgres")
                .execute(script: "CREATE DATABASE \(Connection.quoteIdentifier(name))")
            try Migrator().migrate(try connect())
        } else {
            try CitusDatabase.create(name, coordinator: server, workers: Scratch.citusWorkers)
            try Migrator().migrate(try connect(), distribute: true)
        }
    }

    func connect() throws -> Connection {
        try Connection(conninfo: conninfo)
    }
}

/// Wall-clock timing.
func seconds(_ body: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

/// `count` things done by `body`, a second.
func rate(_ count: Int, _ body: () throws -> Void) rethrows -> Double {
    Double(count) / (try seconds(body))
}

func percentile(_ samples: [Double], _ p: Double) -> Double {
    let sorted = samples.sorted()
    guard !sorted.isEmpty else { return 0 }
    return sorted[min(sorted.count - 1, Int((Double(sorted.count - 1) * p).rounded()))]
}
