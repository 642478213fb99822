import CLibPQ

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One libpq connection, used by one task at a time.
///
/// The type is deliberately not `Sendable`: Swift's checker keeps it inside the task that
/// opened it, which is libpq's own rule for a `PGconn`.
public final class Connection {
    private let handle: OpaquePointer

    /// Opens a connection from a libpq conninfo string or URI.
    ///
    /// The session is put in UTC with ISO dates and UTF-8, so text values read back the same
    /// whatever the server's defaults are. With `searchPath`, the session's search path is
    /// pinned as the connection starts (and again on every reset), whatever the server or the
    /// role's own settings say. JIT compilation is off: Vigil's statements are short, and the
    /// compiling alone cost `drills overdue` 720 ms against 3.7 ms without it, measured with
    /// EXPLAIN ANALYZE on a street of 40,000 events (`make bench`'s city, one street).
    public init(conninfo: String, searchPath: String? = nil) throws {
        var options = "-c TimeZone=UTC -c DateStyle=ISO,YMD -c jit=off"
        if let searchPath { options += " -c search_path=" + searchPath.filter { $0 != " " } }
        // expand_dbname: the conninfo (or URI) is read first, then the later keywords win.
        let keywords = ["dbname", "options", "client_encoding"]
        let values = [conninfo, options, "UTF8"]
        let connected = withArrayOfCStrings(keywords) { keys in
            withArrayOfCStrings(values) { vals in PQconnectdbParams(keys, vals, 1) }
        }
        guard let handle = connected else {
            throw PostgresError(kind: .connection, message: "out of memory while connecting")
        }
        guard PQstatus(handle) == CONNECTION_OK else {
            let message = Connection.firstLine(String(cString: PQerrorMessage(handle)))
            PQfinish(handle)
            throw PostgresError(kind: .connection, message: message)
        }
        self.handle = handle
        PQsetNoticeProcessor(handle, { _, _ in }, nil)
    }

    deinit {
        PQfinish(handle)
    }

    /// Gives the libpq calls of this module's extensions the raw connection.
    func withHandle<R>(_ body: (OpaquePointer) throws -> R) rethrows -> R {
        try body(handle)
    }

    /// The role the server authenticated (`session_user`), as libpq knows it.
    public var user: String { String(cString: PQuser(handle)) }

    /// The database name.
    public var database: String { String(cString: PQdb(handle)) }

    /// True while the connection is usable.
    public var isOpen: Bool { PQstatus(handle) == CONNECTION_OK }

    /// Tries to re-establish a lost connection with the same parameters.
    public func reset() throws {
        preparedStatements = [:]
        seenOnce = []
        PQreset(handle)
        guard isOpen else {
            throw PostgresError(
                kind: .connection, message: Connection.firstLine(String(cString: PQerrorMessage(handle))))
        }
    }

    /// Runs one statement with its interpolated values bound as parameters.
    ///
    /// `prepared`: the statement is prepared on the session the second time its text runs, and run
    /// prepared from then on, so that the server may plan it once for the session instead of at
    /// every run (the first run goes unprepared: a program that runs one command, `vigil -c`, pays
    /// no extra round trip to prepare what it runs once). For the statements every command runs (a
    /// stream's events, the append) and reports that a district's roll-up runs once a street, which
    /// took as long to plan as to run. Not for every statement: a plan made for no values in
    /// particular can be much worse (a compliance query's joined its periods row by row, 6.7 ms
    /// against 0.35). A statement whose plan the server can no longer use (a migration changed its
    /// tables) runs unprepared when no transaction is open, and is prepared again the next time.
    @discardableResult
    public func query(_ query: Query, prepared: Bool = false) throws -> QueryResult {
        guard prepared, let name = try self.prepared(query.sql, parameters: query.parameters.count) else {
            return try unprepared(query)
        }
        let result = withParameters(query.parameters) { values, count in
            PQexecPrepared(handle, name, count, values, nil, nil, 0)
        }
        do {
            return try consume(result)
        } catch let error as PostgresError
            where Connection.planLost.contains(error.sqlState ?? "") && PQtransactionStatus(handle) == PQTRANS_IDLE
        {
            try? execute(script: "DEALLOCATE " + name)
            preparedStatements[query.sql] = nil
            return try unprepared(query)
        }
    }

    private func unprepared(_ query: Query) throws -> QueryResult {
        let result = withParameters(query.parameters) { values, count in
            PQexecParams(handle, query.sql, count, nil, values, nil, nil, 0)
        }
        return try consume(result)
    }

    /// The statements prepared on this session, by their text, and how many there may be: a
    /// program that writes statements without end runs the later ones unprepared. `seenOnce`:
    /// the texts run once so far, unprepared.
    private var preparedStatements: [String: String] = [:]
    private var preparedCount = 0
    private var seenOnce: Set<String> = []
    static let preparedLimit = 500
    /// "cached plan must not change result type", "prepared statement does not exist".
    static let planLost: Set<String> = ["0A000", "26000"]

    private func prepared(_ sql: String, parameters: Int) throws -> String? {
        if let name = preparedStatements[sql] { return name }
        guard preparedStatements.count < Connection.preparedLimit else { return nil }
        guard seenOnce.remove(sql) != nil else {
            // Bounded as the prepared ones are: texts without end are not remembered without end.
            if seenOnce.count < Connection.preparedLimit { seenOnce.insert(sql) }
            return nil
        }
        preparedCount += 1
        let name = "vigil_\(preparedCount)"
        _ = try consume(PQprepare(handle, name, sql, Int32(parameters), nil))
        preparedStatements[sql] = name
        return name
    }

