import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The pager long output goes through on a terminal, as psql's does, and what it is told.
public struct Pager: Sendable, Equatable {
    /// The user's command (`PAGER`, default `less -FRX`), run by `/bin/sh`.
    public var command: String
    /// Variables set for the pager alone, as `(name, value)`.
    public var settings: [Setting]

    public struct Setting: Sendable, Equatable {
        public var name: String
        public var value: String
    }

    public init(command: String, settings: [Setting] = []) {
        (self.command, self.settings) = (command, settings)
    }

    /// The pager `environment` asks for, or nil when it turns paging off (an empty `PAGER`, or
    /// `cat`).
    ///
    /// Vigil's output is UTF-8 whatever the locale says, and less decides how to show bytes from
    /// the locale: where `LANG=zh_CN.UTF-8` names a locale that is not installed (most servers
    /// and containers), less falls back to ASCII and shows every Chinese character as
    /// `<E5><AE><A3>`. So less is told the charset, unless the user chose one
    /// (`LESSCHARSET`, or `LESSCHARDEF` which takes its place).
    public static func from(environment: [String: String]) -> Pager? {
        let command = environment["PAGER"] ?? "less -FRX"
        guard !["", "cat"].contains(command) else { return nil }
        let chosen = ["LESSCHARSET", "LESSCHARDEF"].contains { !(environment[$0] ?? "").isEmpty }
        return Pager(command: command, settings: chosen ? [] : [Setting(name: "LESSCHARSET", value: "utf-8")])
    }

    /// The line `/bin/sh` runs: the settings exported, then the user's command as typed.
    public var shellCommand: String {
        let exports = settings.map { "export \($0.name)=" + Pager.quoted($0.value) + "; " }
        return exports.joined() + command
    }

    /// Writes the text to the pager and waits for the user to leave it; false when the pager
    /// could not be started.
    func show(_ text: String) -> Bool {
        guard let pipe = popen(shellCommand, "w") else { return false }
        fputs(text, pipe)
        return pclose(pipe) != -1
    }

    static func quoted(_ value: String) -> String {
        "'" + value.replacingOccurrences(of: "'", with: #"'\''"#) + "'"
    }
}
