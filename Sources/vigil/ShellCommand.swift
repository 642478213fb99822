import ArgumentParser
import Foundation
import Planner
import Shell

#if canImport(Glibc)
    import Glibc
#endif

struct ShellCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "shell",
        abstract: "The interactive shell (the default), or run commands with -c or a script with -f.")

    @OptionGroup var options: CommonOptions

    @Option(name: .customShort("c"), help: "Run the commands ('CMD; CMD'), then exit.")
    var commands: String?

    @Option(
        name: .customShort("f"),
        help: "Run a script: one command per line, '#' starts a comment; '-' reads it from standard input.")
    var file: String?

    func validate() throws {
        if commands != nil && file != nil {
            throw ValidationError("give either -c or -f, not both")
        }
    }

    func run() throws {
        let environment = ProcessInfo.processInfo.environment
        let terminal = TerminalFacts.detect(environment: environment)
        let currentFolder = URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true)
        var script: Script?
        if let file {
            do {
                script = try Script.read(file, currentFolder: currentFolder)
            } catch {
                Database.fail(error.description)
            }
        }

        let store = try Database.connect(options.database)
        try Database.migrate(store, quietly: true)
        let zone = options.tz ?? environment["VIGIL_TZ"] ?? "Asia/Shanghai"
        guard let timeZone = TimeZone(identifier: zone) else {
            Database.fail("VIGIL_TZ \(zone): unknown time zone (e.g. Asia/Shanghai)")
        }
        let session = Session(
            store: store, language: options.lang ?? Language.from(environment: environment),
            format: options.format ?? .table, terminal: terminal, timeZone: timeZone,
            baseDirectory: script?.folder ?? currentFolder)
        session.todayOverride = options.today.flatMap { LocalDate($0) }
        if let street = options.streetName {
            do {
                try session.choose(street: street)
            } catch {
                let refusal = ShellError.from(error)
                Database.fail(
                    "\(options.streetOption) \(street): \(refusal.message.text(session.language))"
                        + (refusal.hint.map { " (\($0.text(session.language)))" } ?? ""))
            }
        }
        if isatty(STDERR_FILENO) == 1 { session.progress = Output.standardError }
        if let file = environment["VIGIL_RULES"], !file.isEmpty {
            guard let data = FileManager.default.contents(atPath: file) else {
                Database.fail("VIGIL_RULES \(file): no such file or not readable")
            }
            do {
                session.catalogue = try RuleCatalogue.withOverrides(data, file: file)
            } catch {
                Database.fail("\(error)")
            }
        }
        let runner = Runner(session: session, write: Output.standard, writeError: Output.standardError)

        let outcome: Runner.Outcome
        if let commands {
            outcome = runner.run(line: commands)
        } else if let script {
            outcome = runner.run(script: script.text, name: script.name)
        } else if terminal.isTTY && isatty(STDIN_FILENO) == 1 {
            outcome = Interactive(runner: runner, environment: environment).loop()
        } else {
            outcome = Self.readStandardInput(runner)
        }
        switch outcome {
        case .ok, .quit: return
        case .refused: throw ExitCode(1)
        case .connectionLost: throw ExitCode(2)
        }
    }

    /// Plain line reading when standard input is not a terminal; stops at the first refusal.
    /// A line that is not UTF-8 is refused, as a script that is not UTF-8 is (`readLine` would
    /// silently put U+FFFD into names, which the append-only log then keeps for ever).
    static func readStandardInput(_ runner: Runner) -> Runner.Outcome {
        // A FILE of its own on descriptor 0: Swift 6 refuses the C global `stdin`.
        guard let input = fdopen(STDIN_FILENO, "r") else { return .ok }
        var buffer: UnsafeMutablePointer<CChar>?
        var capacity = 0
        defer { free(buffer) }
        var number = 0
        while case let count = getline(&buffer, &capacity, input), count >= 0, let buffer {
            number += 1
            var bytes = UnsafeRawBufferPointer(start: buffer, count: count)[...]
            if bytes.last == 0x0A { bytes = bytes.dropLast() }
            if bytes.last == 0x0D { bytes = bytes.dropLast() }
            guard let line = String(validating: bytes, as: UTF8.self) else {
                Output.standardError("stdin:\(number): error: the line is not UTF-8 text\n")
                return .refused
            }
            let outcome = runner.run(line: line, location: "stdin:\(number)")
            if outcome != .ok { return outcome }
        }
        return .ok
    }
}

/// Terminal facts, computed once here and passed in (tests fake them).
enum TerminalFacts {
    static func detect(environment: [String: String]) -> Terminal {
        let isTTY = isatty(STDOUT_FILENO) == 1
        var columns = Int(environment["COLUMNS"] ?? "") ?? 0
        var rows = Int(environment["LINES"] ?? "") ?? 0
        if isTTY {
            var size = winsize()
            if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0 {
                if columns <= 0 { columns = Int(size.ws_col) }
                if rows <= 0 { rows = Int(size.ws_row) }
            }
        }
        let colorAllowed = environment["NO_COLOR"] == nil && environment["TERM"] != "dumb"
        let color = isTTY && colorAllowed
        // Only an interactive terminal pages; an empty PAGER (or "cat") turns it off.
        let pager = isTTY && isatty(STDIN_FILENO) == 1 ? Pager.from(environment: environment) : nil
        return Terminal(
            isTTY: isTTY, columns: columns > 0 ? columns : 80, rows: rows > 0 ? rows : 24, color: color,
            errorColor: isatty(STDERR_FILENO) == 1 && colorAllowed, pager: pager)
    }
}

enum Output {
    static func standard(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    static func standardError(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}
