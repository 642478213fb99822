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
        }
    }
}

/// A digest of the whole log up to a position, to be written down outside the database.
public struct Seal: Sendable, Equatable, CustomStringConvertible {
    public var lastPosition: Int64
    public var eventCount: Int64
    public var digest: String

    static let prefix = "vigil-seal-v1"

    public var description: String {
        "\(Seal.prefix):\(lastPosition):\(eventCount):\(digest)"
    }

    /// Parses the text `seal` printed; nil when it is not a seal.
    public init?(_ text: String) {
        let parts = text.trimmingWhitespace().split(separator: ":")
        guard parts.count == 4, parts[0] == Seal.prefix, let last = Int64(parts[1]),
            let count = Int64(parts[2]), parts[3].count == 64,
            parts[3].allSatisfy({ $0.isHexDigit && !$0.isUppercase })
        else { return nil }
        self.init(lastPosition: last, eventCount: count, digest: String(parts[3]))
    }

    init(lastPosition: Int64, eventCount: Int64, digest: String) {
        self.lastPosition = lastPosition
        self.eventCount = eventCount
        self.digest = digest
    }
}

extension EventStore {
    /// Recomputes every stream's hash chain; returns the problems in log order (empty when sound).
    ///
    /// The canonical form is written out here rather than calling the database's own function,
    /// so a function replaced behind the application's back cannot vouch for itself.
    public func verify(limit: Int = 100) throws -> [IntegrityProblem] {
        let rows = try connection.query(
            """
            WITH chain AS (
                SELECT e.position, e.stream_id, e.stream_version, e.hash,
                       lag(e.hash) OVER w AS previous_hash,
                       lag(e.stream_version) OVER w AS previous_version,
                       lag(e.position) OVER w AS previous_position,
                       sha256(coalesce(lag(e.hash) OVER w, '\\x'::bytea) || convert_to(jsonb_build_array(
                           e.position, e.transaction_id::text, e.stream_id, e.stream_version,
                           e.event_id::text, e.event_type, e.schema_version, e.data, e.metadata,
                           to_char(e.recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')
                       )::text, 'UTF8')) AS expected_hash
                  FROM vigil.events e
                WINDOW w AS (PARTITION BY e.stream_id ORDER BY e.stream_version)
            ), problems AS (
                SELECT position, stream_id, stream_version,
                       CASE WHEN stream_version <> coalesce(previous_version, 0) + 1 THEN 'missingBefore'
                            WHEN previous_position > position THEN 'reordered'
                            WHEN hash <> expected_hash THEN 'altered'
                       END AS kind
                  FROM chain
                UNION ALL
                SELECT NULL, s.stream_id, coalesce(max(e.stream_version), 0), 'missingAtEnd'
                  FROM vigil.streams s LEFT JOIN vigil.events e USING (stream_id)
                 GROUP BY s.stream_id, s.version, s.head_hash
                HAVING s.version <> coalesce(max(e.stream_version), 0)
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

    /// A digest of every event's hash in log order; it writes nothing.
    public func seal() throws -> Seal {
        try seal(upTo: nil)
    }

    /// True when the log up to the seal's last position still gives the sealed digest.
    public func matches(_ seal: Seal) throws -> Bool {
        try self.seal(upTo: seal.lastPosition) == seal
    }

    private func seal(upTo last: Int64?) throws -> Seal {
        let bound = last ?? Int64.max
        let row = try connection.query(
            """
            SELECT coalesce(max(position), \(last ?? 0)) AS last_position, count(*) AS events,
                   encode(sha256(coalesce(string_agg(hash, ''::bytea ORDER BY position), ''::bytea)), 'hex') AS digest
              FROM vigil.events WHERE position <= \(bound)
            """
        ).first
        guard let row else { throw PostgresError(kind: .client, message: "seal returned no row") }
        let lastPosition: Int64 = try last ?? row.decode("last_position")
        return Seal(
            lastPosition: lastPosition,
            eventCount: try row.decode("events"),
            digest: try row.decode("digest"))
    }
}

extension String {
    func trimmingWhitespace() -> Substring {
        let start = firstIndex { !$0.isWhitespace } ?? endIndex
        let end = lastIndex { !$0.isWhitespace }.map { index(after: $0) } ?? start
        return self[start..<max(start, end)]
    }
}
