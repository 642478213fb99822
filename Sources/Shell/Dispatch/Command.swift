/// A command of the shell, one type per command in its group's folder: its spec, its
/// arguments checked and typed by the initialiser (before any I/O), and what it does.
protocol Command: SendableMetatype {
    /// The words, flags, help text and roles of the command.
    static var spec: CommandSpec { get }

    /// Checks the command's words, refusing with the offending word named; a required flag
    /// becomes a non-optional property.
    init(_ args: Arguments) throws(ShellError)

    /// Runs the command in a session and returns what it shows.
    func run(in session: Session) throws -> Output
}
