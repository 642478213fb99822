/// The imported notices of one year; a later import (an amended notice) replaces the earlier.
public struct HolidayYear: Aggregate, Equatable {
    public var notice: HolidayNotice?

    public static let initial = HolidayYear(notice: nil)

    public var exists: Bool { notice != nil }

    public func evolve(_ event: Event) -> HolidayYear {
        guard case .holidayNoticeImported(let e) = event else { return self }
        return HolidayYear(notice: e.notice)
    }

    /// `holiday import FILE`: `calendar` holds the other years, for the weekend widening at the
    /// edges (a make-up day of a neighbouring year is never ordinary).
    public static func importNotice(_ notice: HolidayNotice, calendar: HolidayCalendar, state: HolidayYear) throws
        -> [Event]
    {
        guard (1900...2200).contains(notice.year) else {
            throw DomainError("\(notice.year) is not a plausible notice year", "\(notice.year) 不是合理的通知年份")
        }
        guard !notice.days.isEmpty else {
            throw DomainError("the notice for \(notice.year) lists no days", "\(notice.year) 年的通知没有列出任何日期")
        }
        if let stray = notice.days.first(where: { abs($0.date.year - notice.year) > 1 }) {
            throw DomainError(
                "\(stray.date) (\(stray.name)) is too far from \(notice.year) to belong to its notice",
                "\(stray.date)（\(stray.name)）与 \(notice.year) 年相距太远，不属于该年通知")
        }
        var imported = notice
        imported.origin = .imported
        // National data: every street's records may need the notice, and importing it again
        // changes nothing, so it records nothing (DESIGN.md, "Decisions pinned for streets").
        if state.notice == imported { return [] }
        var withThis = calendar
        withThis.replace(imported)
        return [
            .holidayNoticeImported(HolidayNoticeImported(notice: imported, blocks: withThis.blocks(year: notice.year)))
        ]
    }
}
