import Foundation
import Planner

/// The flags of `campaign define` that tie a cadence to a day or a month, and name who owes it.
extension ValueParser where Value == FixedDay {
    static var fixedDay: Self {
        ValueParser { text, flag throws(ShellError) in
            guard let day = FixedDay(text) else {
                throw ShellError.badValue(
                    word: text, flag: flag,
                    expected: L(
                        "a day of the year MM-DD such as 11-09 (not 02-29), or a weekday rule such as 03-last-mon",
                        "每年的某一天 MM-DD，如 11-09（不能是 02-29），或星期规则，如 03-last-mon"))
            }
            return day
        }
    }
}

extension ValueParser where Value == Int {
    static var month: Self {
        ValueParser { text, flag throws(ShellError) in
            guard let month = Int(text), (1...12).contains(month) else {
                throw ShellError.badValue(
                    word: text, flag: flag, expected: L("a month 1 to 12, such as 6", "月份 1 到 12，如 6"))
            }
            return month
        }
    }
}

extension ValueParser where Value == [String] {
    /// Names separated by commas (ASCII or Chinese) or 、, blanks around them dropped.
    static var list: Self {
        ValueParser { text, _ in
            text.split(whereSeparator: { $0 == "," || $0 == "，" || $0 == "、" }).map {
                String($0).trimmingCharacters(in: [" "])
            }.filter { !$0.isEmpty }
        }
    }
}
