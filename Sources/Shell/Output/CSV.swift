import Foundation

/// The CSV format: a header line and a line a row, with a BOM so spreadsheets read UTF-8.
struct CSV {
    var language: Language

    func render(_ output: Output) -> String {
        let bom = "\u{FEFF}"
        switch output {
        case .table(let columns, let rows):
            var lines = [columns.map { CSV.field($0.header.text(language)) }.joined(separator: ",")]
            for row in rows {
                lines.append(row.map { CSV.field($0.plain(language)) }.joined(separator: ","))
            }
            return bom + lines.joined(separator: "\r\n") + "\r\n"
        case .object(let fields, _):
            return bom + fields.map { CSV.field($0.0) }.joined(separator: ",") + "\r\n"
                + fields.map { CSV.field($0.1.plain(language)) }.joined(separator: ",") + "\r\n"
        case .text(let text):
            return text.hasSuffix("\n") ? text : text + "\n"
        }
    }

    /// Quotes a field when it holds a comma, quote or line break (RFC 4180).
    static func field(_ text: String) -> String {
        // Scalars, not Characters: "\r\n" is a single Character and would slip past a test for "\n".
        guard text.unicodeScalars.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else {
            return text
        }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
