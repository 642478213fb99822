import Foundation
import TestSupport
import Testing

/// A golden file: what one `vigil` invocation printed and how it exited, kept next to the
/// tests in `Golden/NAME.txt` and compared byte for byte.
///
/// The file reads as a transcript:
///
///     $ vigil --today 2019-06-30 --lang en -c 'unit list'
///     --- status 0
///     --- stdout
///     …
///     --- stderr
///     …
///
/// Characters that would be invisible or mangled by editors are written as escapes: `\r`,
/// `\t`, `\u{FEFF}` (the CSV byte-order mark), `\u{1B}` for other controls, and `\\` for a
/// backslash, so a CSV's CRLF rows and BOM show in a review. Output that does not end with a
/// line break gets a `\ no newline at end` line, as in a diff.
///
/// `VIGIL_RECORD_GOLDEN=1` rewrites the files from the current output; a file that changed
/// is still reported, so that a recording run cannot pass unnoticed.
struct GoldenFile {
    let name: String

    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")
    static var recording: Bool { ProcessInfo.processInfo.environment["VIGIL_RECORD_GOLDEN"] == "1" }

    var url: URL { Self.folder.appendingPathComponent(name + ".txt") }

    /// The transcript of one run: the command line as a user would type it, then the results.
    static func transcript(_ arguments: [String], _ result: VigilBinary.Result) -> String {
        "$ " + (["vigil"] + arguments).map(shellQuoted).joined(separator: " ") + "\n"
            + "--- status \(result.status)\n"
            + "--- stdout\n" + visible(result.stdout)
            + "--- stderr\n" + visible(result.stderr)
    }

    /// Compares the transcript with the file, or rewrites the file when recording.
    func check(_ transcript: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let existing = try? String(contentsOf: url, encoding: .utf8)
        if Self.recording {
            try FileManager.default.createDirectory(at: Self.folder, withIntermediateDirectories: true)
            try transcript.write(to: url, atomically: true, encoding: .utf8)
            if existing != transcript {
                Issue.record(
                    "recorded Golden/\(name).txt; review it (git diff) and run again without VIGIL_RECORD_GOLDEN",
                    sourceLocation: sourceLocation)
            }
            return
        }
        guard let existing else {
            Issue.record(
                "no golden file Golden/\(name).txt: record it with `VIGIL_RECORD_GOLDEN=1 swift test --filter GoldenTests`",
                sourceLocation: sourceLocation)
            return
        }
        if let difference = Self.firstDifference(expected: existing, actual: transcript) {
            Issue.record(
                "output differs from Golden/\(name).txt \(difference)\nIf the change is intended, re-record with VIGIL_RECORD_GOLDEN=1.",
                sourceLocation: sourceLocation)
        }
    }

    /// Where two transcripts first differ, as a line number and both lines; nil when equal.
    static func firstDifference(expected: String, actual: String) -> String? {
        guard expected != actual else { return nil }
        let old = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let new = actual.split(separator: "\n", omittingEmptySubsequences: false)
        let line = zip(old, new).enumerated().first { $1.0 != $1.1 }?.offset ?? min(old.count, new.count)
        let shown = { (lines: [Substring]) in line < lines.count ? String(lines[line]) : "(end of file)" }
        return "at line \(line + 1):\n  expected: \(shown(old))\n  actual:   \(shown(new))"
    }

    /// The text with invisible characters escaped, ending in exactly one line break.
    static func visible(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n": out += "\n"
            case "\\": out += "\\\\"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{FEFF}": out += "\\u{FEFF}"
            case _ where scalar.value < 0x20 || (0x7F..<0xA0).contains(scalar.value):
                out += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            default: out.unicodeScalars.append(scalar)
            }
        }
        // By scalar: "\r\n" is a single Character, so `hasSuffix("\n")` is false for CSV output.
        if let last = text.unicodeScalars.last, last != "\n" { out += "\n\\ no newline at end\n" }
        return out
    }

    /// A word as a POSIX shell would need it, so the header can be pasted into a terminal.
    static func shellQuoted(_ word: String) -> String {
        let plain = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_./=:,")
        if !word.isEmpty, word.unicodeScalars.allSatisfy(plain.contains) { return word }
        return "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
