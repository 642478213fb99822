import Foundation
import Planner

/// The JSON format: a table is an array of objects, typed as its values are.
struct JSON {
    func render(_ output: Output) -> String {
        switch output {
        case .table(let columns, let rows):
            return JSON.render(.list(rows.map { row in .object(zip(columns, row).map { ($0.key, $1) }) })) + "\n"
        case .object(let fields, _):
            return JSON.render(.object(fields)) + "\n"
        case .text(let text):
            return JSON.render(.object([("text", .text(text))])) + "\n"
        }
    }

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
        // Most text needs no escape: copied whole, not scalar by scalar (a district's report
        // renders thousands of strings).
        if !text.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) {
            return "\"" + text + "\""
        }
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
