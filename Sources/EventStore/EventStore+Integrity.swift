import Postgres

/// What `verify` found wrong with one event.
public struct IntegrityProblem: Sendable, Equatable, CustomStringConvertible {
    public enum Kind: String, Sendable {
        /// The stored fields no longer give the stored hash: changed, or forged without the chain.
        case altered
        /// The stream skips a version here: an event before this one was removed.
        case missingBefore
        /// The stream's head says it has more events than the log holds: its last ones were removed.
        case missingAtEnd
        /// The event sits out of order in its stream.
        case reordered
        /// The stream's head (its version and last hash) does not match its last event.
        case headMismatch
        /// A photo or document the event carries no longer has the bytes its SHA-256 names.
        case evidenceChanged
    }

    public var kind: Kind
    /// The street's name, nil for the national records and for a database without streets.
    public var street: String?
    public var streamID: String
    public var streamVersion: Int
    public var position: Int64?

    public var description: String {
        let place =
            position.map { "event at position \($0) (\(streamID) #\(streamVersion))" }
            ?? "\(streamID) after #\(streamVersion)"
        let at = street.map { "\($0): " + place } ?? place
        switch kind {
        case .altered: return "\(at) was altered or forged: its hash does not match its contents and chain"
        case .missingBefore: return "\(at): the event before it was removed"
        case .missingAtEnd: return "\(at): events at the end of the stream were removed"
        case .reordered: return "\(at) is out of order in its stream"
        case .headMismatch: return "\(at): the stream's head does not match its last event; it was changed"
        case .evidenceChanged:
            return "\(at) carries a photo or document whose stored bytes were changed or removed"
        }
    }
}

/// A digest of the committed log, to be written down outside the database.
///
/// Format 3 (`vigil-seal-v3:STREET.POSITION,…:COUNT:DIGEST`) covers each street's log up to the
/// position given for it, in (street, position) order: one street with `--street`, else every
/// street the user may read, the national records (street 0) included. A street's writers queue
/// on its row, so a street's committed log is always a prefix of it: no horizon is needed, and
/// what a restored copy appends later lies beyond the positions. Formats 1 and 2 (below), written
/// before streets, cover the events hashed in format 1 and are still checked.
///
/// Format 2 (`vigil-seal-v2:HORIZON:POSITION:COUNT:DIGEST`) covers every event whose
/// transaction is older than the transaction horizon when it was taken, up to the last such
/// position: that set is final (no transaction below the horizon is still running), so a write
/// in flight can never turn into a false alarm, and the position bound keeps out what a
/// restored copy appends later under transaction ids of its own. Format 1 (`vigil-seal-v1:POSITION:COUNT:DIGEST`, positions up to POSITION) is still
/// read and checked, so a seal written on paper stays checkable.
public struct Seal: Sendable, Equatable, CustomStringConvertible {
    public enum Bound: Sendable, Equatable {
        /// Format 1: the events up to this position.
        case position(Int64)
        /// Format 2: the events of transactions older than `xid`, up to `position`.
        case horizon(xid: UInt64, position: Int64)
        /// Format 3: each street's events up to its position.
        case streets([StreetPosition])
    }

    /// A street's number and the last position a seal covers in it.
    public struct StreetPosition: Sendable, Equatable {
        public var street: Int
        public var position: Int64
    }

    public var bound: Bound
    public var eventCount: Int64
    public var digest: String

    public var description: String {
        switch bound {
        case .position(let last): return "vigil-seal-v1:\(last):\(eventCount):\(digest)"
        case .horizon(let xid, let last): return "vigil-seal-v2:\(xid):\(last):\(eventCount):\(digest)"
        case .streets(let bounds): return "vigil-seal-v3:\(Seal.text(bounds)):\(eventCount):\(digest)"
        }
    }

    /// `0.12,1.896`, or `-` for an empty log.
    private static func text(_ bounds: [StreetPosition]) -> String {
        bounds.isEmpty ? "-" : bounds.map { "\($0.street).\($0.position)" }.joined(separator: ",")
    }

