import Foundation
import Planner
import PlannerStore

/// The flags of `campaign define` that tie a cadence to a day or a month.
enum Campaigns {
    static func fixedDay(_ args: Arguments) throws(ShellError) -> FixedDay? {
        guard let text = args.string("on") else { return nil }
        guard let day = FixedDay(text) else {
            throw ShellError.badValue(
                word: text, flag: "--on",
                expected: L(
                    "a day of the year MM-DD such as 11-09 (not 02-29), or a weekday rule such as 03-last-mon",
                    "每年的某一天 MM-DD，如 11-09（不能是 02-29），或星期规则，如 03-last-mon"))
        }
        return day
    }

    static func month(_ args: Arguments) throws(ShellError) -> Int? {
        guard let text = args.string("month") else { return nil }
        guard let month = Int(text), (1...12).contains(month) else {
            throw ShellError.badValue(
                word: text, flag: "--month", expected: L("a month 1 to 12, such as 6", "月份 1 到 12，如 6"))
        }
        return month
    }
}
