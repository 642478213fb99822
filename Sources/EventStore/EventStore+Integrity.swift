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
    public var streamID: String
    public var streamVersion: Int
    public var position: Int64?

    public var description: String {
        let at =
            position.map { "event at position \($0) (\(streamID) #\(streamVersion))" }
            ?? "\(streamID) after #\(streamVersion)"
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
    }

    public var bound: Bound
    public var eventCount: Int64
    public var digest: String

    public var description: String {
        switch bound {
        case .position(let last): return "vigil-seal-v1:\(last):\(eventCount):\(digest)"
        case .horizon(let xid, let last): return "vigil-seal-v2:\(xid):\(last):\(eventCount):\(digest)"
        }
    }

    /// What the seal covers, in words.
    public var coverage: String {
        switch bound {
        case .position(let last): return "the log up to position \(last)"
        case .horizon(let xid, let last): return "the log below transaction \(xid), up to position \(last)"
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
    public func verify(limit: Int = 100) throws -> [IntegrityProblem] {
        try StoreError.translating {
            let rows = try connection.query(
                """
                WITH chain AS (
                    SELECT e.position, e.stream_id, e.stream_version, e.hash,
                           lag(e.hash) OVER w AS previous_hash,
                           lag(e.stream_version) OVER w AS previous_version,
                           lag(e.position) OVER w AS previous_position,
                           -- Each event by its own hash format (an unknown one matches nothing).
                           CASE e.hash_format WHEN 1 THEN
                           sha256(coalesce(lag(e.hash) OVER w, '\\x'::bytea) || convert_to(jsonb_build_array(
                               e.position, e.transaction_id::text, e.stream_id, e.stream_version,
                               e.event_id::text, e.event_type, e.schema_version, e.data, e.metadata,
                               to_char(e.recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')
                           )::text, 'UTF8')) END AS expected_hash
                      FROM vigil.events e
                    WINDOW w AS (PARTITION BY e.stream_id ORDER BY e.stream_version)
                ), problems AS (
                    SELECT position, stream_id, stream_version,
                           CASE WHEN stream_version <> coalesce(previous_version, 0) + 1 THEN 'missingBefore'
                                WHEN previous_position > position THEN 'reordered'
                                WHEN hash IS DISTINCT FROM expected_hash THEN 'altered'
                           END AS kind
                      FROM chain
                    UNION ALL
                    SELECT NULL, s.stream_id, coalesce(max(e.stream_version), 0), 'missingAtEnd'
                      FROM vigil.streams s LEFT JOIN vigil.events e USING (stream_id)
                     GROUP BY s.stream_id, s.version, s.head_hash
                    HAVING s.version > coalesce(max(e.stream_version), 0)
                    UNION ALL
                    SELECT NULL, s.stream_id, s.version, 'headMismatch'
                      FROM vigil.streams s
                      LEFT JOIN LATERAL (SELECT e.stream_version, e.hash FROM vigil.events e WHERE e.stream_id = s.stream_id
                                          ORDER BY e.stream_version DESC LIMIT 1) last ON true
                     WHERE (s.version < coalesce(last.stream_version, 0))
                        OR (s.version = last.stream_version AND s.head_hash <> last.hash)
                    UNION ALL
                    -- Every photo's bytes, from the chunks, against the SHA-256 and size the event names.
                    SELECT e.position, e.stream_id, e.stream_version, 'evidenceChanged'
                      FROM vigil.events e
                     CROSS JOIN LATERAL jsonb_array_elements(e.data->'photos') AS p
                      LEFT JOIN LATERAL (
                           SELECT encode(sha256(string_agg(c.bytes, ''::bytea ORDER BY c.n)), 'hex') AS actual,
                                  sum(octet_length(c.bytes)) AS size
                             FROM vigil.attachment_chunks c WHERE c.sha256 = p->>'sha256') x ON true
                     WHERE e.data ? 'photos'
                       AND (x.actual IS DISTINCT FROM p->>'sha256' OR x.size IS DISTINCT FROM (p->>'size')::numeric)
                )
                SELECT position, stream_id, stream_version, kind FROM problems
                 WHERE kind IS NOT NULL
                 ORDER BY position NULLS LAST, stream_id
                 LIMIT \(limit)
                """)
            return try rows.rows.map { row in
                IntegrityProblem(
                    kind: IntegrityProblem.Kind(rawValue: try row.decode("kind")) ?? .altered,
                    streamID: try row.decode("stream_id"),
                    streamVersion: try row.decode("stream_version"),
                    position: try row.decode("position", as: Int64?.self))
            }
        }
    }

    /// A digest of every event below this database's transaction horizon; it writes nothing.
    public func seal() throws -> Seal {
        try StoreError.translating {
            // The horizon first, the log in a later statement: that one sees every transaction
            // below the horizon as ended. The bound is then written in its smallest form (just
            // above the newest transaction it covers), so the same log always gives the same seal.
            let horizon = try horizon()
            let row = try connection.query(
                """
                SELECT coalesce(max(transaction_id)::text, '0') AS newest, coalesce(max(position), 0) AS last
                  FROM vigil.events WHERE transaction_id < \(String(horizon))::xid8
                """
            ).first
            guard let row, let newest = UInt64(try row.decode("newest", as: String.self)) else {
                throw PostgresError(kind: .client, message: "seal found no horizon")
            }
            return try seal(.horizon(xid: newest == 0 ? 0 : newest + 1, position: try row.decode("last")))
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
        let result =
            switch bound {
            case .position(let last): try connection.query("\(raw: digestOf) WHERE position <= \(last)")
            case .horizon(let xid, let last):
                try connection.query(
                    "\(raw: digestOf) WHERE transaction_id < \(String(xid))::xid8 AND position <= \(last)")
            }
        guard let row = result.first else { throw PostgresError(kind: .client, message: "seal returned no row") }
        return Seal(bound: bound, eventCount: try row.decode("events"), digest: try row.decode("digest"))
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