    /// What the seal covers, in words, each street by the name `names` gives it (street 0: the
    /// national records; a street without a name: the log).
    public func coverage(naming names: [Int: String] = [:]) -> String {
        switch bound {
        case .position(let last): return "the log up to position \(last)"
        case .horizon(let xid, let last): return "the log below transaction \(xid), up to position \(last)"
        case .streets(let bounds):
            let parts = bounds.map { bound in
                bound.street == 0
                    ? "the national records up to \(bound.position)"
                    : "\(names[bound.street] ?? "the log") up to \(bound.position)"
            }
            return parts.isEmpty ? "an empty log" : parts.joined(separator: ", ")
        }
    }

    /// Parses the text `seal` printed; nil when it is not a seal.
    public init?(_ text: String) {
        let parts = text.trimmingWhitespace().split(separator: ":")
        guard let hex = parts.last, hex.count == 64, hex.allSatisfy({ $0.isHexDigit && !$0.isUppercase }) else {
            return nil
        }
        switch (parts.first, parts.count) {
        case ("vigil-seal-v1", 4):
            guard let last = Int64(parts[1]), let count = Int64(parts[2]) else { return nil }
            bound = .position(last)
            eventCount = count
        case ("vigil-seal-v2", 5):
            guard let xid = UInt64(parts[1]), let last = Int64(parts[2]), let count = Int64(parts[3]) else {
                return nil
            }
            bound = .horizon(xid: xid, position: last)
            eventCount = count
        case ("vigil-seal-v3", 4):
            guard let count = Int64(parts[2]) else { return nil }
            var bounds: [StreetPosition] = []
            if parts[1] != "-" {
                for pair in parts[1].split(separator: ",", omittingEmptySubsequences: false) {
                    let numbers = pair.split(separator: ".", omittingEmptySubsequences: false)
                    guard numbers.count == 2, let street = Int(numbers[0]), let position = Int64(numbers[1]),
                        street >= 0, position >= 0, bounds.last.map({ $0.street < street }) ?? true
                    else { return nil }
                    bounds.append(StreetPosition(street: street, position: position))
                }
            }
            bound = .streets(bounds)
            eventCount = count
        default: return nil
        }
        digest = String(hex)
    }

    init(bound: Bound, eventCount: Int64, digest: String) {
        (self.bound, self.eventCount, self.digest) = (bound, eventCount, digest)
    }
}

extension EventStore {
    /// Recomputes every stream's hash chain; returns the problems in log order (empty when sound).
    ///
    /// The canonical form is written out here rather than calling the database's own function,
    /// so a function replaced behind the application's back cannot vouch for itself.
    /// `streets` limits it to some streets' logs (their numbers); nil checks
    /// every street the user may read.
    ///
    /// Each street is checked by a query of its own that names it as a value: on Citus the
    /// whole check of a street runs on the one worker holding it.
    public func verify(streets: [Int]? = nil, limit: Int = 100) throws -> [IntegrityProblem] {
        try StoreError.translating {
            let targets = try streets ?? readableStreets()
            var problems: [IntegrityProblem] = []
            for street in targets.sorted() where problems.count < limit {
                problems += try verify(street: street, limit: limit - problems.count)
            }
            return problems
        }
    }

    /// The streets the user may read, the national records (0) among them, asked before a
    /// query names them as values (on Citus a function of the session cannot be asked on the
    /// workers).
    private func readableStreets() throws -> [Int] {
        try connection.query("SELECT unnest(vigil.readable_streets()) AS street").rows.map {
            try $0.decode("street", as: Int.self)
        }
    }

