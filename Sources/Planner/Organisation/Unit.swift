/// A unit (单位) in a community: a school, kindergarten, enterprise, crowded place…
public struct Unit: Aggregate, Equatable {
    public var name: String?
    public var community: String = ""
    public var kind: UnitKind = .other
    public var keyFireUnit = false
    public var closedOn: LocalDate?

    public static let initial = Unit(name: nil)

    public var exists: Bool { name != nil }

    /// True when the unit is closed on or before the date.
    public func isClosed(on date: LocalDate) -> Bool {
        closedOn.map { $0 <= date } ?? false
    }

    public func evolve(_ event: Event) -> Unit {
        var next = self
        switch event {
        case .unitAdded(let e):
            (next.name, next.community, next.kind, next.keyFireUnit) = (e.name, e.community, e.kind, e.keyFireUnit)
        case .unitReclassified(let e):
            next.kind = e.kind ?? kind
            next.keyFireUnit = e.keyFireUnit ?? keyFireUnit
        case .unitClosed(let e):
            next.closedOn = e.on
        case .unitMoved(let e):
            next.community = e.community
        default:
            break
        }
        return next
    }

    /// `unit add NAME --community C --kind KIND [--key-fire-unit]`
    public static func add(
        name: String, community: Community, communityName: String, kind: UnitKind, keyFireUnit: Bool, state: Unit
    ) throws -> [Event] {
        try DomainError.checkName(name, "unit", "单位")
        guard !state.exists else { throw DomainError("unit \(name) already exists", "单位 \(name) 已存在") }
        guard community.exists else {
            throw DomainError("no community \(communityName)", "没有名为 \(communityName) 的社区")
        }
        return [.unitAdded(UnitAdded(name: name, community: communityName, kind: kind, keyFireUnit: keyFireUnit))]
    }

    /// `unit reclassify NAME [--kind KIND] [--key-fire-unit yes|no]`
    public static func reclassify(kind: UnitKind?, keyFireUnit: Bool?, state: Unit) throws -> [Event] {
        let name = try state.existing()
        guard kind != nil || keyFireUnit != nil else {
            throw DomainError(
                "nothing to change: give --kind or --key-fire-unit", "没有要修改的内容：请给出 --kind 或 --key-fire-unit")
        }
        guard state.closedOn == nil else {
            throw DomainError("unit \(name) is closed", "单位 \(name) 已关闭")
        }
        if kind == nil || kind == state.kind, keyFireUnit == nil || keyFireUnit == state.keyFireUnit {
            throw DomainError(
                "unit \(name) already has that classification", "单位 \(name) 的分类已经如此")
        }
        return [.unitReclassified(UnitReclassified(kind: kind, keyFireUnit: keyFireUnit))]
    }

    /// `unit close NAME --on DATE`
    public static func close(on date: LocalDate, today: LocalDate, state: Unit) throws -> [Event] {
        let name = try state.existing()
        if let closedOn = state.closedOn {
            throw DomainError("unit \(name) was already closed on \(closedOn)", "单位 \(name) 已于 \(closedOn) 关闭")
        }
        guard date <= today else { throw DomainError.future("the closure", "关闭", date, today: today) }
        return [.unitClosed(UnitClosed(on: date))]
    }

    /// `unit move NAME --community C --reason TEXT`: a unit filed under the wrong community is
    /// moved to a community that exists (as `unit add` requires), other than its own.
    public static func move(to community: Community, communityName: String, reason: String, state: Unit) throws
        -> [Event]
    {
        let name = try state.existing()
        guard community.exists else {
            throw DomainError("no community \(communityName)", "没有名为 \(communityName) 的社区")
        }
        guard communityName != state.community else {
            throw DomainError("unit \(name) is already in \(communityName)", "单位 \(name) 已属于 \(communityName)")
        }
        guard !reason.isEmpty else { throw DomainError("a correction needs a reason", "更正需要说明原因") }
        return [.unitMoved(UnitMoved(community: communityName, reason: reason))]
    }

    func existing() throws -> String {
        guard let name else { throw DomainError("no such unit", "没有这个单位") }
        return name
    }
}
