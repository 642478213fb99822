/// One record of a CSV file: its cells, and the line it starts on (the header is line 1), so
/// that a refusal can point at the line a spreadsheet user sees in a text editor.
struct CSVRecord: Equatable {
    var line: Int
    var cells: [String]

    /// A record whose cells are all empty: the blank rows spreadsheets leave at the end.
    var isBlank: Bool { cells.allSatisfy(\.isEmpty) }
}

/// Reads CSV as RFC 4180 writes it: cells separated by commas, records by CRLF or LF; a cell
/// in double quotes may hold commas, line breaks and doubled quotes (`""` for `"`). Pure: the
/// caller reads and decodes the file.
enum CSVReader {
    static func records(_ text: String) throws(ShellError) -> [CSVRecord] {
        // Scalars, not Characters: Swift takes "\r\n" as one Character, and a quote followed
        // by a combining mark would merge into one.
        let scalars = Array(text.unicodeScalars)
        var records: [CSVRecord] = []
        var cells: [String] = []
        var cell = String.UnicodeScalarView()
        var line = 1
        var recordLine = 1
        var inQuotes = false
        var quoted = false
        var index = 0

        func endRecord() {
            cells.append(String(cell))
            records.append(CSVRecord(line: recordLine, cells: cells))
            (cells, cell, quoted) = ([], String.UnicodeScalarView(), false)
        }

        while index < scalars.count {
            let scalar = scalars[index]
            let next = index + 1 < scalars.count ? scalars[index + 1] : nil
            index += 1
            if inQuotes {
                switch scalar {
                case "\"" where next == "\"":
                    cell.append("\"")
                    index += 1
                case "\"":
                    inQuotes = false
                case "\r" where next == "\n":
                    // A line break inside a cell is kept as one "\n", whatever the file used.
                    break
                case "\n":
                    line += 1
                    cell.append(scalar)
                default:
                    cell.append(scalar)
                }
                continue
            }
            switch scalar {
            case "\"" where cell.isEmpty && !quoted:
                inQuotes = true
                quoted = true
            case ",":
                cells.append(String(cell))
                (cell, quoted) = (String.UnicodeScalarView(), false)
            case "\r" where next == "\n":
                break
            case "\n", "\r":
                endRecord()
                line += 1
                recordLine = line
            default:
                cell.append(scalar)
            }
        }
        if inQuotes {
            throw ShellError(
                L(
                    "line \(recordLine): a quoted cell is not closed; a \" inside a cell is written \"\"",
                    "第 \(recordLine) 行：引号内的单元格没有闭合；单元格中的 \" 应写作 \"\""))
        }
        if !cells.isEmpty || !cell.isEmpty || quoted { endRecord() }
        return records
    }
}