    /// The problems of one street's log, in log order.
    private func verify(street: Int, limit: Int) throws -> [IntegrityProblem] {
        try StoreError.translating {
            let rows = try connection.query(
                """
                WITH chain AS (
                    SELECT e.street, e.position, e.stream_id, e.stream_version, e.hash,
                           lag(e.hash) OVER w AS previous_hash,
                           lag(e.stream_version) OVER w AS previous_version,
                           lag(e.position) OVER w AS previous_position,
                           -- Each event by its own hash format (an unknown one matches nothing).
                           CASE e.hash_format WHEN 1 THEN
                           sha256(coalesce(lag(e.hash) OVER w, '\\x'::bytea) || convert_to(jsonb_build_array(
                               e.position, e.transaction_id::text, e.stream_id, e.stream_version,
                               e.event_id::text, e.event_type, e.schema_version, e.data, e.metadata,
                               to_char(e.recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')
                           )::text, 'UTF8'))
                           -- Format 2: format 1's fields with the street first.
                           WHEN 2 THEN
                           sha256(coalesce(lag(e.hash) OVER w, '\\x'::bytea) || convert_to(jsonb_build_array(
                               e.street, e.position, e.transaction_id::text, e.stream_id, e.stream_version,
                               e.event_id::text, e.event_type, e.schema_version, e.data, e.metadata,
                               to_char(e.recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')
                           )::text, 'UTF8')) END AS expected_hash
                      FROM vigil.events e
                     WHERE e.street = \(street)
                    WINDOW w AS (PARTITION BY e.street, e.stream_id ORDER BY e.stream_version)
                ), heads AS (
                    SELECT * FROM vigil.streams s WHERE s.street = \(street)
                ), problems AS (
                    SELECT street, position, stream_id, stream_version,
                           CASE WHEN stream_version <> coalesce(previous_version, 0) + 1 THEN 'missingBefore'
                                WHEN previous_position > position THEN 'reordered'
                                WHEN hash IS DISTINCT FROM expected_hash THEN 'altered'
                           END AS kind
                      FROM chain
                    UNION ALL
                    SELECT s.street, NULL, s.stream_id, coalesce(max(e.stream_version), 0), 'missingAtEnd'
                      FROM heads s LEFT JOIN vigil.events e ON e.street = \(street) AND e.stream_id = s.stream_id
                     GROUP BY s.street, s.stream_id, s.version, s.head_hash
                    HAVING s.version > coalesce(max(e.stream_version), 0)
                    UNION ALL
                    SELECT s.street, NULL, s.stream_id, s.version, 'headMismatch'
                      FROM heads s
                      LEFT JOIN LATERAL (SELECT e.stream_version, e.hash FROM vigil.events e
                                          WHERE e.street = \(street) AND e.stream_id = s.stream_id
                                          ORDER BY e.stream_version DESC LIMIT 1) last ON true
                     WHERE (s.version < coalesce(last.stream_version, 0))
                        OR (s.version = last.stream_version AND s.head_hash <> last.hash)
                    UNION ALL
                    -- Every photo's bytes, from the chunks, against the SHA-256 and size the event names.
                    SELECT e.street, e.position, e.stream_id, e.stream_version, 'evidenceChanged'
                      FROM vigil.events e
                     CROSS JOIN LATERAL jsonb_array_elements(e.data->'photos') AS p
                      LEFT JOIN LATERAL (
                           SELECT encode(sha256(string_agg(c.bytes, ''::bytea ORDER BY c.n)), 'hex') AS actual,
                                  sum(octet_length(c.bytes)) AS size
                             FROM vigil.attachment_chunks c WHERE c.street = \(street) AND c.sha256 = p->>'sha256') x ON true
                     WHERE e.data ? 'photos' AND e.street = \(street)
                       AND (x.actual IS DISTINCT FROM p->>'sha256' OR x.size IS DISTINCT FROM (p->>'size')::numeric)
                )
                SELECT s.name AS street_name, p.position, p.stream_id, p.stream_version, p.kind
                  FROM problems p JOIN vigil.streets s ON s.street = p.street
                 WHERE p.kind IS NOT NULL
                 ORDER BY p.street, p.position NULLS LAST, p.stream_id
                 LIMIT \(limit)
                """)
            return try rows.rows.map { row in
                IntegrityProblem(
                    kind: IntegrityProblem.Kind(rawValue: try row.decode("kind")) ?? .altered,
                    street: try row.decode("street_name", as: String?.self),
                    streamID: try row.decode("stream_id"),
                    streamVersion: try row.decode("stream_version"),
                    position: try row.decode("position", as: Int64?.self))
            }
        }
    }

