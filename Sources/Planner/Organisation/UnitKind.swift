/// What kind of place a unit is; the rule catalogue's predicates read it.
public enum UnitKind: String, Sendable, Codable, CaseIterable {
    case primarySchool = "primary-school"
    case middleSchool = "middle-school"
    case kindergarten
    case enterprise
    case crowdedPlace = "crowded-place"
    case hazardous
    case government
    case residential
    case other

    /// A 生产经营单位 in the sense of the production-safety rules.
    public var isProductionUnit: Bool {
        self == .enterprise || self == .hazardous || self == .crowdedPlace
    }

    public var isSchool: Bool {
        self == .primarySchool || self == .middleSchool
    }
}

/// The level of an emergency plan (应急预案).
public enum PlanLevel: String, Sendable, Codable, CaseIterable {
    /// 综合应急预案
    case comprehensive
    /// 专项应急预案
    case special
    /// 现场处置方案
    case onsite
}
