import EventStore
import Postgres

/// A street office (街道) in the database's directory.
public struct Street: Sendable, Equatable {
    /// The street's number: the key its records are kept under.
    public var id: Int
    public var name: String
    public var district: String
    /// 统计用区划代码, when given.
    public var code: String?
    /// True when the connected user may read the street's records.
    public var readable: Bool
}

/// A district (区) and how many streets of the directory belong to it.
public struct District: Sendable, Equatable {
    public var name: String
    public var code: String?
    public var streets: Int
}

extension PlannerStore {
    /// The named streets, in the order they were added. Empty in a database that never named one,
    /// which keeps its records as one street, as before streets existed. The streets the user may
    /// read are asked once, in a subquery, not once a street.
    public func streets() throws -> [Street] {
        try streets(where: "true")
    }

    /// The streets of one district, in the order they were added: a district's roll-up reads
    /// its fifteen streets, not a province's directory.
    public func streets(inDistrict district: String) throws -> [Street] {
        try streets(where: "d.name = \(district)")
    }

    /// The street of that name, if the directory has it.
    public func street(named name: String) throws -> Street? {
        try streets(where: "s.name = \(name)").first
    }

    private func streets(where condition: Query) throws -> [Street] {
        try StoreError.translating {
            try connection.query(
                """
                SELECT s.street, s.name, d.name AS district, s.code,
                       s.street = ANY ((SELECT vigil.readable_streets())::integer[]) AS readable
                  FROM vigil.streets s JOIN vigil.districts d USING (district)
                 WHERE \(condition)
                 ORDER BY s.street
                """
            ).rows.map { row in
                Street(
                    id: try row.decode("street"), name: try row.decode("name"), district: try row.decode("district"),
                    code: try row.decode("code", as: String?.self), readable: try row.decode("readable"))
            }
        }
    }

    /// The districts with their streets' count, in the order they were added.
    public func districts() throws -> [District] {
        try StoreError.translating {
            try connection.query(
                """
                SELECT d.name, d.code, count(s.street) AS streets
                  FROM vigil.districts d LEFT JOIN vigil.streets s USING (district)
                 GROUP BY d.district ORDER BY d.district
                """
            ).rows.map { row in
                District(
                    name: try row.decode("name"), code: try row.decode("code", as: String?.self),
                    streets: try row.decode("streets"))
            }
        }
    }

    /// Adds a street office and its district (when new); returns the street's number. The first
    /// street added takes over the records the database kept until then.
    @discardableResult
    public func addStreet(_ name: String, district: String, code: String?, districtCode: String?) throws -> Int {
        try StoreError.translating {
            let row = try connection.query(
                "SELECT vigil.street_add(\(name), \(district), \(code), \(districtCode)) AS street"
            ).first
            guard let street = try row?.decode("street", as: Int.self) else {
                throw PostgresError(kind: .client, message: "street_add returned no street")
            }
            return street
        }
    }

    /// Makes `street` the session's street (the key every report and write of this connection
    /// uses), or clears it with nil: a database with one street then uses that one.
    public func use(street: Int?) throws {
        try StoreError.translating {
            _ = try connection.query(
                "SELECT set_config('vigil.street', \(street.map(String.init) ?? ""), false)", prepared: true)
            working.id = street
        }
    }

    /// The session's street as a value a query carries: the one `use(street:)` set, else the
    /// database's answer (the only street, or the user's own; nil when there are several and
    /// none is chosen, and then a report finds no rows). Reports name it on every table they
    /// read (`planner.plans p … p.street = \(street)`): on Citus that routes the whole report
    /// to the one worker holding the street, and the database's rights still apply beneath.
    public func currentStreet() throws -> Int? {
        if let id = working.id { return id }
        return try StoreError.translating {
            try connection.query("SELECT vigil.current_street() AS street").first?.decode("street", as: Int?.self)
        }
    }

    /// The streets a report reads: a roll-up's while it runs, else the session's street (none
    /// when several are kept and none is chosen: the report then finds no rows).
    public func currentStreets() throws -> [Int] {
        if let streets = working.rollUp { return streets }
        return try currentStreet().map { [$0] } ?? []
    }

    /// True when the database is distributed by street on Citus (asked once a session). There a
    /// query of several streets' records spans workers and Citus cannot run a report's lateral
    /// joins across them: a district's roll-up asks each street in turn, each routed to its worker.
    public func isDistributed() throws -> Bool {
        if let distributed = working.distributed { return distributed }
        let distributed = try StoreError.translating { try Migrator.Cluster(connection).distributed }
        working.distributed = distributed
        return distributed
    }

    /// Runs `body` with the reports that read `currentStreets()` reading all of `streets` in one
    /// query each, every row naming its street: a district's roll-up asks the database once,
    /// not once a street.
    public func rollingUp<T>(_ streets: [Int], _ body: () throws -> T) throws -> T {
        let saved = working.rollUp
        working.rollUp = streets
        defer { working.rollUp = saved }
        return try body()
    }

    /// The seal of what the session's street's reports read: its log and the national records
    /// (holiday notices); in a database of several streets with none chosen, every street's.
    public func sealOfStreet() throws -> Seal {
        try StoreError.translating {
            let street = try connection.query("SELECT vigil.current_street() AS street").first?
                .decode("street", as: Int?.self)
            return try events.seal(streets: street.map { [0, $0] })
        }
    }

    /// The connected user's scope: their street, or their district (both nil for an admin, or a
    /// user given none).
    public func scope() throws -> (street: String?, district: String?) {
        try StoreError.translating {
            let row = try connection.query(
                """
                SELECT (SELECT s.name FROM vigil.streets s WHERE s.street = u.street) AS street,
                       (SELECT d.name FROM vigil.districts d WHERE d.district = u.district) AS district
                  FROM vigil.user_scopes u WHERE u.name = session_user::text
                """
            ).first
            return (try row?.decode("street", as: String?.self), try row?.decode("district", as: String?.self))
        }
    }

    /// Sets a user's scope here: one street, or one district (for a manager).
    public func setScope(of user: String, street: String?, district: String?) throws {
        try StoreError.translating {
            _ = try connection.query("SELECT vigil.user_scope(\(user), \(street), \(district))")
        }
    }
}
