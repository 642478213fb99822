import Foundation
import Planner
import Testing

@testable import Shell

/// The iCalendar writer on its own: TEXT escaping, folding by octets and the file's frame, as
/// a calendar program reads them back (unfold, then unescape).
@Suite("iCalendar text")
struct ICalendarTests {
    /// RFC 5545 unfolding: a CRLF followed by one space or tab is removed.
    /// Works on scalars, as readers work on octets: a fold may fall before a combining mark,
    /// which would join the space into one Character.
    static func unfold(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        let scalars = Array(text.unicodeScalars)
        var index = 0
        while index < scalars.count {
            if scalars[index] == "\r", index + 2 < scalars.count, scalars[index + 1] == "\n",
                scalars[index + 2] == " " || scalars[index + 2] == "\t"
            {
                index += 3
            } else {
                out.append(scalars[index])
                index += 1
            }
        }
        return String(out)
    }

    /// RFC 5545 TEXT unescaping, as a reader does it.
    static func unescape(_ text: String) -> String {
        var out = ""
        var escaped = false
        for scalar in text.unicodeScalars {
            if escaped {
                switch scalar {
                case "n", "N": out += "\n"
                default: out.unicodeScalars.append(scalar)
                }
                escaped = false
            } else if scalar == "\\" {
                escaped = true
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// The physical lines of folded text, as octets without their CRLF.
    static func physicalLines(_ folded: String) -> [[UInt8]] {
        Array(folded.utf8).split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map { line in
            Array(line.last == UInt8(ascii: "\r") ? line.dropLast() : line)
        }
    }

    @Test("A long Chinese summary folds at 75 octets, between characters, and unfolds to itself")
    func longChineseSummary() {
        let summary = "SUMMARY:" + String(repeating: "演练 D-3：古田育才小学（古田二路社区）消防疏散；", count: 6)
        let folded = ICalendar.fold(summary)
        let lines = Self.physicalLines(folded)
        #expect(lines.count > 1)
        for (index, line) in lines.enumerated() {
            #expect(line.count <= 75, "line \(index) has \(line.count) octets")
            // Each physical line decodes on its own: no character's bytes were split.
            #expect(String(validating: line, as: UTF8.self) != nil, "line \(index) splits a character")
            if index > 0 { #expect(line.first == UInt8(ascii: " ")) }
        }
        #expect(Self.unfold(folded) == summary)
    }

    @Test("Short lines are left alone; a line of exactly 75 octets is not folded")
    func shortLines() {
        #expect(ICalendar.fold("VERSION:2.0") == "VERSION:2.0")
        let exact = String(repeating: "a", count: 75)
        #expect(ICalendar.fold(exact) == exact)
        #expect(ICalendar.fold(exact + "b") == exact + "\r\n b")
    }

    @Test("Folding then unfolding gives back any line, with lines never over 75 octets", arguments: 0..<200)
    func foldRoundTrip(seed: Int) {
        var generator = ParserFuzzTests.SeededGenerator(state: UInt64(seed))
        let alphabet: [Unicode.Scalar] = [
            "a", "Z", "0", " ", ":", ";", ",", "\\", "é", "ß", "演", "练", "隐", "患", "（", "🔥", "𠀀", "\u{301}",
        ]
        let length = Int(generator.next() % 300)
        var line = ""
        for _ in 0..<length { line.unicodeScalars.append(alphabet[Int(generator.next() % UInt64(alphabet.count))]) }
        let folded = ICalendar.fold(line)
        #expect(Self.unfold(folded) == line)
        for octets in Self.physicalLines(folded) {
            #expect(octets.count <= 75)
            #expect(String(validating: octets, as: UTF8.self) != nil)
        }
    }

    @Test("TEXT escapes backslash, semicolon, comma and every kind of line break")
    func escaping() {
        #expect(ICalendar.escape(#"a\b;c,d"#) == #"a\\b\;c\,d"#)
        #expect(ICalendar.escape("one\ntwo\r\nthree\rfour") == #"one\ntwo\nthree\nfour"#)
        // Full-width punctuation is ordinary text.
        #expect(ICalendar.escape("消防：检查，整改；复查") == "消防：检查，整改；复查")
        #expect(ICalendar.escape("bell\u{7}tab\tend") == "belltab\tend")
    }

    @Test("Escaping then unescaping gives back any text without control characters", arguments: 0..<200)
    func escapeRoundTrip(seed: Int) {
        var generator = ParserFuzzTests.SeededGenerator(state: UInt64(seed) &+ 1000)
        let alphabet: [Unicode.Scalar] = ["a", "n", "\\", ";", ",", ":", "\n", "\"", "隐", "患", "N"]
        var text = ""
        for _ in 0..<Int(generator.next() % 60) {
            text.unicodeScalars.append(alphabet[Int(generator.next() % UInt64(alphabet.count))])
        }
        let escaped = ICalendar.escape(text)
        #expect(!escaped.contains("\n"))
        #expect(Self.unescape(escaped) == text)
    }

    @Test("The file: CRLF everywhere, the calendar's properties, all-day dates with an exclusive end")
    func file() {
        let stamp = Date(timeIntervalSince1970: 1_490_000_000)
        let calendar = ICalendar(
            name: "Vigil 演练", timeZone: "Asia/Shanghai",
            events: [
                ICalendar.Event(
                    uid: "drill-D-3@abc.vigil", stamp: stamp, date: LocalDate(year: 2017, month: 12, day: 31)!,
                    summary: "演练 D-3：小学（社区）", description: "预案 P-1\n情景：火灾, 疏散", categories: ["应急演练"])
            ])
        let text = calendar.text
        #expect(text.hasSuffix("END:VCALENDAR\r\n"))
        #expect(!text.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
        let lines = text.components(separatedBy: "\r\n")
        for property in [
            "BEGIN:VCALENDAR", "VERSION:2.0", "CALSCALE:GREGORIAN", "X-WR-CALNAME:Vigil 演练", "DTSTAMP:20170320T085320Z",
            "DTSTART;VALUE=DATE:20171231", "DTEND;VALUE=DATE:20180101", #"DESCRIPTION:预案 P-1\n情景：火灾\, 疏散"#,
        ] {
            #expect(lines.contains(property), "missing \(property)")
        }
    }
}
