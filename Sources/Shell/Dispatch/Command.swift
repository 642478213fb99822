/// A command of the shell, one type per command in its group's folder: its configuration, its
/// positionals and flags, each declared once as a wrapped stored property
/// (`@Flag("on", "DATE") var date: LocalDate`) in the order they are checked, and what it
/// does. The spec's lists and the parsing (before any I/O) are derived from the properties.
protocol Command: SendableMetatype {
    /// The words, help text and roles of the command; its positionals and flags come from
    /// its properties.
    static var configuration: CommandSpec { get }

    /// The command before parsing, its properties declared but not filled.
    init()

    /// Checks that need several properties at once, after every property is read.
    func validate() throws(ShellError)

    /// Runs the command in a session and returns what it shows.
    func run(in session: Session) throws -> Output
}

extension Command {
    /// The words, flags, help text and roles of the command.
    static var spec: CommandSpec {
        var spec = configuration
        for declaration in Self().parameters.flatMap(\.declarations) {
            switch declaration {
            case .positional(let placeholder): spec.positionals.append(placeholder)
            case .flag(let flag): spec.flags.append(flag)
            }
        }
        return spec
    }

    /// Checks the command's words, refusing with the offending word named.
    static func parse(_ arguments: Arguments) throws(ShellError) -> Self {
        let command = Self()
        var position = 0
        for parameter in command.parameters {
            try parameter.fill(from: arguments, position: position)
            position += parameter.declarations.count {
                if case .positional = $0 { return true } else { return false }
            }
        }
        try command.validate()
        return command
    }

    func validate() throws(ShellError) {}

    /// The wrapped properties, in the order they are declared.
    private var parameters: [any Parameter] {
        Mirror(reflecting: self).children.compactMap { $0.value as? any Parameter }
    }
}
