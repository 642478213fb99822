import EventStore
import Foundation
import Planner
import PlannerStore
import Postgres
import Shell

#if canImport(Glibc)
    import Glibc
#endif

/// `make bench`: Vigil's figures next to the physical limit measured in the same run on the
/// same server. Usage: vigil-bench SERVER_CONNINFO VIGIL_BINARY [STREETS]
@main
struct Bench {
    static func main() throws {
        let arguments = CommandLine.arguments
        guard arguments.count >= 3 else {
            FileHandle.standardError.write(Data("usage: vigil-bench SERVER_CONNINFO VIGIL_BINARY [STREETS]\n".utf8))
            exit(2)
        }
        let server = arguments[1]
        let binary = arguments[2]
        let streets = arguments.count > 3 ? Int(arguments[3]) ?? 25 : 25
        var report = Report()

        let appendDB = try Scratch(server: server, name: "vigil_bench_append")
        try Appends.measure(appendDB, into: &report)

        let cityDB = try Scratch(server: server, name: "vigil_bench_city")
        let loaded = try City.load(cityDB, streets: streets, into: &report)
        try Replay.measure(cityDB, events: loaded, into: &report)
        try Queries.measure(cityDB, into: &report)
        try Process.measureCLI(cityDB, binary: binary, into: &report)

        report.print()
        try report.write(
            to: URL(fileURLWithPath: ProcessInfo.processInfo.environment["BENCH_RESULTS"] ?? "bench/results.json"))
    }
}

/// A database made empty for one part of the benchmark; on a Citus cluster (the workers'
/// conninfos in `VIGIL_BENCH_CITUS_WORKERS`, one a line) made on every node and distributed by
/// street, as `vigil migrate --distribute` does.
struct Scratch {
    let conninfo: String

    static let citusWorkers =
        (ProcessInfo.processInfo.environment["VIGIL_BENCH_CITUS_WORKERS"] ?? "")
        .split(separator: "\n").map(String.init).filter { !$0.isEmpty }

    init(server: String, name: String) throws {
        CitusDatabase.drop(name, coordinator: server, workers: Scratch.citusWorkers)
        conninfo = server + " dbname=" + name
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

func percentile(_ samples: [Double], _ p: Double) -> Double {
    let sorted = samples.sorted()
    guard !sorted.isEmpty else { return 0 }
    return sorted[min(sorted.count - 1, Int((Double(sorted.count - 1) * p).rounded()))]
}
