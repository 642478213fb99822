import Testing

@testable import Shell

@Suite("DisplayWidth")
struct DisplayWidthTests {
    @Test(
        "String widths",
        arguments: [
            ("", 0),
            ("hello", 5),
            ("a b-c_d", 7),
            ("中文", 4),
            ("，", 2),
            ("（", 2),
            ("（注）", 6),
            ("ＡＢＣ", 6),
            ("ｶﾀｶﾅ", 4),
            ("カタカナ", 8),
            ("한국어", 6),
            ("🚒", 2),
            ("🚒🚒", 4),
            ("古田二路社区A", 13),
            ("ID 社区 ok", 10),
            ("café", 4),
        ]
    )
    func stringWidth(text: String, expected: Int) {
        #expect(DisplayWidth.of(text) == expected)
    }

    @Test("Combining marks add no width")
    func combiningMarks() {
        #expect(DisplayWidth.of("\u{0301}" as Unicode.Scalar) == 0)
        #expect(DisplayWidth.of("e\u{0301}") == 1)
        #expect(DisplayWidth.of("a\u{0300}\u{0316}") == 1)
        // Decomposed Hangul: the vowel and final consonant stack under the wide initial.
        #expect(DisplayWidth.of("\u{1100}\u{1161}\u{11A8}") == 2)
        // Katakana voiced sound mark is East Asian wide but still combines.
        #expect(DisplayWidth.of("か\u{3099}") == 2)
    }

    @Test("Invisible and control scalars add no width")
    func invisibleScalars() {
        #expect(DisplayWidth.of("a\u{200B}b") == 2)
        #expect(DisplayWidth.of("\u{200D}") == 0)
        #expect(DisplayWidth.of("\u{FE0F}") == 0)
        #expect(DisplayWidth.of("\u{FEFF}") == 0)
        #expect(DisplayWidth.of("\t\n\r\u{1B}\u{7F}\u{85}") == 0)
    }

    @Test("Single scalars")
    func scalars() {
        #expect(DisplayWidth.of("A" as Unicode.Scalar) == 1)
        #expect(DisplayWidth.of("\u{0}" as Unicode.Scalar) == 0)
        #expect(DisplayWidth.of("中" as Unicode.Scalar) == 2)
        #expect(DisplayWidth.of("\u{3000}" as Unicode.Scalar) == 2)  // ideographic space
        #expect(DisplayWidth.of("ｱ" as Unicode.Scalar) == 1)  // half-width katakana
        #expect(DisplayWidth.of("\u{1F692}" as Unicode.Scalar) == 2)  // 🚒
        #expect(DisplayWidth.of("\u{20000}" as Unicode.Scalar) == 2)  // CJK Extension B
        // East Asian ambiguous characters are narrow outside legacy CJK locales.
        #expect(DisplayWidth.of("…" as Unicode.Scalar) == 1)
        #expect(DisplayWidth.of("°" as Unicode.Scalar) == 1)
    }

    @Test("Substrings are measured like strings")
    func substring() {
        let text = "社区A"
        #expect(DisplayWidth.of(text.dropFirst()) == 3)
    }

    @Test("Pad fills to the display width")
    func pad() {
        #expect(DisplayWidth.pad("ab", to: 5) == "ab   ")
        #expect(DisplayWidth.pad("中文", to: 6) == "中文  ")
        #expect(DisplayWidth.pad("古田二路社区A", to: 15) == "古田二路社区A  ")
        #expect(DisplayWidth.of(DisplayWidth.pad("e\u{0301}", to: 3)) == 3)
    }

    @Test("Pad leaves text at or over the width unchanged")
    func padNoOp() {
        #expect(DisplayWidth.pad("中文", to: 4) == "中文")
        #expect(DisplayWidth.pad("中文", to: 3) == "中文")
        #expect(DisplayWidth.pad("", to: 0) == "")
        #expect(DisplayWidth.pad("abc", to: -1) == "abc")
    }

    @Test("Truncate leaves fitting text unchanged")
    func truncateFits() {
        #expect(DisplayWidth.truncate("hello", to: 5) == "hello")
        #expect(DisplayWidth.truncate("中文", to: 4) == "中文")
        #expect(DisplayWidth.truncate("", to: 0) == "")
    }

    @Test("Truncate cuts and appends an ellipsis")
    func truncateCuts() {
        #expect(DisplayWidth.truncate("hello world", to: 6) == "hello…")
        #expect(DisplayWidth.truncate("古田二路社区A", to: 7) == "古田二…")
        #expect(DisplayWidth.truncate("🚒🚒🚒", to: 5) == "🚒🚒…")
    }

    @Test("Truncate never exceeds the width when a wide character straddles it")
    func truncateStraddle() {
        let cut = DisplayWidth.truncate("古田二路社区", to: 6)
        #expect(cut == "古田…")
        #expect(DisplayWidth.of(cut) == 5)
    }

    @Test("Truncate keeps combining marks with their base")
    func truncateCombining() {
        let cut = DisplayWidth.truncate("e\u{0301}xyz", to: 2)
        #expect(Array(cut.unicodeScalars) == ["e", "\u{0301}", "…"])
    }

    @Test("Truncate to widths too small for an ellipsis")
    func truncateTiny() {
        #expect(DisplayWidth.truncate("abc", to: 1) == "…")
        #expect(DisplayWidth.truncate("abc", to: 0) == "")
        #expect(DisplayWidth.truncate("中文", to: 1) == "…")
        #expect(DisplayWidth.truncate("abc", to: -3) == "")
    }

    @Test("Tables are sorted and disjoint, so binary search is valid")
    func tablesSorted() {
        for table in [DisplayWidth.wideRanges, DisplayWidth.zeroWidthRanges] {
            #expect(!table.isEmpty)
            for (previous, next) in zip(table, table.dropFirst()) {
                // Strictly greater than upperBound + 1: adjacent ranges should have been merged.
                #expect(next.lowerBound > previous.upperBound + 1)
            }
        }
        let wide = DisplayWidth.wideRanges
        #expect(!wide.contains { range in DisplayWidth.zeroWidthRanges.contains { $0.overlaps(range) } })
    }
}
