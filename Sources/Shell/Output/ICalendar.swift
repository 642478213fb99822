import Foundation
import Planner

/// An iCalendar file (RFC 5545) of all-day events, written as text: no I/O here.
///
/// Every event is a whole day (`DTSTART;VALUE=DATE`, the log keeps no time of day), and
/// date values are floating, so no `VTIMEZONE` is needed; `X-WR-TIMEZONE` tells calendar
/// programs the office's zone all the same. Lines end in CRLF and are folded at 75 octets.
struct ICalendar: Sendable, Equatable {
    /// One all-day event.
    struct Event: Sendable, Equatable {
        /// Globally unique and stable: the same record gives the same UID in every export.
        var uid: String
        /// DTSTAMP, written in UTC.
        var stamp: Date
        var date: LocalDate
        var summary: String
        var description: String
        var categories: [String]
    }

    /// X-WR-CALNAME: the name calendar programs show for the subscription.
    var name: String
    /// X-WR-TIMEZONE: the zone the dates are meant in, e.g. `Asia/Shanghai`.
    var timeZone: String
    var events: [Event]

    static let productID = "-//Vigil//Vigil calendar export//ZH"

    /// The whole file: content lines escaped and folded, each ending in CRLF.
    var text: String {
        var lines = [
            "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:" + Self.productID, "CALSCALE:GREGORIAN",
            "METHOD:PUBLISH", "X-WR-CALNAME:" + Self.escape(name), "X-WR-TIMEZONE:" + Self.escape(timeZone),
        ]
        for event in events {
            lines += [
                "BEGIN:VEVENT",
                "UID:" + Self.escape(event.uid),
                "DTSTAMP:" + Self.utc(event.stamp),
                "DTSTART;VALUE=DATE:" + Self.basic(event.date),
                // DTEND is exclusive: an all-day event ends at the start of the next day.
                "DTEND;VALUE=DATE:" + Self.basic(event.date.adding(days: 1)),
                "SUMMARY:" + Self.escape(event.summary),
                "DESCRIPTION:" + Self.escape(event.description),
                "CATEGORIES:" + event.categories.map(Self.escape).joined(separator: ","),
                "TRANSP:TRANSPARENT",
                "END:VEVENT",
            ]
        }
        lines.append("END:VCALENDAR")
        return lines.map { Self.fold($0) + "\r\n" }.joined()
    }

    /// A TEXT value (RFC 5545 §3.3.11): backslash, semicolon and comma escaped, every line
    /// break (CRLF, LF or CR) as `\n`; other control characters, which TEXT may not hold, are
    /// left out.
    static func escape(_ text: String) -> String {
        var out = ""
        var scalars = text.unicodeScalars.makeIterator()
        var pending = scalars.next()
        while let scalar = pending {
            pending = scalars.next()
            switch scalar {
            case "\\": out += "\\\\"
            case ";": out += "\\;"
            case ",": out += "\\,"
            case "\r":
                out += "\\n"
                if pending == "\n" { pending = scalars.next() }
            case "\n": out += "\\n"
            case "\t": out.unicodeScalars.append(scalar)
            case _ where scalar.value < 0x20 || scalar.value == 0x7F: continue
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Folds a content line (RFC 5545 §3.1): no line longer than 75 octets of UTF-8, breaks
    /// only between Unicode scalars so that no character's bytes are split, each continuation
    /// line starting with one space (which unfolding removes).
    static func fold(_ line: String, limit: Int = 75) -> String {
        var out = ""
        var octets = 0
        for scalar in line.unicodeScalars {
            let width = UTF8.width(scalar)
            if octets + width > limit {
                out += "\r\n "
                octets = 1
            }
            out.unicodeScalars.append(scalar)
            octets += width
        }
        return out
    }

    /// A DATE value: `20170315`.
    static func basic(_ date: LocalDate) -> String {
        let (year, month, day) = date.parts
        return String(format: "%04d%02d%02d", year, month, day)
    }

    /// A DATE-TIME in UTC: `20170315T083000Z`.
    static func utc(_ instant: Date) -> String {
        let seconds = Int(instant.timeIntervalSince1970.rounded(.down))
        let day = LocalDate(dayNumber: Int((Double(seconds) / 86_400).rounded(.down)))
        let time = seconds - day.dayNumber * 86_400
        return basic(day) + String(format: "T%02d%02d%02dZ", time / 3600, time / 60 % 60, time % 60)
    }
}
