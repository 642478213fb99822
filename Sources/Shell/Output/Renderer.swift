/// The output formats of SHELL.md.
public enum Format: String, Sendable, CaseIterable {
    case table, csv, json
}

/// What the renderer knows about the terminal, computed once in `main` so tests can fake it.
public struct Terminal: Sendable, Equatable {
    public var isTTY: Bool
    public var columns: Int
    public var rows: Int
    public var color: Bool
    /// Colour for errors, decided by standard error being a terminal, not standard output.
    public var errorColor: Bool
    /// The pager for output longer than the screen; nil off a terminal.
    public var pager: Pager?

    public init(
        isTTY: Bool, columns: Int, rows: Int = 24, color: Bool, errorColor: Bool = false, pager: Pager? = nil
    ) {
        (self.isTTY, self.columns, self.rows, self.color, self.errorColor, self.pager) = (
            isTTY, columns, rows, color, errorColor, pager
        )
    }

    public static let pipe = Terminal(isTTY: false, columns: 80, color: false)
}

/// Turns an `Output` into text in the session's format.
struct Renderer {
    var format: Format
    var language: Language
    var terminal: Terminal

    func render(_ output: Output) -> String {
        switch format {
        case .json: return JSON().render(output)
        case .csv: return CSV(language: language).render(output)
        case .table: return TableFormat(language: language, terminal: terminal).render(output)
        }
    }
}
