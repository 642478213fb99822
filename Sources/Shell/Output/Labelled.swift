import Planner

/// A fixed word of the domain (a status, a severity, a rating): its English code in JSON, its
/// label in the user's language in tables and CSV.
protocol Labelled: RawRepresentable where RawValue == String {
    var label: L { get }
}

extension Value {
    /// A fixed word of the domain, labelled in the user's language.
    static func word(_ value: some Labelled) -> Value {
        .word(value.rawValue, value.label)
    }
}

extension Severity: Labelled {
    var label: L {
        switch self {
        case .general: return L("general", "一般")
        case .major: return L("major", "重大")
        }
    }
}

extension Finding.Status: Labelled {
    var label: L {
        switch self {
        case .open: return L("open", "未整改")
        case .rectified: return L("rectified", "已整改待复查")
        case .closed: return L("closed", "已销号")
        }
    }
}

extension Drill.Status: Labelled {
    var label: L {
        switch self {
        case .none: return L("none", "none")
        case .scheduled: return L("scheduled", "已安排")
        case .cancelled: return L("cancelled", "已取消")
        case .conducted: return L("conducted", "已举行")
        }
    }
}

extension DrillRating: Labelled {
    var label: L {
        switch self {
        case .good: return L("good", "好")
        case .adequate: return L("adequate", "一般")
        case .poor: return L("poor", "差")
        }
    }
}

extension PlanLevel: Labelled {
    var label: L {
        switch self {
        case .comprehensive: return L("comprehensive plan", "综合应急预案")
        case .special: return L("special plan", "专项应急预案")
        case .onsite: return L("on-site disposal plan", "现场处置方案")
        }
    }
}

extension DrillForm: Labelled {
    var label: L {
        switch self {
        case .tabletop: return L("tabletop", "桌面演练")
        case .live: return L("live", "实战演练")
        }
    }
}

extension DrillScope: Labelled {
    var label: L {
        switch self {
        case .single: return L("single", "单项演练")
        case .comprehensive: return L("comprehensive", "综合演练")
        }
    }
}

extension Indicator: Labelled {
    var label: L {
        switch self {
        case .drillsOnTime: return L("drills held on time", "演练按时完成率")
        case .campaignsKept: return L("campaigns kept", "宣传活动完成率")
        case .hazardsClosed: return L("hazards closed", "隐患销号率")
        case .hazardsOnTime: return L("hazards rectified on time", "隐患按期整改率")
        }
    }
}
