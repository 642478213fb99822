#!/usr/bin/env python3
"""Generate Sources/Planner/Holidays/ShippedHolidays.swift from two independent transcriptions.

Data source: chinese-calendar 1.11.0 from PyPI (https://pypi.org/project/chinese-calendar/),
which transcribes the State Council's yearly 部分节假日安排 notices from 2004 on, checked
against the China calendar of holidays 0.109 from PyPI (https://pypi.org/project/holidays/),
which transcribes the same notices independently (its China class cites each year's notice).

    python3 -m venv /tmp/cc-venv
    /tmp/cc-venv/bin/pip install chinese-calendar==1.11.0 holidays==0.109
    /tmp/cc-venv/bin/python scripts/gen-holidays.py

The script refuses to run against any other versions: bumping the data is a deliberate act
(update PINNED_VERSIONS, regenerate, and review the diff and the tests). It runs only when
someone regenerates the data, never in CI; the tests check what it wrote.

The cross-check compares, for every date of the years chinese-calendar covers, the weekday
off days (the sources differ on whether they list the weekend days of a break, which Vigil
widens to anyway) and the make-up working days (调休上班). Where the sources disagree the
script writes nothing, unless DECISIONS settles that date: a decision names the notice
that decides it (its document number) and says what the notice says. A decision for a date
where the sources agree is refused too, so that none outlives the disagreement it settled.

What it does with the package's data:
- `chinese_calendar.constants.holidays` maps each off day to a `Holiday` value (its English
  name); `workdays` maps each make-up working day (调休上班) to the holiday it belongs to.
- Names become the Chinese names the notices use: the package's 清明/端午/中秋 get their 节.
  Where the package marks 中秋 and 国庆 separately inside one merged break (2009, 2012, 2017,
  2023, 2025) the days keep separate names; in 2020 the package marks the whole break 国庆.
- An entry belongs to the notice of the year it is announced in: the 元旦 days that fall in
  late December (e.g. 2018-12-30/31, 2018-12-29 worked) go to the next year's notice, as in
  holiday-cn.
- A date a decision settles is written as the decision says, under the holiday it names
  (2005-12-31, worked for 元旦, goes to the 2006 notice like any late-December 元旦 entry).
- Weekend days that the package leaves out *inside* one holiday's break (a lone Saturday or
  Sunday between two of its off days) are added as off days of that holiday, so that a break is
  one run of days; they are listed in the generated file's header. Weekend days at the edges of a
  break are left as the package has them (it lists them only where the notice counts them).
"""

import datetime
import sys
from collections import defaultdict
from pathlib import Path

import chinese_calendar
import holidays as holidays_package
from chinese_calendar.constants import Holiday, holidays, workdays

PINNED_VERSIONS = {"chinese-calendar": "1.11.0", "holidays": "0.109"}
INSTALLED_VERSIONS = {"chinese-calendar": chinese_calendar.__version__, "holidays": holidays_package.__version__}
OUTPUT = Path(__file__).resolve().parent.parent / "Sources/Planner/Holidays/ShippedHolidays.swift"

# The package's Chinese names, as the notices spell them.
NAME_FIXES = {"清明": "清明节", "端午": "端午节", "中秋": "中秋节"}

# Notices beyond the yearly one that changed a year's arrangement.
EXTRA_PAPERS = {
    2015: ["国务院关于中国人民抗日战争暨世界反法西斯战争胜利70周年纪念日调休放假的通知"],
    2019: ["国务院办公厅关于调整2019年劳动节假期安排的通知"],
    2020: ["国务院办公厅关于延长2020年春节假期的通知"],
}


# Where the two sources disagree, the State Council's notice decides. Each entry: the date,
# what it is in the notice ("off" day, make-up "work" day, or None when the notice lists
# nothing that day), the holiday it belongs to, the notice's document number, and what the
# notice says.
DECISIONS = {
    datetime.date(2005, 12, 31): (
        "work",
        "元旦",
        "国办发明电〔2005〕35号",
        "元旦 is 1–3 January 2006, and Saturday 31 December 2005 is a working day "
        "(chinese-calendar lists the three days off but not the working day)",
    ),
}


