/// Evacuation times: `210s`, `4m` or a bare number of seconds.
enum Seconds {
    static func parse(_ text: String, flag: String) throws(ShellError) -> Int {
        let digits = text.prefix { $0.isASCII && $0.isNumber }
        let unit = text.dropFirst(digits.count)
        guard let value = Int(digits), digits.count <= 6 else {
            throw ShellError.badValue(
                word: text, flag: flag, expected: L("a time such as 210s or 4m", "时长，如 210s 或 4m"))
        }
        switch unit {
        case "", "s": return value
        case "m": return value * 60
        default:
            throw ShellError.badValue(
                word: text, flag: flag, expected: L("a time such as 210s or 4m", "时长，如 210s 或 4m"))
        }
    }
}
