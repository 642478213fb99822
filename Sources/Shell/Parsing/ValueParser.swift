import Planner

/// How the text of a flag or positional becomes a typed value, refusing with the word and the
/// flag named (`parse(text, "--on")`).
struct ValueParser<Value> {
    let parse: (_ text: String, _ flag: String) throws(ShellError) -> Value
}

/// A type whose flags and positionals all read the same way.
protocol ArgumentValue {
    static var parser: ValueParser<Self> { get }
}

/// A choice among an enum's raw values (`--rating good`), refused listing them.
protocol ChoiceValue: ArgumentValue, RawRepresentable, CaseIterable where RawValue == String {}

extension ChoiceValue {
    static var parser: ValueParser<Self> {
        ValueParser { text, flag throws(ShellError) in try Arguments.choice(text, Self.self, flag: flag) }
    }
}

extension String: ArgumentValue {
    static var parser: ValueParser<String> { .text }
}

extension LocalDate: ArgumentValue {
    static var parser: ValueParser<LocalDate> { ValueParser(parse: Arguments.date) }
}

extension Interval: ArgumentValue {
    static var parser: ValueParser<Interval> {
        ValueParser { text, flag throws(ShellError) in
            guard let interval = Interval(text) else {
                throw ShellError.badValue(
                    word: text, flag: flag,
                    expected: L("a duration such as 7d, 2w, 6m, 1y or 5wd", "时长，如 7d、2w、6m、1y 或 5wd"))
            }
            return interval
        }
    }
}

extension ValueParser where Value == String {
    static var text: Self { ValueParser { text, _ in text } }

    /// The code of an `A` (`F-3`), where `A`s have codes; its name otherwise.
    static func code<A: Named>(_: A.Type) -> Self {
        ValueParser { text, _ throws(ShellError) in try Code.check(text, A.self) }
    }
}

extension ValueParser where Value: ChoiceValue {
    static var choice: Self { Value.parser }
}

extension ValueParser where Value == Yuan {
    /// An amount in yuan (`12345.67`), refused naming the word when it is not yuan with at
    /// most two decimals.
    static var yuan: Self {
        ValueParser { text, flag throws(ShellError) in
            do throws(DomainError) {
                return try Yuan(text)
            } catch {
                throw ShellError(L("\(flag): \(error.english)", "\(flag)：\(error.chinese)"))
            }
        }
    }
}

extension ValueParser where Value == Bool {
    static var yesNo: Self {
        ValueParser { text, flag throws(ShellError) in
            switch text.lowercased() {
            case "yes", "y", "true", "是": return true
            case "no", "n", "false", "否": return false
            default: throw ShellError.badValue(word: text, flag: flag, expected: L("yes or no", "yes 或 no"))
            }
        }
    }
}

extension ValueParser where Value == String {
    /// A file to write as a document, `.html` or `.pdf`.
    static var document: Self {
        ValueParser { text, _ throws(ShellError) in
            _ = try DocumentFile.kind(of: text)
            return text
        }
    }

    /// A file to write as an iCalendar file.
    static var calendarFile: Self {
        accepting({ $0.lowercased().hasSuffix(".ics") }) { text, flag in
            L(
                "\(flag) \"\(text)\" must name an .ics file, e.g. drills.ics",
                "\(flag) \"\(text)\" 应为 .ics 文件，例如 drills.ics")
        }
    }

    /// The SHA-256 digest of a stored attachment.
    static var sha256: Self {
        accepting({ $0.count == 64 && $0.allSatisfy { $0.isHexDigit && !$0.isUppercase } }) { text, _ in
            L(
                "\"\(text)\" is not a SHA-256 digest; expected 64 lowercase hex digits",
                "\"\(text)\" 不是 SHA-256 摘要；应为 64 位小写十六进制数字")
        }
    }

    /// The text itself when `accepts` holds, refused with `refusal(text, flag)` otherwise.
    private static func accepting(_ accepts: @escaping (String) -> Bool, _ refusal: @escaping (String, String) -> L)
        -> Self
    {
        ValueParser { text, flag throws(ShellError) in
            guard accepts(text) else { throw ShellError(refusal(text, flag)) }
            return text
        }
    }

    /// A drill's code (D-n) or a plan's (P-n).
    static var drillOrPlan: Self {
        ValueParser { text, _ throws(ShellError) in
            guard text.hasPrefix("D-") || text.hasPrefix("P-") else {
                throw ShellError(
                    L(
                        "\"\(text)\" is neither a drill (D-n) nor a plan (P-n)",
                        "\"\(text)\" 既不是演练编号（D-n）也不是预案编号（P-n）"))
            }
            return text.hasPrefix("D-") ? try Code.check(text, Drill.self) : try Code.check(text, Plan.self)
        }
    }
}

extension ValueParser where Value == Int {
    /// A whole number ≥ 0, such as a number of participants.
    static var count: Self { whole(in: 0...10_000_000, L("a whole number ≥ 0", "不小于 0 的整数")) }
    /// A year such as 2017.
    static var year: Self { whole(in: 1900...2200, L("a year such as 2017", "年份，如 2017")) }
    static var quarter: Self { whole(in: 1...4, L("1, 2, 3 or 4", "1、2、3 或 4")) }
    static var month: Self { whole(in: 1...12, L("a month 1 to 12, such as 6", "月份 1 到 12，如 6")) }
    /// The `--percent N` of a target: a whole number; the domain checks its range.
    static var percent: Self { whole(in: .min ... .max, L("a whole percentage 0 to 100", "0 到 100 的整数百分比")) }
    /// An evacuation time: `210s`, `4m` or a bare number of seconds.
    static var seconds: Self { ValueParser(parse: Seconds.parse) }

    /// A whole number in `range`, refused as not `expected` otherwise.
    private static func whole(in range: ClosedRange<Int>, _ expected: L) -> Self {
        ValueParser { text, flag throws(ShellError) in
            guard let value = Int(text), range.contains(value) else {
                throw ShellError.badValue(word: text, flag: flag, expected: expected)
            }
            return value
        }
    }
}