def classify(date, off_days, work_days):
    """What one source says a date is: "off" (a weekday off day), "work" (make-up working day)."""
    if date in work_days:
        return "work"
    if date in off_days and date.weekday() < 5:
        return "off"
    return None


def cross_check(first, last):
    """The dates where the two sources disagree, with what each says; exits on an unsettled one."""
    other = holidays_package.China(years=range(first, last + 1))
    start, end = datetime.date(first, 1, 1), datetime.date(last, 12, 31)
    dates = {d for d in list(holidays) + list(workdays) + list(other) + list(other.weekend_workdays) if start <= d <= end}
    differences = {}
    for date in sorted(dates):
        ours = classify(date, holidays, workdays)
        theirs = classify(date, set(other), other.weekend_workdays)
        if ours != theirs:
            differences[date] = (ours, theirs)
    unsettled = [d for d in differences if d not in DECISIONS]
    stale = [d for d in DECISIONS if d not in differences]
    for date in unsettled:
        ours, theirs = differences[date]
        print(f"{date}: chinese-calendar says {ours}, holidays says {theirs}", file=sys.stderr)
    for date in stale:
        print(f"{date}: the sources agree; remove its decision", file=sys.stderr)
    if unsettled or stale:
        sys.exit(
            "the sources disagree where no decision settles it (or a decision is stale): read the notice and "
            "record a decision in DECISIONS with its document number; nothing was written"
        )
    return differences


def decide(years, differences):
    """Applies each decision to the notice year its date belongs to."""
    for date in sorted(differences):
        kind, name, _, _ = DECISIONS[date]
        year = notice_year(date, name)
        if kind is None:
            years[year].pop(date, None)
        else:
            years[year][date] = (name, kind == "off")


def chinese_name(value):
    name = Holiday(value).chinese
    name = NAME_FIXES.get(name, name)
    # The Swift side splits each line on spaces and lines on newlines.
    if not name or any(c.isspace() for c in name):
        sys.exit(f"unusable holiday name {name!r}")
    return name


def notice_year(date, name):
    if date.month == 12 and name == "元旦":
        return date.year + 1
    return date.year


def collect(differences):
    """{year: {date: (name, is_off_day)}}, decided where the sources differ, plus the weekend days filled in."""
    years = defaultdict(dict)
    for source, is_off in ((holidays, True), (workdays, False)):
        for date, value in source.items():
            name = chinese_name(value)
            year = notice_year(date, name)
            if date in years[year]:
                sys.exit(f"{date} is listed twice: {years[year][date]} and {(name, is_off)}")
            if date.month == 12 and name != "元旦":
                sys.exit(f"unexpected December entry {date} {name}")
            years[year][date] = (name, is_off)
    decide(years, differences)

    filled = []
    for year, days in years.items():
        off_by_name = defaultdict(set)
        for date, (name, is_off) in days.items():
            if is_off:
                off_by_name[name].add(date)
        for name, dates in off_by_name.items():
            for date in sorted(dates):
                # A gap of one or two days after `date`, all weekend and unlisted, before the
                # same holiday resumes.
                for gap in (1, 2):
                    resume = date + datetime.timedelta(days=gap + 1)
                    between = [date + datetime.timedelta(days=i) for i in range(1, gap + 1)]
                    if resume in dates and all(d.weekday() >= 5 and d not in days for d in between):
                        for d in between:
                            days[d] = (name, True)
                            filled.append((d, name))
    return years, sorted(filled)


def papers(year):
    return [f"国务院办公厅关于{year}年部分节假日安排的通知"] + EXTRA_PAPERS.get(year, [])


def swift_string(text):
    return text.replace("\\", "\\\\").replace('"', '\\"')


