import Foundation
import Planner

/// The flags of `campaign define` that tie a cadence to a day, and name who owes it.
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
