import Foundation

/// Holiday dates derived from the rules of the 全国年节及纪念日放假办法, for years that have no
/// notice (neither imported nor shipped).
///
/// A computed notice lists off days only. The real arrangement of a year also moves days around
/// (调休: make-up working days on weekends, off days bridged to weekends), and that cannot be
/// derived from rules — the State Council decides it each year. So a computed notice is a floor,
/// good for spotting that a drill lands on 春节, not for telling staff which Saturday they work.
///
/// The rules applied are those in force since 2008 (清明, 端午 and 中秋 became holidays then),
/// with the 2025 amendment (除夕 and a second 劳动节 day). Earlier years get the same rules,
/// which over-states their holidays; shipped data covers 2004 onward, so only years before that
/// are affected. Years before 1583 are out of range: `LocalDate` is proleptic Gregorian while
/// Foundation's Gregorian calendar turns Julian before October 1582.
public enum ComputedHolidays {
    /// The `papers` entry of every computed notice, so that nobody mistakes it for the real one.
    public static let paper = "computed: not an official notice"

    /// The first year whose rules include 除夕 and two 劳动节 days (国务院令第795号).
    public static let amendedRulesYear = 2025

    /// A notice holding the statutory off days of `year`, with no make-up working days.
    ///
    /// Each date appears once, in date order; a day that is two holidays at once carries both
    /// names joined by "、".
    public static func notice(for year: Int) -> HolidayNotice {
        var days: [HolidayNotice.Day] = []
        func add(_ name: String, _ first: LocalDate?, count: Int) {
            // A lunar date can only be missing if Foundation's Chinese calendar fails; a notice
            // without that holiday is more useful than no notice at all.
            guard let first else { return }
            for offset in 0..<count {
                let date = first.adding(days: offset)
                if let index = days.firstIndex(where: { $0.date == date }) {
                    // 中秋 can fall on 1–3 October. Keep one entry per date, named the way the
                    // notices name such a merged holiday ("中秋节、国庆节").
                    days[index].name = "\(days[index].name)、\(name)"
                } else {
                    days.append(HolidayNotice.Day(name: name, date: date, isOffDay: true))
                }
            }
        }
        let amended = year >= amendedRulesYear

        add("元旦", LocalDate(year: year, month: 1, day: 1), count: 1)
        let newYear = lunarNewYear(in: year)
        if amended {
            // 除夕 is the day before 正月初一 whether the twelfth month has 29 or 30 days.
            add("春节", newYear?.adding(days: -1), count: 4)
        } else {
            add("春节", newYear, count: 3)
        }
        add("清明节", qingming(in: year), count: 1)
        add("劳动节", LocalDate(year: year, month: 5, day: 1), count: amended ? 2 : 1)
        add("端午节", dragonBoatFestival(in: year), count: 1)
        add("中秋节", midAutumnFestival(in: year), count: 1)
        add("国庆节", LocalDate(year: year, month: 10, day: 1), count: 3)

        days.sort { $0.date < $1.date }
        return HolidayNotice(year: year, papers: [paper], days: days, origin: .computed)
    }

    /// The day that gives each holiday its name: 元旦, 春节 (正月初一), 清明节, 劳动节, 端午节,
    /// 中秋节 and 国庆节, in that order.
    ///
    /// A lunar holiday is left out only if Foundation's Chinese calendar cannot place it.
    public static func keyDates(for year: Int) -> [(name: String, date: LocalDate)] {
        let candidates: [(String, LocalDate?)] = [
            ("元旦", LocalDate(year: year, month: 1, day: 1)),
            ("春节", lunarNewYear(in: year)),
            ("清明节", qingming(in: year)),
            ("劳动节", LocalDate(year: year, month: 5, day: 1)),
            ("端午节", dragonBoatFestival(in: year)),
            ("中秋节", midAutumnFestival(in: year)),
            ("国庆节", LocalDate(year: year, month: 10, day: 1)),
        ]
        return candidates.compactMap { name, date in date.map { (name: name, date: $0) } }
    }

    // MARK: - Lunar dates