def render(years, filled, differences):
    first, last = min(years), max(years)
    missing = [y for y in range(first, last + 1) if y not in years]
    if missing:
        sys.exit(f"years without data: {missing}")
    source = f"chinese-calendar {PINNED_VERSIONS['chinese-calendar']}, checked against holidays {PINNED_VERSIONS['holidays']}"
    out = []
    w = out.append
    w("// swift-format-ignore-file")
    w("// GENERATED by scripts/gen-holidays.py — do not edit by hand.")
    w(f"// Source: chinese-calendar {PINNED_VERSIONS['chinese-calendar']} (PyPI), State Council holiday notices {first}–{last},")
    w(f"// checked date by date against holidays {PINNED_VERSIONS['holidays']} (PyPI). Where they differ, the notice decides:")
    for date in sorted(differences):
        kind, name, notice, says = DECISIONS[date]
        w(f"//   {date.isoformat()} {name} {kind or 'nothing'} — {notice}: {says}")
    w("// Weekend days added inside a break that the package leaves out:")
    for date, name in filled:
        w(f"//   {date.isoformat()} {name}")
    w("")
    w("/// Official holiday arrangements shipped with Vigil, one notice per year.")
    w("///")
    w("/// Generated from a published transcription of the State Council's notices, so a year here is")
    w("/// as good as the official notice unless a user imports a newer one.")
    w("public enum ShippedHolidays {")
    w("    /// The first year with a shipped notice.")
    w(f"    public static let firstYear = {first}")
    w("    /// The last year with a shipped notice; every year in between has one.")
    w(f"    public static let lastYear = {last}")
    w("    /// The package and version the data was generated from, for reports and `--version`.")
    w(f'    public static let dataSource = "{source}"')
    w("")
    w("    /// The shipped notice of `year`, or nil when Vigil has no data for it.")
    w("    public static func notice(for year: Int) -> HolidayNotice? {")
    w("        guard let text = data(for: year), let days = parse(text) else { return nil }")
    w("        return HolidayNotice(year: year, papers: papers(for: year), days: days, origin: .shipped)")
    w("    }")
    w("")
    w("    /// The notices that set `year`'s arrangement.")
    w("    static func papers(for year: Int) -> [String] {")
    w("        switch year {")
    for year in sorted(EXTRA_PAPERS):
        if first <= year <= last:
            items = ", ".join(f'"{swift_string(p)}"' for p in papers(year))
            w(f"        case {year}: return [{items}]")
    w(f'        default: return ["国务院办公厅关于\\(year)年部分节假日安排的通知"]')
    w("        }")
    w("    }")
    w("")
    w("    /// Parses lines of `YYYY-MM-DD name 1|0` (1 = off day, 0 = make-up working day).")
    w("    ///")
    w("    /// The data is kept as text, not as an array literal of structs, because that keeps the")
    w("    /// compiler's type checking trivial; parsing a year takes microseconds.")
    w("    static func parse(_ text: String) -> [HolidayNotice.Day]? {")
    w("        var days: [HolidayNotice.Day] = []")
    w("        for line in text.split(separator: \"\\n\") {")
    w("            let fields = line.split(separator: \" \")")
    w("            guard fields.count == 3, let date = LocalDate(fields[0]) else { return nil }")
    w("            switch fields[2] {")
    w("            case \"1\": days.append(HolidayNotice.Day(name: String(fields[1]), date: date, isOffDay: true))")
    w("            case \"0\": days.append(HolidayNotice.Day(name: String(fields[1]), date: date, isOffDay: false))")
    w("            default: return nil")
    w("            }")
    w("        }")
    w("        return days")
    w("    }")
    w("")
    w("    private static func data(for year: Int) -> String? {")
    w("        switch year {")
    for year in range(first, last + 1):
        w(f"        case {year}:")
        w('            return """')
        for date in sorted(years[year]):
            name, is_off = years[year][date]
            w(f"                {date.isoformat()} {swift_string(name)} {1 if is_off else 0}")
        w('                """')
    w("        default:")
    w("            return nil")
    w("        }")
    w("    }")
    w("}")
    return "\n".join(out) + "\n"


def main():
    for package, pinned in PINNED_VERSIONS.items():
        if INSTALLED_VERSIONS[package] != pinned:
            sys.exit(f"{package} {INSTALLED_VERSIONS[package]} installed, script pins {pinned}")
    first = min(d.year for d in holidays)
    last = max(d.year for d in holidays)
    differences = cross_check(first, last)
    years, filled = collect(differences)
    OUTPUT.write_text(render(years, filled, differences), encoding="utf-8")
    print(f"wrote {OUTPUT} ({min(years)}–{max(years)}, {sum(len(d) for d in years.values())} days)")
    for date in sorted(differences):
        print(f"decided {date} by {DECISIONS[date][2]}")
    for date, name in filled:
        print(f"filled weekend gap {date} {name}")


if __name__ == "__main__":
    main()
