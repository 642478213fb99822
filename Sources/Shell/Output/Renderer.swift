import Foundation
import Planner

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
        self.isTTY = isTTY
        self.columns = columns
        self.rows = rows
        self.color = color
        self.errorColor = errorColor
        self.pager = pager
    }

    public static let pipe = Terminal(isTTY: false, columns: 80, color: false)
}

/// Turns an `Output` into text in one of the formats.
public struct Renderer {
    public var format: Format
    public var language: Language
    public var terminal: Terminal

    public init(format: Format, language: Language, terminal: Terminal) {
        self.format = format
        self.language = language
        self.terminal = terminal
    }

    public func render(_ output: Output) -> String {
        switch format {
        case .json: return JSON.render(json(output)) + "\n"
        case .csv: return csv(output)
        case .table: return table(output)
        }
    }

    func json(_ output: Output) -> Value {
        switch output {
        case .table(let columns, let rows):
            return .list(rows.map { row in .object(zip(columns, row).map { ($0.key, $1) }) })
        case .object(let fields, _):
            return .object(fields)
        case .text(let text):
            return .object([("text", .text(text))])
        }
    }

    func csv(_ output: Output) -> String {
        let bom = "\u{FEFF}"
        switch output {
        case .table(let columns, let rows):
            let shown = columns.indices.filter { !columns[$0].jsonOnly }
            var lines = [shown.map { CSV.field(columns[$0].header.text(language)) }.joined(separator: ",")]
            for row in rows {
                lines.append(shown.map { CSV.field(plain(row[$0])) }.joined(separator: ","))
            }
            return bom + lines.joined(separator: "\r\n") + "\r\n"
        case .object(let fields, _):
            return bom + fields.map { CSV.field($0.0) }.joined(separator: ",") + "\r\n"
                + fields.map { CSV.field(plain($0.1)) }.joined(separator: ",") + "\r\n"
        case .text(let text):
            return text.hasSuffix("\n") ? text : text + "\n"
        }
    }

    func table(_ output: Output) -> String {
        switch output {
        case .table(let columns, let rows):
            let shown = columns.indices.filter { !columns[$0].jsonOnly }
            let headers = shown.map { columns[$0].header.text(language) }
            let cells = rows.map { row in shown.map { table(row[$0]) } }
            // Amounts line up on their decimal point.
            let right = Set(
                shown.indices.filter { index in
                    rows.contains { if case .amount = $0[shown[index]] { true } else { false } }
                })
            return TableLayout(
                headers: headers, rows: cells, terminal: terminal, language: language, rightAligned: right
            ).render()
        case .object(_, let message):
            return message.text(language) + "\n"
        case .text(let text):
            return text.hasSuffix("\n") ? text : text + "\n"
        }
    }

    /// A value as text in a table: amounts with thousands separators, else as in CSV.
    func table(_ value: Value) -> String {
        if case .amount(let yuan) = value { return yuan.formatted }
        return plain(value)
    }

    /// A value as plain text for tables and CSV.
    func plain(_ value: Value) -> String {
        switch value {
        case .amount(let yuan): return yuan.description
        case .flag(let flag, let label): return flag ? label.text(language) : ""
        case .text(let text): return text
        case .word(_, let label): return label.text(language)
        case .int(let number): return String(number)
        case .number(let number, let digits): return String(format: "%.\(digits)f", number)
        case .bool(let flag): return flag ? (language == .zh ? "是" : "yes") : (language == .zh ? "否" : "no")
        case .null: return ""
        case .list(let values): return values.map(plain).joined(separator: language == .zh ? "、" : ", ")
        case .object(let fields): return fields.first.map { plain($0.1) } ?? ""
        }
    }
}

enum CSV {
    /// Quotes a field when it holds a comma, quote or line break (RFC 4180).
    static func field(_ text: String) -> String {
        // Scalars, not Characters: "\r\n" is a single Character and would slip past a test for "\n".
        guard text.unicodeScalars.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else {
            return text
        }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

enum JSON {
    static func render(_ value: Value) -> String {
        switch value {
        case .text(let text): return string(text)
        case .word(let code, _): return string(code)
        case .int(let number): return String(number)
        case .number(let number, let digits):
            let factor = pow(10.0, Double(digits))
            let rounded = (number * factor).rounded() / factor
            return rounded == rounded.rounded() ? String(format: "%.1f", rounded) : String(rounded)
        case .amount(let yuan): return string(yuan.description)
        case .bool(let flag), .flag(let flag, _): return flag ? "true" : "false"
        case .null: return "null"
        case .list(let values): return "[" + values.map(render).joined(separator: ",") + "]"
        case .object(let fields):
            return "{" + fields.map { string($0.0) + ":" + render($0.1) }.joined(separator: ",") + "}"
        }
    }

    static func string(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
