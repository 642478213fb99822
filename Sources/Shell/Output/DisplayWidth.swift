/// Measures, pads and truncates text by terminal columns so tables line up around CJK text.
///
/// `String.count` counts grapheme clusters, not columns: "中文" is 2 characters but 4 columns.
/// libc's `wcwidth` depends on the process locale and on the C library's Unicode version, so
/// the same output would align differently from machine to machine. Widths come instead from
/// tables generated from the Unicode data (`DisplayWidth+Table.swift`).
///
/// A string's width is the sum of its scalars' widths, which is how terminals advance the
/// cursor over CJK text and combining marks. Emoji sequences joined by U+200D are measured as
/// the sum of their parts, though some terminals draw them as a single two-column glyph.
enum DisplayWidth {
    /// The number of columns a terminal gives one scalar: 0, 1 or 2.
    ///
    /// Control characters and marks that draw over the previous character are 0; East Asian
    /// wide and fullwidth characters are 2; everything else, including East Asian ambiguous
    /// characters, is 1.
    static func of(_ scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        // Printable ASCII dominates table output; skip the searches for it.
        if value < 0x7F { return value < 0x20 ? 0 : 1 }
        // DEL and the C1 controls.
        if value < 0xA0 { return 0 }
        if contains(zeroWidthRanges, value) { return 0 }
        return contains(wideRanges, value) ? 2 : 1
    }

    /// The number of columns a terminal gives `text`, summed over its scalars.
    static func of(_ text: some StringProtocol) -> Int {
        text.unicodeScalars.reduce(0) { $0 + of($1) }
    }

    /// `text` followed by enough spaces to fill `width` columns; unchanged if already as wide.
    static func pad(_ text: String, to width: Int) -> String {
        let missing = width - of(text)
        guard missing > 0 else { return text }
        return text + String(repeating: " ", count: missing)
    }

    /// `text` cut to at most `width` columns, ending in "…" when anything was cut.
    ///
    /// The cut falls on a scalar boundary; zero-width scalars right after the last kept one
    /// (such as combining accents) are kept so the last character is not stripped of them.
    static func truncate(_ text: String, to width: Int) -> String {
        guard of(text) > width else { return text }
        let ellipsis: Unicode.Scalar = "…"
        let ellipsisWidth = of(ellipsis)
        guard width >= ellipsisWidth else { return "" }

        let budget = width - ellipsisWidth
        var used = 0
        var kept = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            let scalarWidth = of(scalar)
            // A wide character that would straddle the edge is dropped whole, leaving the
            // result a column short rather than over the width.
            if used + scalarWidth > budget { break }
            used += scalarWidth
            kept.append(scalar)
        }
        kept.append(ellipsis)
        return String(kept)
    }

    /// Whether `value` lies in one of `ranges`, which must be sorted and disjoint.
    private static func contains(_ ranges: [ClosedRange<UInt32>], _ value: UInt32) -> Bool {
        var low = ranges.startIndex
        var high = ranges.endIndex
        while low < high {
            let middle = low + (high - low) / 2
            let range = ranges[middle]
            if value < range.lowerBound {
                high = middle
            } else if value > range.upperBound {
                low = middle + 1
            } else {
                return true
            }
        }
        return false
    }
}
