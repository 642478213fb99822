import Foundation

#if canImport(Glibc)
    import Glibc
#endif

extension Process {
    /// Start-to-exit time of `vigil -c 'community list'`, and the peak resident memory of
    /// `vigil rebuild` over the whole city.
    static func measureCLI(_ database: Scratch, binary: String, into report: inout Report) throws {
        var samples: [Double] = []
        for _ in 0..<20 {
            samples.append(
                try seconds { _ = try run(binary, ["--db", database.conninfo, "-c", "community list"]) } * 1000)
        }
        let p50 = percentile(samples, 0.5)
        report.add("vigil -c 'community list'", p50, "ms", goal: "< 100 ms", met: p50 < 100)

        let (status, peak) = try run(binary, ["--db", database.conninfo, "rebuild"])
        guard status == 0 else { throw CocoaError(.executableLoad) }
        let megabytes = Double(peak) / 1024
        report.add("peak RSS of vigil rebuild", megabytes, "MiB", goal: "< 200 MB", met: megabytes < 190)
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
