/// An inspection of a unit on a date; the hazards found are findings of their own.
public struct Inspection: Aggregate, Equatable {
    public var code: String?
    public var unit = ""
    public var on = LocalDate(dayNumber: 0)

    public static let initial = Inspection(code: nil)

    public var exists: Bool { code != nil }

    public func evolve(_ event: Event) -> Inspection {
        guard case .inspectionRecorded(let e) = event else { return self }
        return Inspection(code: e.code, unit: e.unit, on: e.on)
    }

    /// `inspection record UNIT --on DATE [--inspector NAME] [--kind KIND]`
    public static func record(
        code: String, unitName: String, unit: Unit, on date: LocalDate, inspector: String?, kind: InspectionKind?,
        today: LocalDate
    ) throws -> [Event] {
        guard unit.exists else { throw DomainError("no unit \(unitName)", "没有名为 \(unitName) 的单位") }
        guard date <= today else { throw DomainError.future("the inspection", "检查", date, today: today) }
        if let closedOn = unit.closedOn, closedOn <= date {
            throw DomainError("unit \(unitName) was closed on \(closedOn)", "单位 \(unitName) 已于 \(closedOn) 关闭")
        }
        return [
            .inspectionRecorded(
                InspectionRecorded(code: code, unit: unitName, on: date, inspector: inspector, kind: kind))
        ]
    }
}