    /// 正月初一 of the lunar year that starts in Gregorian `year`.
    static func lunarNewYear(in year: Int) -> LocalDate? {
        // It always falls between 21 January and 20 February; the window has slack either side.
        lunarDate(
            month: 1, day: 1, from: LocalDate(year: year, month: 1, day: 10),
            through: LocalDate(year: year, month: 3, day: 1))
    }

    /// 五月初五 (端午) in Gregorian `year`.
    static func dragonBoatFestival(in year: Int) -> LocalDate? {
        // Late May to late June; a leap month earlier in the year pushes it later, hence July.
        lunarDate(
            month: 5, day: 5, from: LocalDate(year: year, month: 5, day: 10),
            through: LocalDate(year: year, month: 7, day: 10))
    }

    /// 八月十五 (中秋) in Gregorian `year`.
    static func midAutumnFestival(in year: Int) -> LocalDate? {
        // Early September to early October.
        lunarDate(
            month: 8, day: 15, from: LocalDate(year: year, month: 8, day: 25),
            through: LocalDate(year: year, month: 10, day: 20))
    }

    /// The first day in the window that is `day` of the regular (non-leap) lunar `month`.
    ///
    /// Scanning a short window is simpler and safer than building the date from Chinese-calendar
    /// components, whose era/cyclic-year numbering differs between Foundation implementations.
    /// Each window is shorter than a lunar year, so a date cannot match twice.
    static func lunarDate(month: Int, day: Int, from start: LocalDate?, through end: LocalDate?) -> LocalDate? {
        guard let start, let end else { return nil }
        var current = start
        while current <= end {
            if let date = foundationDate(current) {
                let parts = chinese.dateComponents([.month, .day, .isLeapMonth], from: date)
                // A leap month repeats the number of the month before it (闰六月 after 六月);
                // festivals are kept in the regular month, so the leap copy must not match.
                if parts.month == month, parts.day == day, parts.isLeapMonth != true {
                    return current
                }
            }
            current = current.adding(days: 1)
        }
        return nil
    }

    /// China's civil time zone. `Asia/Shanghai` always exists in the tz database; the fixed
    /// UTC+8 fallback only guards against a broken installation.
    static let chinaTimeZone: TimeZone =
        TimeZone(identifier: "Asia/Shanghai") ?? TimeZone(secondsFromGMT: 8 * 3600) ?? TimeZone.current

