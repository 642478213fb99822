/// The text of a spreadsheet saved as CSV, in the encodings spreadsheet programs save.
struct SpreadsheetText: Equatable {
    /// How the file was encoded; shown in the import's output, so that a wrong guess is seen.
    enum Encoding: String, Equatable {
        case utf8 = "UTF-8"
        case utf8WithBOM = "UTF-8 with BOM"
        case gb18030 = "GB18030"
    }

    var text: String
    var encoding: Encoding

    /// Decodes a file's bytes: valid UTF-8 (a leading byte-order mark dropped) is UTF-8;
    /// anything else is read as GB18030, which is what Excel and WPS save in China. Text in
    /// neither is nil: GB18030 covers all of Unicode, so few bytes fail it.
    init?(_ bytes: [UInt8]) {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]), let text = String(validating: bytes.dropFirst(3), as: UTF8.self) {
            self.init(text: text, encoding: .utf8WithBOM)
        } else if let text = String(validating: bytes, as: UTF8.self) {
            self.init(text: text, encoding: .utf8)
        } else if let utf8 = Iconv.convert(bytes, from: "GB18030", to: "UTF-8"),
            let text = String(validating: utf8, as: UTF8.self)
        {
            self.init(text: text, encoding: .gb18030)
        } else {
            return nil
        }
    }

    init(text: String, encoding: Encoding) {
        (self.text, self.encoding) = (text, encoding)
    }
}
