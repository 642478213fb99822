import Foundation

/// Runs the built `vigil` executable, as a user or a script would.
///
/// `make test` passes its path in `VIGIL_BIN`; otherwise the debug build in this package's
/// `.build` is used.
public enum VigilBinary {
    public struct Result: Sendable {
        public var status: Int32
        public var stdout: String
        public var stderr: String
    }

    public static var path: String {
        if let path = ProcessInfo.processInfo.environment["VIGIL_BIN"], !path.isEmpty { return path }
        return packageRoot.appendingPathComponent(".build/debug/vigil").path
    }

    /// The folder holding Package.swift, found from this source file's location.
    public static var packageRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
    }

    /// Runs vigil with the arguments; `environment` entries are added to (or, with nil values,
    /// removed from) the test's own environment, from which the database and locale variables
    /// are dropped first.
    public static func run(
        _ arguments: [String], in folder: URL? = nil, input: String? = nil, environment: [String: String?] = [:]
    ) throws -> Result {
        try Subprocess.run(path, arguments, in: folder, input: input, environment: environment)
    }
}

/// Runs a program to completion, feeding its input and collecting both outputs.
public enum Subprocess {
    public static func run(
        _ executable: String, _ arguments: [String], in folder: URL? = nil, input: String? = nil,
        environment: [String: String?] = [:]
    ) throws -> VigilBinary.Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let folder { process.currentDirectoryURL = folder }
        var env = ProcessInfo.processInfo.environment
        for key in ["VIGIL_DATABASE_URL", "PGHOST", "PGDATABASE", "PGUSER", "PGPORT", "LANG", "LC_ALL", "LC_MESSAGES"] {
            env[key] = nil
        }
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let out = Pipe()
        let err = Pipe()
        let inPipe = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = inPipe
        try process.run()
        if let input { inPipe.fileHandleForWriting.write(Data(input.utf8)) }
        try inPipe.fileHandleForWriting.close()
        // Read both pipes while the process runs so that a large output cannot block it.
        let group = DispatchGroup()
        nonisolated(unsafe) var errData = Data()
        group.enter()
        DispatchQueue.global().async {
            errData = err.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return VigilBinary.Result(
            status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self))
    }
}
