/// One command of the shell: the single table from which parsing, help, completion and
/// permission checks are all derived.
struct CommandSpec: Sendable {
    enum Group: Int, CaseIterable, Sendable {
        case organisation, plansAndDrills, campaigns, inspections, budget, reports, session, admin

        var title: L {
            switch self {
            case .organisation: return L("Organisation", "组织机构")
            case .plansAndDrills: return L("Plans and drills", "预案与演练")
            case .campaigns: return L("Campaigns and holidays", "宣传活动与节假日")
            case .inspections: return L("Inspections and hazards", "检查与隐患")
            case .budget: return L("Budget and targets", "预算与目标")
            case .reports: return L("Reports", "报表")
            case .session: return L("Session", "会话")
            case .admin: return L("Users and the log", "用户与日志")
            }
        }
    }

    /// The command words, e.g. `["drill", "record"]`.
    var path: [String]
    /// Chinese aliases of the command words, e.g. `["演练", "登记"]`.
    var aliases: [[String]] = []
    var group: Group
    /// The syntax after the command words, e.g. `D-n --on DATE [--participants N]`.
    var syntax: String
    var summary: L
    var details: L?
    var example: String
    var positionals: [String] = []
    var flags: [FlagSpec] = []
    /// Roles that may run it; nil means everyone (reports). Admins may run everything.
    var roles: Set<Role>?
    /// Which streets it works in, when it is not what its group and roles imply (`scope`).
    var streets: StreetScope?

    var name: String { path.joined(separator: " ") }

    /// Which streets it works in: the session's settings, users and the log are national;
    /// what everyone may run reads each street in view; the rest writes one street.
    var scope: StreetScope {
        if let streets { return streets }
        switch group {
        case .session, .admin: return .national
        default: return roles == nil ? .each : .one
        }
    }
}

/// Which streets' records a command concerns (DESIGN.md, "Streets and districts").
enum StreetScope: Sendable {
    /// National data or the session itself: no street needed.
    case national
    /// A report: with several streets in view and none chosen, it answers for each, with a
    /// street column.
    case each
    /// Writes (or prints a document of) one street: refused until a street is chosen when
    /// several are in view.
    case one
}
