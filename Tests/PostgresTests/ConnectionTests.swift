import Foundation
import Postgres
import TestSupport
import Testing

@Suite("Postgres connection", .serialized)
struct ConnectionTests {
    let database: TestDatabase
    let connection: Connection

    init() throws {
        database = try TestDatabase(migrated: false)
        connection = try database.connect()
    }

    @Test("Chinese text, NULLs and typed columns round-trip through bound parameters")
    func roundTrip() throws {
        let text = "古田二路社区 — 消防「演练」'; DROP TABLE x; --"
        let id = UUID()
        let when = Date(timeIntervalSince1970: 1_500_000_000.123456)
        let missing: String? = nil
        let result = try connection.query(
            """
            SELECT \(text)::text AS t, \(missing)::text AS n, \(42)::int AS i,
                   \(true)::bool AS b, \(id)::uuid AS u, \(when)::timestamptz AS ts,
                   '2017-02-28'::date AS d, \(Bytes([0, 1, 254, 255]))::bytea AS by,
                   \(JSONText("{\"名\": [1, null]}"))::jsonb AS j
            """)
        let row = try #require(result.first)
        #expect(try row.decode("t", as: String.self) == text)
        #expect(try row.decode("n", as: String?.self) == nil)
        #expect(try row.decode("i", as: Int.self) == 42)
        #expect(try row.decode("b", as: Bool.self))
        #expect(try row.decode("u", as: UUID.self) == id)
        #expect(try row.decode("ts", as: Date.self).timeIntervalSince1970 == when.timeIntervalSince1970)
        #expect(try row.decode("d", as: String.self) == "2017-02-28")
        #expect(try row.decode("by", as: Bytes.self) == Bytes([0, 1, 254, 255]))
        #expect(try row.decode("j", as: String.self) == "{\"名\": [1, null]}")
    }

    @Test("A query spliced into another keeps its own values: its parameters are bound after the outer one's")
    func fragments() throws {
        let name = "古田二路社区"
        let part: Query = "SELECT \(name)::text AS t, \(2)::int AS i"
        let joined = Query.joined([part, "SELECT \("乙")::text, \(3)::int"], separator: " UNION ALL ")
        #expect(joined.sql == "SELECT $1::text AS t, $2::int AS i UNION ALL SELECT $3::text, $4::int")
        let outer: Query = "SELECT \(1)::int AS first, x.t, x.i FROM (\(joined)) AS x ORDER BY x.i"
        let rows = try connection.query(outer).rows
        #expect(try rows.map { try $0.decode("t", as: String.self) } == [name, "乙"])
        #expect(try rows.map { try $0.decode("i", as: Int.self) } == [2, 3])
        #expect(try rows.allSatisfy { try $0.decode("first", as: Int.self) == 1 })
    }

    @Test("NULL is refused for a non-optional column, with the column's name")
    func nullRefused() throws {
        let row = try #require(try connection.query("SELECT NULL::text AS missing").first)
        #expect(throws: PostgresError.self) { try row.decode("missing", as: String.self) }
    }

