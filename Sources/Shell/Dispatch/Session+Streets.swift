import PlannerStore

/// A report that can roll up a district (`--district D`): the same rows for every street of it.
protocol DistrictRollUp {
    var district: String? { get }
    /// How the roll-up is built (by default, the command runs in each street in turn).
    static var rollUp: RollUp { get }
}

/// How a district's roll-up is built, always with a street column.
enum RollUp {
    /// The command runs in each street, and the tables are joined.
    case eachStreet
    /// The command runs once, its reports reading every street in one query
    /// (`PlannerStore.rollingUp`); its table gets the street column from `streetColumn`. On
    /// Citus, each street in turn (`PlannerStore.isDistributed`).
    case oneQuery
    /// The command builds it from `streets(of:)` itself.
    case byCommand
}

extension DistrictRollUp {
    static var rollUp: RollUp { .eachStreet }
}

extension Session {
    /// Chooses the session's street by name, or clears the choice with nil.
    public func choose(street name: String?) throws {
        guard let name else {
            try use(nil)
            street = nil
            return
        }
        guard let found = try store.street(named: name) else {
            throw ShellError.noStreet(name, in: try store.streets())
        }
        guard found.readable else {
            let directory = try store.streets()
            throw ShellError(
                L("permission denied: you may not read the records of \(name)", "权限不足：您无权查看\(name)的记录"),
                hint: L(
                    "your streets: \(directory.filter(\.readable).map(\.name).joined(separator: ", "))",
                    "您的街道：\(directory.filter(\.readable).map(\.name).joined(separator: "、"))"))
        }
        try use(found.id)
        street = found
    }

    /// Reopens a lost connection, in the session's street.
    public func reconnect() throws {
        try store.reconnect()
        connectionStreet = nil
        try use(street?.id)
    }

    /// Sets the connection's street, unless it works there already.
    private func use(_ id: Int?) throws {
        guard id != connectionStreet else { return }
        try store.use(street: id)
        connectionStreet = id
    }

    /// Runs a command in the streets it concerns. A database without streets, a chosen street,
    /// or a user who may read one street only: the command runs as it always has. Several
    /// streets in view and none chosen: a report runs in each and gains a street column; a
    /// command that writes is refused, naming the streets. `--district D` rolls a report up
    /// over the district's streets the user may read, always with the street column.
    func run(_ spec: CommandSpec, _ command: any Command, _ body: () throws -> Output) throws -> Output {
        if let rollUp = command as? any DistrictRollUp, let district = rollUp.district {
            let streets = try self.streets(of: district)
            switch type(of: rollUp).rollUp {
            case .eachStreet: return try each(streets, body)
            case .byCommand: return try body()
            case .oneQuery where try store.isDistributed(): return try each(streets, body)
            case .oneQuery:
                rollUpStreets = streets
                defer { rollUpStreets = nil }
                return try store.rollingUp(streets.map(\.id), body)
            }
        }
        guard spec.scope != .national else { return try body() }
        // A chosen street answers alone: the directory (every street, each asked whether the user
        // may read it) is read only when none is.
        if let street {
            try use(street.id)
            return try body()
        }
        let directory = try store.streets()
        if directory.isEmpty { return try body() }
        let readable = directory.filter(\.readable)
        switch readable.count {
        case 0:
            throw ShellError(L("permission denied: you may read no street here", "权限不足：您无权查看任何街道"))
        case 1:
            return try within(readable[0], body)
        default:
            guard spec.scope == .each else { throw ShellError.chooseStreet(readable) }
            return try each(readable, body)
        }
    }

    /// The streets of a district the user may read, in the order they were added; refuses an
    /// unknown district, and one none of whose streets the user may read.
    func streets(of district: String) throws -> [Street] {
        let inDistrict = try store.streets(inDistrict: district)
        guard !inDistrict.isEmpty else {
            throw ShellError.noDistrict(district, in: try store.streets())
        }
        let streets = inDistrict.filter(\.readable)
        guard !streets.isEmpty else {
            throw ShellError(
                L("permission denied: you may read no street of \(district)", "权限不足：您无权查看\(district)的任何街道"))
        }
        return streets
    }

    /// Runs `body` with `street` as the connection's street. The connection stays there: every
    /// command that reads or writes a street's records sets the street it needs first.
    func within<T>(_ street: Street, _ body: () throws -> T) throws -> T {
        try use(street.id)
        return try body()
    }

    /// The street column of a one-query roll-up's table (none otherwise), as `each` heads its rows.
    func streetColumn<Row>(_ street: @escaping (Row) -> Int) -> [Field<Row>] {
        guard let streets = rollUpStreets else { return [] }
        let names = Dictionary(uniqueKeysWithValues: streets.map { ($0.id, $0.name) })
        return [Field(Session.streetHeader) { .text(names[street($0)] ?? String(street($0))) }]
    }

    /// The column that heads a roll-up's rows with their street, however the roll-up is built.
    static let streetHeader = Column("street", L("street", "街道"))

    /// Runs `body` in each street and joins the tables, each row headed by its street. A street
    /// without the record the command names is skipped; when none has it, that is the refusal.
    private func each(_ streets: [Street], _ body: () throws -> Output) throws -> Output {
        var columns: [Column] = []
        var rows: [[Value]] = []
        var missing: ShellError?
        for street in streets {
            let output: Output
            do {
                output = try within(street, body)
            } catch let error as ShellError where error.missing {
                missing = missing ?? error
                continue
            }
            guard case .table(let shown, let found) = output else { throw ShellError.chooseStreet(streets) }
            columns = [Session.streetHeader] + shown
            rows += found.map { [.text(street.name)] + $0 }
        }
        if columns.isEmpty, let missing { throw missing }
        return .table(columns, rows)
    }
}

extension ShellError {
    static func chooseStreet(_ streets: [Street]) -> ShellError {
        ShellError(
            L(
                "choose a street: this command works in one street of \(streets.map(\.name).joined(separator: ", "))",
                "请先选择街道：该命令只对一个街道操作（\(streets.map(\.name).joined(separator: "、"))）"),
            hint: L("set street NAME, or vigil --street NAME", "set street 街道名称，或 vigil --street 街道名称"))
    }

    static func noStreet(_ name: String, in directory: [Street]) -> ShellError {
        ShellError(
            L("no street \(name)", "没有街道 \(name)"),
            hint: directory.isEmpty
                ? L(
                    "this database keeps one street office and no streets (street add NAME --district D)",
                    "本数据库只有一个街道办事处，尚未登记街道（street add 名称 --district 区）")
                : L(
                    "streets: \(directory.map(\.name).joined(separator: ", "))",
                    "街道：\(directory.map(\.name).joined(separator: "、"))"))
    }

    static func noDistrict(_ name: String, in directory: [Street]) -> ShellError {
        let districts = Array(Set(directory.map(\.district))).sorted()
        return ShellError(
            L("no district \(name)", "没有区 \(name)"),
            hint: districts.isEmpty
                ? L(
                    "this database keeps one street office and no districts (street add NAME --district D)",
                    "本数据库只有一个街道办事处，尚未登记区（street add 名称 --district 区）")
                : L("districts: \(districts.joined(separator: ", "))", "区：\(districts.joined(separator: "、"))"))
    }
}