    /// Runs a parameterless script of one or more statements (migrations, session settings).
    public func execute(script: String) throws {
        var result = PQexec(handle, script)
        while true {
            _ = try consume(result)
            result = PQgetResult(handle)
            if result == nil { break }
        }
    }

    /// A token another thread may use to cancel the statement running on this connection.
    public func cancelToken() -> CancelToken? {
        CancelToken(connection: handle)
    }

    /// Checks one result, copies it into Swift values and frees it.
    func consume(_ result: OpaquePointer?) throws -> QueryResult {
        guard let result else {
            throw connectionError()
        }
        defer { PQclear(result) }
        switch PQresultStatus(result) {
        case PGRES_TUPLES_OK, PGRES_COMMAND_OK, PGRES_EMPTY_QUERY, PGRES_COPY_IN, PGRES_COPY_OUT:
            return Connection.copy(result)
        default:
            throw error(from: result)
        }
    }

    func connectionError() -> PostgresError {
        let message = Connection.firstLine(String(cString: PQerrorMessage(handle)))
        return PostgresError(kind: isOpen ? .client : .connection, message: message)
    }

    func error(from result: OpaquePointer) -> PostgresError {
        func field(_ code: Int32) -> String? {
            guard let value = PQresultErrorField(result, code) else { return nil }
            return String(cString: value)
        }
        let state = field(vigil_pg_diag_sqlstate())
        let primary =
            field(vigil_pg_diag_message_primary())
            ?? Connection.firstLine(String(cString: PQresultErrorMessage(result)))
        let lost = !isOpen || state?.hasPrefix("08") == true || state == PostgresError.State.adminShutdown
        return PostgresError(
            kind: lost ? .connection : (state == nil ? .client : .server),
            sqlState: state,
            message: primary.isEmpty ? "the server closed the connection" : primary,
            detail: field(vigil_pg_diag_message_detail()),
            hint: field(vigil_pg_diag_message_hint()),
            constraint: field(vigil_pg_diag_constraint()))
    }

    /// Passes the parameters to libpq as C strings that live for the duration of the call.
    func withParameters<R>(_ parameters: [String?], _ body: ([UnsafePointer<CChar>?], Int32) -> R) -> R {
        let storage: [UnsafeMutablePointer<CChar>?] = parameters.map { $0.flatMap { strdup($0) } }
        defer { storage.forEach { free($0) } }
        let values = storage.map { UnsafePointer($0) }
        return body(values, Int32(parameters.count))
    }

    private static func copy(_ result: OpaquePointer) -> QueryResult {
        let rowCount = Int(PQntuples(result))
        let columnCount = Int(PQnfields(result))
        // COPY results have columns but no names, so a NULL name is read as "".
        let columns = (0..<columnCount).map { index -> String in
            guard let name = PQfname(result, Int32(index)) else { return "" }
            return String(cString: name)
        }
        var rows: [Row] = []
        rows.reserveCapacity(rowCount)
        for r in 0..<rowCount {
            var values: [String?] = []
            values.reserveCapacity(columnCount)
            for c in 0..<columnCount {
                if PQgetisnull(result, Int32(r), Int32(c)) == 1 {
                    values.append(nil)
                } else {
                    values.append(String(cString: PQgetvalue(result, Int32(r), Int32(c))))
                }
            }
            rows.append(Row(columnNames: columns, values: values))
        }
        let affected = Int(String(cString: PQcmdTuples(result))) ?? 0
        return QueryResult(columns: columns, rows: rows, affectedRows: affected)
    }

    static func firstLine(_ text: String) -> String {
        let trimmed = text.drop { $0 == " " || $0 == "\n" }
        let line = trimmed.split(separator: "\n", maxSplits: 1).first.map(String.init) ?? ""
        return line.hasPrefix("FATAL:  ") ? String(line.dropFirst(8)) : line
    }
}

/// Cancels the statement running on a connection from another thread (e.g. on Ctrl-C).
///
/// libpq documents `PQcancel` as safe to call from a signal handler or another thread while
/// the connection is busy, which is the one thing this type offers.
public final class CancelToken: @unchecked Sendable {
    private let cancel: OpaquePointer

    init?(connection: OpaquePointer) {
        guard let cancel = PQgetCancel(connection) else { return nil }
        self.cancel = cancel
    }

    deinit {
        PQfreeCancel(cancel)
    }

    /// Asks the server to cancel the running statement; returns false when the request failed.
    @discardableResult
    public func cancelRunningStatement() -> Bool {
        var buffer = [CChar](repeating: 0, count: 256)
        return PQcancel(cancel, &buffer, Int32(buffer.count)) == 1
    }
}

/// Calls `body` with a NULL-terminated C array of the strings, valid only inside it.
private func withArrayOfCStrings<R>(_ strings: [String], _ body: ([UnsafePointer<CChar>?]) -> R) -> R {
    let copies: [UnsafeMutablePointer<CChar>?] = strings.map { strdup($0) }
    defer { copies.forEach { free($0) } }
    return body(copies.map { UnsafePointer($0) } + [nil])
}
