#!/usr/bin/env python3
"""Generate Sources/Shell/Output/DisplayWidth+Table.swift from the Unicode data files.

Usage: scripts/gen-width-table.py [EastAsianWidth.txt] [--unicode-data UnicodeData.txt] [--output FILE]

The inputs come from Debian's `unicode-data` package (`apt-get install -y unicode-data`),
which installs them under /usr/share/unicode. UnicodeData.txt is read from the same directory
as EastAsianWidth.txt unless given, so both tables describe one Unicode version.

Two tables are written, each a sorted list of merged, non-overlapping closed ranges:

* wide ranges: East_Asian_Width W (wide) or F (fullwidth), two terminal columns;
* zero-width ranges: nonspacing and enclosing marks and format characters, which a terminal
  draws on top of (or not at all next to) the preceding character.

Everything else, including East_Asian_Width A (ambiguous), is one column: outside CJK legacy
locales terminals draw ambiguous characters narrow, and the Swift side handles controls.
"""

import argparse
import re
import sys
from pathlib import Path

DEFAULT_EAW = Path("/usr/share/unicode/EastAsianWidth.txt")
REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_OUTPUT = REPO_ROOT / "Sources/Shell/Output/DisplayWidth+Table.swift"

CODE_POINTS = 0x110000

# UAX #11 gives these unassigned blocks a default of W so that ideographs added in later
# Unicode versions are still drawn wide. EastAsianWidth.txt before 15.1 states this only in
# prose; later files also carry `# @missing: ...; W` lines, which are read as well.
DEFAULT_WIDE_BLOCKS = [
    (0x3400, 0x4DBF),  # CJK Unified Ideographs Extension A
    (0x4E00, 0x9FFF),  # CJK Unified Ideographs
    (0xF900, 0xFAFF),  # CJK Compatibility Ideographs
    (0x20000, 0x2FFFD),  # Plane 2
    (0x30000, 0x3FFFD),  # Plane 3
]

ZERO_WIDTH_CATEGORIES = {"Mn", "Me", "Cf"}

ZERO_WIDTH_EXTRA = [
    (0x200B, 0x200B),  # ZERO WIDTH SPACE
    (0x200D, 0x200D),  # ZERO WIDTH JOINER, glues emoji sequences together
    (0xFE00, 0xFE0F),  # variation selectors
    (0xE0100, 0xE01EF),  # variation selectors supplement
    # Combining blocks as a whole, so marks assigned in later versions stay zero-width.
    (0x0300, 0x036F),  # Combining Diacritical Marks
    (0x1AB0, 0x1AFF),  # Combining Diacritical Marks Extended
    (0x1DC0, 0x1DFF),  # Combining Diacritical Marks Supplement
    (0x20D0, 0x20FF),  # Combining Diacritical Marks for Symbols
    (0xFE20, 0xFE2F),  # Combining Half Marks
    # Conjoining Hangul medial vowels and final consonants (category Lo) stack under the
    # two-column leading consonant, so a decomposed syllable takes two columns like a
    # precomposed one.
    (0x1160, 0x11FF),
    (0xD7B0, 0xD7FF),
]

# SOFT HYPHEN is Cf, but terminals draw it as a visible hyphen one column wide.
ZERO_WIDTH_EXCEPTIONS = {0x00AD}

VERSION_PATTERN = re.compile(r"^#\s*EastAsianWidth-(\d+(?:\.\d+)*)\.txt")
MISSING_PATTERN = re.compile(r"^#\s*@missing:\s*([0-9A-Fa-f.]+)\s*;\s*(\w+)")


def parse_code_points(field):
    """Return (first, last) for a `XXXX` or `XXXX..YYYY` field."""
    first, _, last = field.strip().partition("..")
    return int(first, 16), int(last or first, 16)


