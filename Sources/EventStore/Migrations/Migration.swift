/// One schema change from `Schema/NNNN_name.sql`, embedded in the binary.
public struct Migration: SchemaText, Sendable {
    public var version: Int
    public var name: String
    /// Its text; editing it drops the embedded checksum, so the server computes the new one.
    public var sql: String { didSet { checksum = nil } }
    public var checksum: String?

    public init(version: Int, name: String, checksum: String? = nil, sql: String) {
        (self.version, self.name, self.sql, self.checksum) = (version, name, sql, checksum)
    }

    /// The file name it came from, for messages.
    public var fileName: String {
        let number = String(version)
        return String(repeating: "0", count: max(0, 4 - number.count)) + number + "_" + name + ".sql"
    }
}

extension Migration {
    /// Checksums of earlier texts of a migration that a database may have recorded, still
    /// accepted. 0001–0003 as first released set their SECURITY DEFINER functions' search_path
    /// without `pg_temp` last; 0004 replaces those functions in every database, so the old and
    /// the new texts leave a database in the same state.
    public static let formerChecksums: [Int: Set<String>] = [
        1: ["10628d7cb5893dc1bf33bf5069e191738d9d7b61c8b806004fb99f585aa54b20"],
        2: ["28edfc723ea0ae32f638b739df01b02365faf62d639d06375f1c969def8f86d0"],
        3: ["9ecb87b4511478debea0b333873cc5382f9974de0fce7202aaad759b2803634a"],
    ]

    /// True when `recorded` is this migration's checksum now (`current`) or a former one.
    func accepts(recorded: String, current: String) -> Bool {
        recorded == current || Migration.formerChecksums[version, default: []].contains(recorded)
    }
}