    /// Gregorian calendar in China's time zone, used to turn a `LocalDate` into a Foundation `Date`
    /// and back without drifting a day across the UTC boundary.
    static let gregorian: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = chinaTimeZone
        return calendar
    }()

    /// Foundation's Chinese lunisolar calendar, in the same zone as `gregorian` so that both agree
    /// on which civil day a `Date` belongs to.
    static let chinese: Calendar = {
        var calendar = Calendar(identifier: .chinese)
        calendar.timeZone = chinaTimeZone
        return calendar
    }()

    /// Noon of the given day in China. Noon keeps the instant well inside the day even where the
    /// zone's historical offsets or daylight saving (China had it 1986–1991) shift midnight.
    static func foundationDate(_ date: LocalDate) -> Date? {
        gregorian.date(from: DateComponents(year: date.year, month: date.month, day: date.day, hour: 12))
    }

    /// The civil day in China that contains `date`.
    static func localDate(_ date: Date) -> LocalDate? {
        let parts = gregorian.dateComponents([.year, .month, .day], from: date)
        guard let year = parts.year, let month = parts.month, let day = parts.day else { return nil }
        return LocalDate(year: year, month: month, day: day)
    }

    // MARK: - 清明 (solar term)

    /// The day, in Beijing time (UTC+8), on which the Sun's apparent longitude reaches 15° — the
    /// 清明 solar term.
    ///
    /// Foundation has no solar terms, and the popular 寿星 formula (`[Y·0.2422 + C] − [Y/4]`) needs
    /// a per-century constant plus hand-kept exception lists, so this computes the moment from the
    /// Sun's position instead: Earth's heliocentric longitude from the truncated VSOP87 series in
    /// Meeus, *Astronomical Algorithms* (2nd ed., ch. 25 and appendix III), with nutation and
    /// aberration, then Newton's method on the time. The error is about a second of arc, i.e. well
    /// under a minute of time, so the day is right unless the term falls within a minute of
    /// midnight. Checked against a full ephemeris (PyEphem) for every year 1600–2400: all agree
    /// but 1654, when the term fell five seconds before midnight. Far from the present the day
    /// also depends on the ΔT extrapolation (Earth's unpredictable rotation), which makes such
    /// dates estimates anyway.
    ///
    /// Beijing time is a fixed UTC+8 here rather than the tz database's `Asia/Shanghai`, because
    /// the published term tables use UTC+8 throughout (the database has local mean time before
    /// 1901 and daylight saving in 1986–1991).
    static func qingming(in year: Int) -> LocalDate {
        solarTermDate(longitude: 15, year: year, month: 4, day: 5)
    }

    /// The Beijing-time day on which the Sun's apparent longitude reaches `longitude` degrees,
    /// searching from the given approximate Gregorian date.
    static func solarTermDate(longitude target: Double, year: Int, month: Int, day: Int) -> LocalDate {
        // Julian day (UT) of midnight starting the guessed day; LocalDate counts from 1970-01-01,
        // which is JD 2440587.5.
        let guessDay = LocalDate(year: year, month: month, day: day) ?? LocalDate(dayNumber: 0)
        let guessJD = Double(guessDay.dayNumber) + 2_440_587.5
        let deltaT = deltaTSeconds(decimalYear: Double(year) + (Double(month) - 0.5) / 12) / 86_400

        // Work in dynamical time (JDE), which the theory uses; the Sun moves ~0.9856°/day.
        var jde = guessJD + deltaT
        for _ in 0..<8 {
            var error = target - apparentSolarLongitude(jde: jde)
            error -= 360 * (error / 360).rounded()
            let step = error / 0.985_647_36
            jde += step
            if abs(step) < 1e-7 { break }
        }
        let jdUT = jde - deltaT
        // UTC+8 civil day: the Julian day number of (JD + 0.5 + 8/24) counts days from noon.
        let beijing = jdUT + 0.5 + 8.0 / 24.0
        return LocalDate(dayNumber: Int((beijing - 2_440_588).rounded(.down)))
    }

    /// The Sun's apparent geocentric ecliptic longitude, in degrees, at Julian ephemeris day `jde`.
    static func apparentSolarLongitude(jde: Double) -> Double {
        let tau = (jde - 2_451_545.0) / 365_250  // Julian millennia from J2000.0
        let t = tau * 10  // Julian centuries

        // Earth's heliocentric longitude L = Σ Lk·τ^k, each Lk = Σ A·cos(B + C·τ) (1e-8 rad).
        var seriesSums: [Double] = []
        var index = 0
        for count in earthLongitudeTermCounts {
            var sum = 0.0
            for _ in 0..<count {
                let a = earthLongitudeTerms[index]
                let b = earthLongitudeTerms[index + 1]
                let c = earthLongitudeTerms[index + 2]
                sum += a * cos(b + c * tau)
                index += 3
            }
            seriesSums.append(sum)
        }
        var heliocentric = 0.0
        for power in seriesSums.indices.reversed() {
            heliocentric = heliocentric * tau + seriesSums[power]
        }
        heliocentric = heliocentric / 1e8 * 180 / .pi

        // Geocentric: the Sun is opposite the Earth. Then the FK5 frame correction (−0.09033″).
        var longitude = heliocentric + 180 - 0.090_33 / 3600

        // Nutation in longitude, Meeus's short series (good to 0.5″).
        let omega = radians(125.044_52 - 1934.136_261 * t)
        let sunMean = radians(280.4665 + 36_000.7698 * t)
        let moonMean = radians(218.3165 + 481_267.8813 * t)
        let nutation =
            -17.20 * sin(omega) - 1.32 * sin(2 * sunMean) - 0.23 * sin(2 * moonMean)
            + 0.21 * sin(2 * omega)
        longitude += nutation / 3600

        // Annual aberration, −20.4898″/R; R from the Sun's mean anomaly is ample for this term.
        let anomaly = radians(357.529_11 + 35_999.050_29 * t)
        let distance = 1.000_140 - 0.016_708 * cos(anomaly) - 0.000_139 * cos(2 * anomaly)
        longitude -= 20.4898 / distance / 3600

        longitude = longitude.truncatingRemainder(dividingBy: 360)
        return longitude < 0 ? longitude + 360 : longitude
    }

    private static func radians(_ degrees: Double) -> Double {
        degrees * .pi / 180
    }

    /// ΔT = TT − UT in seconds: Espenak & Meeus's polynomial fits (NASA, 2006).
    ///
    /// Past values follow observations; beyond about 2020 they are a forecast, which is the main
    /// uncertainty of solar-term dates far ahead.
    static func deltaTSeconds(decimalYear y: Double) -> Double {
        func poly(_ x: Double, _ coefficients: [Double]) -> Double {
            coefficients.reversed().reduce(0) { $0 * x + $1 }
        }
        switch y {
        case ..<(-500):
            let u = (y - 1820) / 100
            return -20 + 32 * u * u
        case ..<500:
            return poly(
                y / 100, [10_583.6, -1014.41, 33.783_11, -5.952_053, -0.179_845_2, 0.022_174_192, 0.009_031_652_1])
        case ..<1600:
            return poly(
                (y - 1000) / 100,
                [1574.2, -556.01, 71.234_72, 0.319_781, -0.850_346_3, -0.005_050_998, 0.008_357_207_3])
        case ..<1700:
            return poly(y - 1600, [120, -0.9808, -0.01532, 1.0 / 7129])
        case ..<1800:
            return poly(y - 1700, [8.83, 0.1603, -0.005_928_5, 0.000_133_36, -1.0 / 1_174_000])
        case ..<1860:
            return poly(
                y - 1800,
                [
                    13.72, -0.332_447, 0.006_861_2, 0.004_111_6, -0.000_374_36, 0.000_012_127_2, -0.000_000_169_9,
                    0.000_000_000_875,
                ])
        case ..<1900:
            return poly(y - 1860, [7.62, 0.5737, -0.251_754, 0.016_806_68, -0.000_447_362_4, 1.0 / 233_174])
        case ..<1920:
            return poly(y - 1900, [-2.79, 1.494_119, -0.059_893_9, 0.006_196_6, -0.000_197])
        case ..<1941:
            return poly(y - 1920, [21.20, 0.844_93, -0.076_100, 0.002_093_6])
        case ..<1961:
            return poly(y - 1950, [29.07, 0.407, -1.0 / 233, 1.0 / 2547])
        case ..<1986:
            return poly(y - 1975, [45.45, 1.067, -1.0 / 260, -1.0 / 718])
        case ..<2005:
            return poly(y - 2000, [63.86, 0.3345, -0.060_374, 0.001_727_5, 0.000_651_814, 0.000_023_735_99])
        case ..<2050:
            return poly(y - 2000, [62.92, 0.322_17, 0.005_589])
        case ..<2150:
            let u = (y - 1820) / 100
            return -20 + 32 * u * u - 0.5628 * (2150 - y)
        default:
            let u = (y - 1820) / 100
            return -20 + 32 * u * u
        }
    }

    /// How many terms of `earthLongitudeTerms` belong to L0 … L5.
    private static let earthLongitudeTermCounts: [Int] = [64, 34, 20, 7, 3, 1]

    /// VSOP87 periodic terms for Earth's heliocentric longitude as truncated by Meeus (appendix III):
    /// flat triples of amplitude A (1e-8 rad), phase B (rad) and frequency C (rad per millennium).
    /// A flat `[Double]` keeps the literal cheap to type-check.
    private static let earthLongitudeTerms: [Double] = [
        // L0
        175_347_046, 0, 0, 3_341_656, 4.669_256_8, 6283.075_85, 34894, 4.6261, 12566.1517,
        3497, 2.7441, 5753.3849, 3418, 2.8289, 3.5231, 3136, 3.6277, 77713.7715,
        2676, 4.4181, 7860.4194, 2343, 6.1352, 3930.2097, 1324, 0.7425, 11506.7698,
        1273, 2.0371, 529.691, 1199, 1.1096, 1577.3435, 990, 5.233, 5884.927,
        902, 2.045, 26.298, 857, 3.508, 398.149, 780, 1.179, 5223.694,
        753, 2.533, 5507.553, 505, 4.583, 18849.228, 492, 4.205, 775.523,
        357, 2.92, 0.067, 317, 5.849, 11790.629, 284, 1.899, 796.298,
        271, 0.315, 10977.079, 243, 0.345, 5486.778, 206, 4.806, 2544.314,
        205, 1.869, 5573.143, 202, 2.458, 6069.777, 156, 0.833, 213.299,
        132, 3.411, 2942.463, 126, 1.083, 20.775, 115, 0.645, 0.98,
        103, 0.636, 4694.003, 102, 0.976, 15720.839, 102, 4.267, 7.114,
        99, 6.21, 2146.17, 98, 0.68, 155.42, 86, 5.98, 161000.69, 85, 1.3, 6275.96,
        85, 3.67, 71430.7, 80, 1.81, 17260.15, 79, 3.04, 12036.46, 75, 1.76, 5088.63,
        74, 3.5, 3154.69, 74, 4.68, 801.82, 70, 0.83, 9437.76, 62, 3.98, 8827.39,
        61, 1.82, 7084.9, 57, 2.78, 6286.6, 56, 4.39, 14143.5, 56, 3.47, 6279.55,
        52, 0.19, 12139.55, 52, 1.33, 1748.02, 51, 0.28, 5856.48, 49, 0.49, 1194.45,
        41, 5.37, 8429.24, 41, 2.4, 19651.05, 39, 6.17, 10447.39, 37, 6.04, 10213.29,
        37, 2.57, 1059.38, 36, 1.71, 2352.87, 36, 1.78, 6812.77, 33, 0.59, 17789.85,
        30, 0.44, 83996.85, 30, 2.74, 1349.87, 25, 3.16, 4690.48,
        // L1
        628_331_966_747, 0, 0, 206_059, 2.678_235, 6283.075_85, 4303, 2.6351, 12566.1517,
        425, 1.59, 3.523, 119, 5.796, 26.298, 109, 2.966, 1577.344,
        93, 2.59, 18849.23, 72, 1.14, 529.69, 68, 1.87, 398.15, 67, 4.41, 5507.55,
        59, 2.89, 5223.69, 56, 2.17, 155.42, 45, 0.4, 796.3, 36, 0.47, 775.52,
        29, 2.65, 7.11, 21, 5.34, 0.98, 19, 1.85, 5486.78, 19, 4.97, 213.3,
        17, 2.99, 6275.96, 16, 0.03, 2544.31, 16, 1.43, 2146.17, 15, 1.21, 10977.08,
        12, 2.83, 1748.02, 12, 3.26, 5088.63, 12, 5.27, 1194.45, 12, 2.08, 4694,
        11, 0.77, 553.57, 10, 1.3, 6286.6, 10, 4.24, 1349.87, 9, 2.7, 242.73,
        9, 5.64, 951.72, 8, 5.3, 2352.87, 6, 2.65, 9437.76, 6, 4.67, 4690.48,
        // L2
        52919, 0, 0, 8720, 1.0721, 6283.0758, 309, 0.867, 12566.152, 27, 0.05, 3.52,
        16, 5.19, 26.3, 16, 3.68, 155.42, 10, 0.76, 18849.23, 9, 2.06, 77713.77,
        7, 0.83, 775.52, 5, 4.66, 1577.34, 4, 1.03, 7.11, 4, 3.44, 5573.14,
        3, 5.14, 796.3, 3, 6.05, 5507.55, 3, 1.19, 242.73, 3, 6.12, 529.69,
        3, 0.31, 398.15, 3, 2.28, 553.57, 2, 4.38, 5223.69, 2, 3.75, 0.98,
        // L3
        289, 5.844, 6283.076, 35, 0, 0, 17, 5.49, 12566.15, 3, 5.2, 155.42,
        1, 4.72, 3.52, 1, 5.3, 18849.23, 1, 5.97, 242.73,
        // L4
        114, 3.142, 0, 8, 4.13, 6283.08, 1, 3.84, 12566.15,
        // L5
        1, 3.14, 0,
    ]
}
