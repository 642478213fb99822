import PlannerStore

/// The Vigil roles a person can hold; a PostgreSQL superuser counts as admin.
public enum Role: String, Sendable, CaseIterable, Comparable {
    case admin, supervisor, inspector, manager

    public static func < (lhs: Role, rhs: Role) -> Bool {
        allCases.firstIndex(of: lhs) ?? 0 < allCases.firstIndex(of: rhs) ?? 0
    }

    /// The roles of the connected user in this database, as the database sees them.
    static func of(_ store: PlannerStore) -> Set<Role> {
        guard let names = try? store.sessionRoles() else { return [] }
        return Set(names.compactMap(Role.init(rawValue:)))
    }
}

extension String {
    func trimmingCharacters(in set: Set<Character>) -> String {
        String(drop { set.contains($0) }.reversed().drop { set.contains($0) }.reversed())
    }
}
