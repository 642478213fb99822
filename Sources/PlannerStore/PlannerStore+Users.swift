import EventStore
import Postgres

/// A person who can log in, and the Vigil roles the database grants them.
public struct UserSummary: Sendable, Equatable {
    public var name: String
    public var superuser: Bool
    /// Role names without their `vigil_` prefix, e.g. `inspector`.
    public var roles: [String]
    /// True when `user disable` ended the login's rights here (it then has no roles).
    public var disabled: Bool
    /// The street whose records the user's rights cover (nil for an admin, a district's manager,
    /// or a user the database gave no street).
    public var street: String?
    /// The district whose streets a manager reads.
    public var district: String?
}

extension PlannerStore {
    /// Adds a login with a role (`vigil.user_add`); false when the login existed and was only
    /// granted the role. The password is hashed here, with the algorithm the server asks for,
    /// so the clear text never reaches the server, nor its log if creating the role fails.
    public func addUser(_ name: String, role: String, password: String?) throws -> Bool {
        try StoreError.translating {
            let hashed = try password.map { try connection.encryptPassword($0, user: name) }
            let row = try connection.query("SELECT vigil.user_add(\(name), \(role), \(hashed)) AS created").first
            return try row?.decode("created", as: Bool.self) ?? true
        }
    }

    /// Grants a role to a user, or revokes it.
    public func setRole(_ role: String, of name: String, granted: Bool) throws {
        try StoreError.translating {
            try connection.query("SELECT vigil.user_grant(\(name), \(role), \(granted)::boolean)")
        }
    }

    /// Ends a login's rights here (`vigil.user_disable`): it loses every Vigil role of this
    /// database, and with them CONNECT; its records keep its name.
    public func disableUser(_ name: String) throws {
        try StoreError.translating {
            try connection.query("SELECT vigil.user_disable(\(name))")
        }
    }

    /// Every user and their roles, by name.
    public func users() throws -> [UserSummary] {
        try StoreError.translating {
            try connection.query(
                """
                SELECT u.name, u.superuser, array_to_string(u.roles, ',') AS roles, u.disabled,
                       (SELECT s.name FROM vigil.streets s WHERE s.street = c.street) AS street,
                       (SELECT d.name FROM vigil.districts d WHERE d.district = c.district) AS district
                  FROM vigil.users u LEFT JOIN vigil.user_scopes c ON c.name = u.name
                 ORDER BY u.name
                """
            ).rows.map { row in
                UserSummary(
                    name: try row.decode("name"), superuser: try row.decode("superuser"),
                    roles: try row.decode("roles", as: String.self).split(separator: ",").map(String.init),
                    disabled: try row.decode("disabled"), street: try row.decode("street", as: String?.self),
                    district: try row.decode("district", as: String?.self))
            }
        }
    }

    /// The Vigil roles of the connected user, as the database sees them (a superuser is admin).
    public func sessionRoles() throws -> [String] {
        try StoreError.translating {
            let row = try connection.query("SELECT array_to_string(vigil.session_roles(), ',') AS roles").first
            guard let names = try row?.decode("roles", as: String?.self) else { return [] }
            return names.split(separator: ",").map(String.init)
        }
    }

    /// The kinds of stream the connected user may record to, as the database decides it (national
    /// ones, holiday notices, only where the user may write the national records).
    public func recordableStreamKinds() throws -> [String] {
        try StoreError.translating {
            try connection.query(
                """
                SELECT DISTINCT t.stream_kind FROM vigil.event_types t
                  JOIN vigil.stream_kinds k ON k.kind = t.stream_kind
                 WHERE (vigil.has_role('admin') OR t.roles && vigil.session_roles())
                   AND (NOT k.national OR 0 = ANY (vigil.writable_streets()))
                 ORDER BY 1
                """
            ).rows.map { try $0.decode("stream_kind", as: String.self) }
        }
    }
}