    /// A digest of the committed log of some streets (their numbers), or of every street the
    /// user may read; it writes nothing. Each street's bound is its last committed position, so
    /// the same log always gives the same seal.
    public func seal(streets: [Int]? = nil) throws -> Seal {
        try StoreError.translating {
            let readable = try readableStreets()
            let rows = try connection.query(
                """
                SELECT s.street, s.last_position FROM vigil.street_logs s
                 WHERE s.last_position > 0 AND s.street = ANY (\(streets.map { $0.filter(readable.contains) } ?? readable)::integer[])
                 ORDER BY s.street
                """)
            let bounds = try rows.rows.map {
                Seal.StreetPosition(street: try $0.decode("street"), position: try $0.decode("last_position"))
            }
            return try seal(.streets(bounds))
        }
    }

    /// True when the log still gives the sealed digest over what the seal covers.
    public func matches(_ seal: Seal) throws -> Bool {
        try StoreError.translating {
            try self.seal(seal.bound) == seal
        }
    }

    private func seal(_ bound: Seal.Bound) throws -> Seal {
        let digestOf = """
            SELECT count(*) AS events,
                   encode(sha256(coalesce(string_agg(hash, ''::bytea ORDER BY position), ''::bytea)), 'hex') AS digest
              FROM vigil.events
            """
        // Formats 1 and 2 were written before streets, when every event was hashed in format 1
        // and positions were one sequence.
        let result =
            switch bound {
            case .position(let last):
                try connection.query("\(raw: digestOf) WHERE hash_format = 1 AND position <= \(last)")
            case .horizon(let xid, let last):
                try connection.query(
                    """
                    \(raw: digestOf) WHERE hash_format = 1 AND transaction_id < \(String(xid))::xid8
                       AND position <= \(last)
                    """)
            case .streets(let bounds):
                try connection.query(
                    """
                    SELECT count(*) AS events,
                           encode(sha256(coalesce(string_agg(x.hash, ''::bytea ORDER BY x.street, x.position),
                                                  ''::bytea)), 'hex') AS digest
                      FROM (\(EventStore.hashes(bounds))) AS x
                    """)
            }
        guard let row = result.first else { throw PostgresError(kind: .client, message: "seal returned no row") }
        return Seal(bound: bound, eventCount: try row.decode("events"), digest: try row.decode("digest"))
    }

    /// The hashes a format-3 seal covers: a part for each street, which names the street as a
    /// value, so that on Citus each part is answered by the one worker holding its street.
    private static func hashes(_ bounds: [Seal.StreetPosition]) -> Query {
        guard !bounds.isEmpty else {
            return "SELECT NULL::integer AS street, NULL::bigint AS position, NULL::bytea AS hash WHERE false"
        }
        return Query.joined(
            bounds.map { bound in
                """
                SELECT e.street, e.position, e.hash FROM vigil.events e
                 WHERE e.street = \(bound.street) AND e.position <= \(bound.position)
                """
            }, separator: " UNION ALL ")
    }

    /// This database's transaction horizon (`vigil.log_horizon()`): every transaction below it
    /// that wrote here has ended, so the events below it are final. Read the log in a later
    /// statement, which sees every one of them.
    public func horizon() throws -> UInt64 {
        try StoreError.translating {
            let row = try connection.query("SELECT vigil.log_horizon()::text AS xmin").first
            guard let text = try row?.decode("xmin", as: String.self), let xid = UInt64(text) else {
                throw PostgresError(kind: .client, message: "no transaction horizon")
            }
            return xid
        }
    }
}

extension String {
    func trimmingWhitespace() -> Substring {
        let start = firstIndex { !$0.isWhitespace } ?? endIndex
        let end = lastIndex { !$0.isWhitespace }.map { index(after: $0) } ?? start
        return self[start..<max(start, end)]
    }
}
