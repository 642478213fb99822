import EventStore
import Foundation
import Postgres
import Shell
import ShellHarness
import TestSupport
import Testing

/// Photos and documents as evidence inside the tamper-evident log.
@Suite("Evidence: photos and documents", .serialized)
struct AttachmentTests {
    let database: TestDatabase
    let scratch: Scratch
    let inspector: ShellHarness
    let store: EventStore

    init() throws {
        database = try TestDatabase()
        scratch = try Scratch()
        let admin = ShellHarness(try database.connect(), today: "2017-06-30")
        let name = "e" + String(UUID().uuidString.prefix(8)).lowercased()
        for line in [
            "user add \(name) --role inspector", "community add 江岸社区",
            "unit add 江岸小学 --community 江岸社区 --kind primary-school",
            "plan add 疏散预案 --unit 江岸小学 --level special --from 2017-01-01",
            "inspection record 江岸小学 --on 2017-06-01",
        ] {
            try #require(admin.run(line) == .ok, "\(line): \(admin.errors)")
        }
        inspector = ShellHarness(try database.connect(as: name), today: "2017-06-30")
        store = EventStore(connection: try database.connect())
    }

    /// A small valid PNG whose pixels depend on `seed`.
    static func png(_ seed: UInt8, padding: Int = 0) -> Data {
        var data = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        data.append(contentsOf: (0..<(64 + padding)).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ Int(seed)) })
        return data
    }

    func count(_ table: String) throws -> Int {
        try database.number("SELECT count(*) FROM vigil.\(table)")
    }

    @Test("Bytes go in and come back unchanged, several chunks long, and one file attached twice is kept once")
    func roundTripAndDeduplication() throws {
        let before = try scratch.write("整改前.png", Self.png(1, padding: 3 * 1024 * 1024 + 17))
        let after = try scratch.write("整改后.jpg", Data([0xFF, 0xD8, 0xFF, 0xE0]) + Self.png(2))
        #expect(
            inspector.run("finding add I-1 通道堵塞 --severity general --within 5wd --photo \(before.path)") == .ok,
            "\(inspector.errors)")
        #expect(
            inspector.run("finding rectify F-1 --on 2017-06-05 --photo \(after.path) --photo \(before.path)") == .ok,
            "\(inspector.errors)")
        #expect(try count("attachments") == 2, "the same file twice is kept once")
        #expect(try count("attachment_chunks") == 5, "4 chunks of 1 MiB for the first file, 1 for the second")
        #expect(try count("attachment_uploads") == 0)

        inspector.clear()
        #expect(inspector.run("attachments F-1") == .ok)
        let lines = inspector.output.split(separator: "\n")
        #expect(lines.count == 5, "a header, its rule and three photos: \(inspector.output)")
        #expect(inspector.output.contains("整改后.jpg") && inspector.output.contains("image/jpeg"))
        let sha = try #require(
            try database.rows("SELECT sha256 FROM vigil.attachments WHERE size > 1000").first?.first ?? nil)
        #expect(sha.count == 64 && inspector.output.contains(sha))

        let copy = scratch.url.appendingPathComponent("copy.png")
        #expect(inspector.run("attachment get \(sha) --out \(copy.path)") == .ok, "\(inspector.errors)")
        #expect(try Data(contentsOf: copy) == Data(contentsOf: before))
        inspector.clear()
        #expect(inspector.run("attachment get \(String(repeating: "0", count: 64)) --out \(copy.path)") == .refused)
        #expect(inspector.errors.contains("no attachment"), "\(inspector.errors)")
        #expect(try VigilBinary.run(["--db", database.conninfo, "verify"]).status == 0)
    }

    @Test("A file over the limit and a program named .png are refused by name, and nothing is written")
    func refusals() throws {
        let huge = scratch.url.appendingPathComponent("巨大.jpg")
        #expect(FileManager.default.createFile(atPath: huge.path, contents: Data([0xFF, 0xD8, 0xFF, 0xE0])))
        let handle = try FileHandle(forWritingTo: huge)
        try handle.truncate(atOffset: 60 * 1024 * 1024)
        try handle.close()
        let program = try scratch.write("photo.png", Data([0x7F, 0x45, 0x4C, 0x46, 2, 1, 1, 0]) + Data(count: 200))
        let seal = try store.seal()
        for (file, says) in [
            (huge, "巨大.jpg is 60.0 MB; a photo or document may be at most 20 MB"),
            (program, "photo.png is not a JPEG, PNG or PDF file"),
        ] {
            inspector.clear()
            #expect(inspector.run("inspection record 江岸小学 --on 2017-06-02 --photo \(file.path)") == .refused)
            #expect(inspector.errors.contains(says), "\(inspector.errors)")
        }
        #expect(try store.seal() == seal)
        #expect(try count("attachments") == 0 && count("attachment_chunks") == 0)
        #expect(try database.number("SELECT last FROM planner.codes WHERE kind = 'I'") == 1, "no code was used up")
    }

    @Test("Bytes changed behind the application's back are caught by verify, which names the record")
    func tamperedEvidence() throws {
        let photo = try scratch.write("after.png", Self.png(3))
        #expect(inspector.run("finding add I-1 灭火器过期 --severity general --within 7d") == .ok)
        #expect(
            inspector.run("finding rectify F-1 --on 2017-06-05 --photo \(photo.path)") == .ok, "\(inspector.errors)")
        let seal = try VigilBinary.run(["--db", database.conninfo, "seal"]).stdout.split(separator: "\n").last.map(
            String.init)
        try database.connect().execute(
            script: """
                ALTER TABLE vigil.attachment_chunks DISABLE TRIGGER attachment_chunks_append_only;
                UPDATE vigil.attachment_chunks SET bytes = '\\x89504e470d0a1a0a00';
                ALTER TABLE vigil.attachment_chunks ENABLE ALWAYS TRIGGER attachment_chunks_append_only;
                """)
        let verify = try VigilBinary.run(["--db", database.conninfo, "verify", "--seal", seal ?? ""])
        #expect(verify.status == 1)
        #expect(verify.stdout.contains("finding:F-1 #2) carries a photo or document whose stored bytes were changed"))
    }

    @Test("From psql: rights as for the record, no orphan, no photo that was never stored")
    func rightsFromPSQL() throws {
        let name = try #require(
            try database.rows("SELECT name FROM vigil.users WHERE 'inspector' = ANY(roles)").first?.first ?? nil)
        let sql = try database.connect(as: name)
        let upload = UUID()
        func chunk(_ connection: Connection, _ upload: UUID) throws {
            try connection.query("SELECT vigil.attachment_chunk(\(upload), 0, \(Bytes(Array(Self.png(9)))))")
        }
        // An upload no event carries is refused when the transaction commits.
        try sql.execute(script: "BEGIN")
        try chunk(sql, upload)
        try sql.query("SELECT * FROM vigil.attachment_finish(\(upload))")
        #expect(throws: PostgresError.self) { try sql.execute(script: "COMMIT") }
        #expect(try count("attachments") == 0)
        // An unfinished upload is refused too.
        try sql.execute(script: "BEGIN")
        try chunk(sql, UUID())
        #expect(throws: PostgresError.self) { try sql.execute(script: "COMMIT") }
        #expect(try count("attachment_uploads") == 0)
        // An inspector may not attach to a drill (drills are the supervisors').
        try sql.execute(script: "BEGIN")
        try chunk(sql, upload)
        let stored = try #require(
            try sql.query("SELECT sha256 FROM vigil.attachment_finish(\(upload))").first?.decode(
                "sha256", as: String.self))
        let error = try #require(throws: PostgresError.self) {
            try sql.query(
                """
                SELECT * FROM vigil.append('drill:D-1', -2, \(#"[{"event_id": "44444444-4444-4444-8444-444444444444", "type": "DrillConducted", "data": {"code": "D-1", "plan": "P-1", "on": "2017-06-01", "photos": [{"sha256": "\#(stored)", "name": "x.png", "type": "image/png", "size": 72}]}}]"#)::jsonb)
                """)
        }
        #expect(error.sqlState == "VG003")
        try sql.execute(script: "ROLLBACK")
        // A photo naming bytes that were never stored, or with a false size, is refused.
        for photo in [
            #"{"sha256": "\#(String(repeating: "a", count: 64))", "name": "x.png", "type": "image/png", "size": 72}"#,
            #"{"sha256": "\#(stored)", "name": "x.png", "type": "image/png", "size": 1}"#,
        ] {
            let refusal = try #require(throws: PostgresError.self) {
                try sql.query(
                    """
                    SELECT * FROM vigil.append('inspection:I-1', -1, \(#"[{"event_id": "\#(UUID().uuidString.lowercased())", "type": "InspectionRecorded", "data": {"code": "I-1", "unit": "江岸小学", "on": "2017-06-01", "photos": [\#(photo)]}}]"#)::jsonb)
                    """)
            }
            #expect(refusal.sqlState == "VG006", "\(refusal.message)")
        }
        // A manager may not upload at all.
        let managerName = "m" + String(UUID().uuidString.prefix(8)).lowercased()
        #expect(ShellHarness(try database.connect()).run("user add \(managerName) --role manager") == .ok)
        let manager = try database.connect(as: managerName)
        #expect(throws: PostgresError.self) { try chunk(manager, UUID()) }
        #expect(throws: PostgresError.self) { try manager.query("DELETE FROM vigil.attachment_chunks") }
    }

    @Test("kill -9 during a large attach leaves no orphan and no half-written file")
    func killedMidUpload() throws {
        let big = scratch.url.appendingPathComponent("big.jpg")
        var bytes = Data([0xFF, 0xD8, 0xFF, 0xE0])
        bytes.append(Data((0..<(19 * 1024 * 1024)).map { UInt8(truncatingIfNeeded: $0 &* 7) }))
        try bytes.write(to: big)
        let child = try Child(["--db", database.conninfo, "--today", "2017-06-30"], in: scratch.url)
        try child.type("finding add I-1 疏散通道堵塞 --severity general --within 5wd --photo big.jpg")
        poll("the upload to begin") {
            (try? database.number("SELECT count(*) " + TestDatabase.others + " AND query LIKE '%attachment_chunk%'"))
                ?? 0 > 0
        }
        child.kill9()
        #expect(child.waitForExit() != nil)
        // The killed client's backend ends when it finds its client gone (this test's own
        // connections stay, idle).
        poll("the killed client's session to end") {
            (try? database.number("SELECT count(*) " + TestDatabase.others + " AND state <> 'idle'")) == 0
        }
        #expect(try count("attachments") == 0 && count("attachment_chunks") == 0 && count("attachment_uploads") == 0)
        #expect(try database.number("SELECT count(*) FROM vigil.events WHERE stream_id LIKE 'finding:%'") == 0)
        try database.expectIntact()
    }
}
