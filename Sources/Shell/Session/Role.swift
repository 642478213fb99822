import Postgres

/// The Vigil roles a person can hold; a PostgreSQL superuser counts as admin.
public enum Role: String, Sendable, CaseIterable, Comparable {
    case admin, supervisor, inspector, manager

    public var databaseRole: String { "vigil_" + rawValue }

    public static func < (lhs: Role, rhs: Role) -> Bool {
        allCases.firstIndex(of: lhs) ?? 0 < allCases.firstIndex(of: rhs) ?? 0
    }

    /// The roles of the connected user, as the database sees them.
    static func of(_ connection: Connection) throws -> Set<Role> {
        let row = try connection.query(
            """
            SELECT coalesce((SELECT rolsuper FROM pg_roles WHERE rolname = session_user), false) AS superuser,
                   ARRAY(SELECT r.rolname::text FROM pg_roles r
                          WHERE r.rolname LIKE 'vigil\\_%' AND pg_has_role(session_user, r.oid, 'MEMBER')) AS roles
            """
        ).first
        guard let row else { return [] }
        if try row.decode("superuser", as: Bool.self) { return [.admin] }
        let names = try row.decode("roles", as: String.self).trimmingCharacters(in: ["{", "}"]).split(separator: ",")
        return Set(names.compactMap { Role(rawValue: String($0).replacingPrefix("vigil_", with: "")) })
    }
}

extension String {
    func trimmingCharacters(in set: Set<Character>) -> String {
        String(drop { set.contains($0) }.reversed().drop { set.contains($0) }.reversed())
    }
}
