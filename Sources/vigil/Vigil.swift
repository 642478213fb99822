import ArgumentParser
import EventStore
import Foundation
import Planner
import Shell

/// Options every invocation accepts.
struct CommonOptions: ParsableArguments {
    @Option(
        name: .customLong("db"),
        help: "libpq conninfo or URI (default: VIGIL_DATABASE_URL, PG* variables, then the cluster `make run` starts)")
    var database: String?

    @Option(help: "Output format: table, csv or json.")
    var format: Format?

    @Option(help: "The session's as-of date, YYYY-MM-DD.")
    var today: String?

    @Option(help: "The office's time zone (default Asia/Shanghai, or VIGIL_TZ).")
    var tz: String?

    @Option(help: "Language of messages: zh or en (default from LANG).")
    var lang: Language?

    @Option(
        help:
            "The street to work in, once the database keeps several (default VIGIL_STREET): for the shell, seal, verify and tail."
    )
    var street: String?

    /// The street asked for: --street, else VIGIL_STREET; nil when neither names one.
    var streetName: String? {
        let name = street ?? ProcessInfo.processInfo.environment["VIGIL_STREET"]
        return name?.isEmpty == false ? name : nil
    }

    /// Where the street's name came from, for messages.
    var streetOption: String { street != nil ? "--street" : "VIGIL_STREET" }

    func validate() throws {
        if let today, LocalDate(today) == nil {
            throw ValidationError("--today \(today): expected a date YYYY-MM-DD")
        }
        if let tz, TimeZone(identifier: tz) == nil {
            throw ValidationError("--tz \(tz): unknown time zone (e.g. Asia/Shanghai)")
        }
    }
}

extension Format: ExpressibleByArgument {}
extension Language: ExpressibleByArgument {}

@main
struct Vigil: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "vigil",
        abstract: "Vigil — an event-sourced planner for safety production and emergency drills.",
        subcommands: [
            ShellCommand.self, Migrate.self, Rebuild.self, Verify.self, SealCommand.self, Tail.self, Demo.self,
        ],
        defaultSubcommand: ShellCommand.self)

    /// Parses the invocation; a mistake in it exits with status 2, as SHELL.md says.
    static func main() {
        // Swift repairs arguments that are not UTF-8 with U+FFFD; refuse them instead.
        for index in 1..<max(1, Int(CommandLine.argc)) {
            guard let raw = CommandLine.unsafeArgv[index], String(validatingCString: raw) != nil else {
                FileHandle.standardError.write(Data("vigil: argument \(index) is not UTF-8 text\n".utf8))
                Foundation.exit(2)
            }
        }
        do {
            var command = try parseAsRoot(Invocation.normalized(Array(CommandLine.arguments.dropFirst())))
            try command.run()
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                print(fullMessage(for: error))
                Foundation.exit(0)
            }
            if let exit = error as? ExitCode {
                Foundation.exit(exit.rawValue)
            }
            FileHandle.standardError.write(Data(("vigil: " + fullMessage(for: error) + "\n").utf8))
            Foundation.exit(2)
        }
    }
}

/// Lets the common options come before the subcommand (`vigil --db X verify`), as people type it.
enum Invocation {
    static let subcommands: Set<String> = ["shell", "migrate", "rebuild", "verify", "seal", "tail", "demo"]
    static let optionsWithValues: Set<String> = [
        "--db", "--format", "--today", "--tz", "--lang", "--street", "-c", "-f", "--seal", "--count",
    ]

    static func normalized(_ arguments: [String]) -> [String] {
        var index = 0
        while index < arguments.count {
            let word = arguments[index]
            if optionsWithValues.contains(word) {
                index += 2
                continue
            }
            if word.hasPrefix("-") {
                index += 1
                continue
            }
            guard subcommands.contains(word), index > 0 else { return arguments }
            var moved = arguments
            moved.remove(at: index)
            return [word] + moved
        }
        return arguments
    }
}
