/// One year's statutory holiday arrangement, as the State Council's notice gives it.
///
/// This is the holiday-cn JSON shape (`{"year", "papers", "days": [{"name", "date", "isOffDay"}]}`)
/// plus where the data came from, so that reports can say whether a block is official.
public struct HolidayNotice: Codable, Sendable, Equatable {
    /// Where a year's holiday data came from.
    public enum Origin: String, Codable, Sendable {
        /// Imported by a user from a notice file.
        case imported
        /// Shipped with Vigil, generated from a published data set.
        case shipped
        /// Computed from the lunar calendar and solar terms; not official.
        case computed
    }

    /// One listed day: an off day of a holiday, or a make-up working day (调休) when `isOffDay` is false.
    public struct Day: Codable, Sendable, Equatable {
        public var name: String
        public var date: LocalDate
        public var isOffDay: Bool
    }

    public var year: Int
    public var papers: [String]
    public var days: [Day]
    public var origin: Origin

    public init(year: Int, papers: [String], days: [Day], origin: Origin) {
        (self.year, self.papers, self.days, self.origin) = (year, papers, days, origin)
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        year = try container.decode(Int.self, forKey: .year)
        papers = try container.decodeIfPresent([String].self, forKey: .papers) ?? []
        days = try container.decode([Day].self, forKey: .days)
        origin = try container.decodeIfPresent(Origin.self, forKey: .origin) ?? .imported
    }
}
