import Foundation
import Planner

/// Instants for `set recorded-as-of`: a date means the end of that day in the office's zone.
enum Instant {
    static func parse(_ text: String, timeZone: TimeZone) throws -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        if let date = LocalDate(text) {
            let start = calendar.date(from: DateComponents(year: date.year, month: date.month, day: date.day))
            if let start, let end = calendar.date(byAdding: .day, value: 1, to: start) {
                return end.addingTimeInterval(-0.000001)
            }
        }
        for pattern in [
            "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-MM-dd'T'HH:mm:ssXXXXX", "yyyy-MM-dd'T'HH:mm:ss",
        ] {
            let formatter = DateFormatter()
            formatter.locale = Locale(identifier: "en_US_POSIX")
            formatter.timeZone = timeZone
            formatter.dateFormat = pattern
            if let date = formatter.date(from: text) { return date }
        }
        throw ShellError.badValue(
            word: text, flag: "recorded-as-of",
            expected: L("a date YYYY-MM-DD or 'YYYY-MM-DD HH:MM'", "日期 YYYY-MM-DD 或 'YYYY-MM-DD HH:MM'"))
    }
}
