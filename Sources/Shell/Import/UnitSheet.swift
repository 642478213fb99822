import Planner

/// The columns of `import units`: the words of `unit add`.
enum UnitColumn: ImportColumn {
    case name, community, kind, keyFireUnit

    var english: String {
        switch self {
        case .name: return "name"
        case .community: return "community"
        case .kind: return "kind"
        case .keyFireUnit: return "key_fire_unit"
        }
    }

    var chinese: String {
        switch self {
        case .name: return "名称"
        case .community: return "社区"
        case .kind: return "类型"
        case .keyFireUnit: return "重点单位"
        }
    }

    var required: Bool { self != .keyFireUnit }
}

/// A row of `import units`, read as `unit add` reads its words.
struct UnitRow {
    var name: String
    var community: String
    var kind: UnitKind
    var keyFireUnit: Bool

    /// Reads a row, refusing the first bad cell with the word and its column named.
    init(_ row: ImportSheet<UnitColumn>.Row, of sheet: ImportSheet<UnitColumn>) throws(ShellError) {
        name = try sheet.required(.name, in: row)
        community = try sheet.required(.community, in: row)
        kind = try UnitKind.parser.parse(try sheet.required(.kind, in: row), sheet.heading(.kind))
        keyFireUnit =
            try row[.keyFireUnit].map { text throws(ShellError) in
                try ValueParser.yesNo.parse(text, sheet.heading(.keyFireUnit))
            } ?? false
    }
}
