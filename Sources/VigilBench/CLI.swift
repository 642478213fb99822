import Foundation

#if canImport(Glibc)
    import Glibc
#endif

extension Process {
    /// Start-to-exit time of `vigil -c 'community list'` in one street of the province.
    static func measureStart(_ database: Scratch, binary: String, into report: inout Report) throws {
        var samples: [Double] = []
        for _ in 0..<30 {
            samples.append(
                try seconds {
                    _ = try run(binary, ["--db", database.conninfo, "--street", "街道1", "-c", "community list"])
                } * 1000)
        }
        let p50 = median(samples)
        report.add(
            "vigil -c 'community list', start to exit", p50, "ms", spread: Report.range(samples), goal: "< 50 ms",
            met: p50 < 50)
    }

    /// The peak resident memory of `vigil rebuild` over the whole province, and how fast it ran.
    static func measureRebuild(_ database: Scratch, binary: String, events: Int, into report: inout Report) throws {
        var outcome: (status: Int32, peak: Int) = (0, 0)
        let elapsed = try seconds { outcome = try run(binary, ["--db", database.conninfo, "rebuild"]) }
        guard outcome.status == 0 else { throw BenchError("vigil rebuild exited with \(outcome.status)") }
        report.add("replay by vigil rebuild, \(millions(events)) events", Double(events) / elapsed, "ev/s")
        let megabytes = Double(outcome.peak) / 1024
        report.add(
            "peak RSS of vigil rebuild, \(millions(events)) events", megabytes, "MiB", goal: "< 200 MB",
            met: megabytes * 1.048576 < 200)
    }

    static func millions(_ count: Int) -> String {
        String(format: "%.1f M", Double(count) / 1e6)
    }

    /// Runs a program with output discarded; returns its status and peak resident set (KiB).
    static func run(_ path: String, _ arguments: [String]) throws -> (Int32, Int) {
        var pid: pid_t = 0
        let argv = ([path] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        guard posix_spawn(&pid, path, &actions, nil, argv, environ) == 0 else { throw CocoaError(.executableLoad) }
        var status: Int32 = 0
        var usage = rusage()
        wait4(pid, &status, 0, &usage)
        return ((status >> 8) & 0xff, usage.ru_maxrss)
    }
}