def read_east_asian_width(path):
    """Return the Unicode version and the wide (W/F) code points of EastAsianWidth.txt."""
    version = None
    # One byte per code point: 1 if wide. Listed entries override the defaults.
    wide = bytearray(CODE_POINTS)
    for first, last in DEFAULT_WIDE_BLOCKS:
        wide[first : last + 1] = b"\x01" * (last - first + 1)

    listed = []
    with open(path, encoding="utf-8") as lines:
        for line in lines:
            if version is None and (match := VERSION_PATTERN.match(line)):
                version = match.group(1)
                continue
            if match := MISSING_PATTERN.match(line):
                first, last = parse_code_points(match.group(1))
                if match.group(2) in ("W", "F"):
                    wide[first : last + 1] = b"\x01" * (last - first + 1)
                continue
            data = line.split("#", 1)[0].strip()
            if not data:
                continue
            field, value = (part.strip() for part in data.split(";"))
            listed.append((*parse_code_points(field), value))

    if version is None:
        sys.exit(f"{path}: no 'EastAsianWidth-VERSION.txt' header line")
    for first, last, value in listed:
        flag = b"\x01" if value in ("W", "F") else b"\x00"
        wide[first : last + 1] = flag * (last - first + 1)
    return version, wide


def read_zero_width(path):
    """Return the zero-width code points: categories Mn, Me, Cf plus the extra ranges."""
    zero = bytearray(CODE_POINTS)
    range_start = None
    with open(path, encoding="utf-8") as lines:
        for line in lines:
            fields = line.split(";")
            code_point, name, category = int(fields[0], 16), fields[1], fields[2]
            # Large blocks are given as a `<..., First>` line and a `<..., Last>` line.
            if name.endswith(", First>"):
                range_start = code_point
                continue
            first = range_start if name.endswith(", Last>") else code_point
            range_start = None
            if category in ZERO_WIDTH_CATEGORIES:
                zero[first : code_point + 1] = b"\x01" * (code_point - first + 1)
    for first, last in ZERO_WIDTH_EXTRA:
        zero[first : last + 1] = b"\x01" * (last - first + 1)
    for code_point in ZERO_WIDTH_EXCEPTIONS:
        zero[code_point] = 0
    return zero


def ranges(flags):
    """Collapse a per-code-point flag array into merged (first, last) ranges."""
    result = []
    start = None
    for code_point, flag in enumerate(flags):
        if flag and start is None:
            start = code_point
        elif not flag and start is not None:
            result.append((start, code_point - 1))
            start = None
    if start is not None:
        result.append((start, len(flags) - 1))
    return result


def swift_array(name, doc, table):
    """Render a table as a Swift array of ClosedRange<UInt32>, four ranges per line."""
    entries = [f"0x{first:04X}...0x{last:04X}," for first, last in table]
    rows = [" ".join(entries[i : i + 4]) for i in range(0, len(entries), 4)]
    body = "\n".join(f"        {row}" for row in rows)
    return (
        f"    /// {doc}\n"
        f"    static let {name}: [ClosedRange<UInt32>] = [\n"
        f"{body}\n"
        f"    ]\n"
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("east_asian_width", nargs="?", type=Path, default=DEFAULT_EAW)
    parser.add_argument("--unicode-data", type=Path, help="default: UnicodeData.txt beside the first file")
    parser.add_argument("--output", type=Path, default=DEFAULT_OUTPUT)
    args = parser.parse_args()
    unicode_data = args.unicode_data or args.east_asian_width.with_name("UnicodeData.txt")

    version, wide = read_east_asian_width(args.east_asian_width)
    zero = read_zero_width(unicode_data)
    # Some marks are also listed as W (e.g. U+3099 COMBINING KATAKANA-HIRAGANA VOICED SOUND
    # MARK); they still draw over the previous character, so zero width wins and the two
    # tables stay disjoint.
    for code_point, flag in enumerate(zero):
        if flag:
            wide[code_point] = 0

    wide_ranges = ranges(wide)
    zero_ranges = ranges(zero)
    source = (
        "// swift-format-ignore-file\n"
        f"// Generated by scripts/gen-width-table.py from EastAsianWidth.txt (Unicode {version}); do not edit.\n"
        "// Zero-width ranges come from the general categories in UnicodeData.txt of the same version.\n"
        "\n"
        "extension DisplayWidth {\n"
        + swift_array(
            "wideRanges",
            "Code points two columns wide (East_Asian_Width W or F), sorted, merged and disjoint.",
            wide_ranges,
        )
        + "\n"
        + swift_array(
            "zeroWidthRanges",
            "Code points that take no column of their own (marks, format characters), sorted and merged.",
            zero_ranges,
        )
        + "}\n"
    )
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(source, encoding="utf-8")
    print(f"{args.output}: Unicode {version}, {len(wide_ranges)} wide ranges, {len(zero_ranges)} zero-width ranges")


if __name__ == "__main__":
    main()
