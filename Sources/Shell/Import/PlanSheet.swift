import Planner

/// The columns of `import plans`: the words of `plan add`.
enum PlanColumn: ImportColumn {
    case name, unit, level, hazard, every, from

    var english: String {
        switch self {
        case .name: return "name"
        case .unit: return "unit"
        case .level: return "level"
        case .hazard: return "hazard"
        case .every: return "every"
        case .from: return "from"
        }
    }

    var chinese: String {
        switch self {
        case .name: return "名称"
        case .unit: return "单位"
        case .level: return "级别"
        case .hazard: return "风险"
        case .every: return "周期"
        case .from: return "起始日期"
        }
    }

    var required: Bool { self == .name || self == .unit || self == .level }
}

/// A row of `import plans`, read as `plan add` reads its words; an empty `from` is the
/// session's today, an empty `every` leaves the cadence to the rule catalogue.
struct PlanRow {
    var name: String
    var unit: String
    var level: PlanLevel
    var hazard: String?
    var every: Interval?
    var from: LocalDate?

    /// Reads a row, refusing the first bad cell with the word and its column named.
    init(_ row: ImportSheet<PlanColumn>.Row, of sheet: ImportSheet<PlanColumn>) throws(ShellError) {
        name = try sheet.required(.name, in: row)
        unit = try sheet.required(.unit, in: row)
        level = try PlanLevel.parser.parse(try sheet.required(.level, in: row), sheet.heading(.level))
        hazard = row[.hazard]
        every = try row[.every].map { text throws(ShellError) in
            try Interval.parser.parse(text, sheet.heading(.every))
        }
        from = try row[.from].map { text throws(ShellError) in
            try LocalDate.parser.parse(text, sheet.heading(.from))
        }
    }
}