    @Test("A unique violation surfaces as SQLSTATE 23505 with its constraint")
    func uniqueViolation() throws {
        try connection.execute(script: "CREATE TABLE u (name text CONSTRAINT u_name UNIQUE)")
        try connection.query("INSERT INTO u VALUES (\("江岸社区"))")
        let error = try #require(throws: PostgresError.self) {
            try connection.query("INSERT INTO u VALUES (\("江岸社区"))")
        }
        #expect(error.sqlState == PostgresError.State.uniqueViolation)
        #expect(error.constraint == "u_name")
        #expect(error.kind == .server)
    }

    @Test("A transaction whose body throws leaves nothing behind")
    func rollback() throws {
        struct Boom: Error {}
        try connection.execute(script: "CREATE TABLE t (v text)")
        #expect(throws: Boom.self) {
            try connection.transaction { connection in
                try connection.query("INSERT INTO t VALUES (\("写入"))")
                throw Boom()
            }
        }
        let count = try connection.query("SELECT count(*) AS n FROM t").first?.decode("n", as: Int.self)
        #expect(count == 0)
        try connection.transaction { try $0.query("INSERT INTO t VALUES (\("保留"))") }
        let kept = try connection.query("SELECT v FROM t").rows.map { try $0.decode("v", as: String.self) }
        #expect(kept == ["保留"])
    }

    @Test("COPY of 100,000 rows with Chinese text, tabs and backslashes arrives intact")
    func copyIn() throws {
        try connection.execute(script: "CREATE TABLE c (n int, name text, note text)")
        let rows = (0..<100_000).lazy.map { n -> [String?] in
            [String(n), "社区\(n)号\t\\楼", n % 7 == 0 ? nil : "第\(n)行\n换行"]
        }
        let copied = try connection.copyIn("COPY c (n, name, note) FROM STDIN", rows: rows)
        #expect(copied == 100_000)
        let summary = try #require(
            try connection.query(
                """
                SELECT count(*) AS n, count(note) AS notes,
                       sum(octet_length(name)) AS bytes,
                       bool_and(name = '社区' || n || E'号\\t\\\\楼') AS names_ok
                  FROM c
                """
            ).first)
        #expect(try summary.decode("n", as: Int.self) == 100_000)
        #expect(try summary.decode("notes", as: Int.self) == 100_000 - (100_000 + 6) / 7)
        #expect(try summary.decode("names_ok", as: Bool.self))
        let sample = try connection.query("SELECT note FROM c WHERE n = 12345").first
        #expect(try sample?.decode("note", as: String.self) == "第12345行\n换行")
    }

    @Test("COPY TO STDOUT streams every row")
    func copyOut() throws {
        try connection.execute(
            script: "CREATE TABLE o AS SELECT g AS n, '宣传' || g AS t FROM generate_series(1, 1000) g")
        var lines = 0
        let bytes = try connection.copyOut("COPY (SELECT n, t FROM o ORDER BY n) TO STDOUT") { chunk in
            lines += chunk.filter { $0 == UInt8(ascii: "\n") }.count
        }
        #expect(lines == 1000)
        #expect(bytes > 1000 * 8)
    }

    @Test("LISTEN receives a NOTIFY sent from another connection")
    func listenNotify() throws {
        try connection.listen("vigil 测试")
        let other = try database.connect()
        try other.notify("vigil 测试", payload: "D-1")
        let received = try connection.notifications(timeout: 5)
        #expect(received.map(\.payload) == ["D-1"])
        #expect(received.first?.channel == "vigil 测试")
    }

    @Test("A failed connection is a one-line connection error without the password")
    func connectionFailure() {
        let error = #expect(throws: PostgresError.self) {
            _ = try Connection(conninfo: "host=/nonexistent user=someone password=hunter2 connect_timeout=2")
        }
        #expect(error?.kind == .connection)
        #expect(error?.description.contains("hunter2") == false)
        #expect(error?.description.contains("\n") == false)
        #expect(error?.description.isEmpty == false)
    }
}

@Suite("Connection: pinned settings")
struct PinnedSettingsTests {
    @Test("A pinned search path holds from the start and after a reset, whatever the role's own setting")
    func pinnedSearchPath() throws {
        let database = try TestDatabase()
        try database.connect().execute(
            script: "ALTER DATABASE \(Connection.quoteIdentifier(database.name)) SET search_path = public, vigil")
        let connection = try Connection(conninfo: database.conninfo, searchPath: "pg_catalog, pg_temp")
        #expect(
            try connection.query("SHOW search_path").first?.decode("search_path", as: String.self)
                == "pg_catalog,pg_temp")
        try connection.reset()
        #expect(
            try connection.query("SHOW search_path").first?.decode("search_path", as: String.self)
                == "pg_catalog,pg_temp")
        #expect(try connection.query("SHOW TimeZone").first?.decode("TimeZone", as: String.self) == "UTC")
        let plain = try database.connect()
        #expect(try plain.query("SHOW search_path").first?.decode("search_path", as: String.self) == "public, vigil")
    }
}
