import Foundation
import Postgres

/// A file kept in the log's evidence store.
public struct StoredAttachment: Sendable, Equatable {
    /// SHA-256 of the bytes, 64 lowercase hex digits.
    public var sha256: String
    public var contentType: String
    public var size: Int
}

extension EventStore {
    /// How much of a file travels to the database at once: memory stays at one chunk per file.
    public static let attachmentChunkSize = 1 << 20

    /// Streams a file into the evidence store of the session's street in chunks, inside the
    /// caller's transaction; the database recognises its type from its bytes, computes its
    /// SHA-256 and keeps it once in the street. An event of the same transaction must carry it,
    /// or the commit is refused.
    ///
    /// Why bytea chunks in ordinary tables: large objects escape the log's privileges and do
    /// not distribute by street, and one bytea of 20 MB would be held whole (hex-encoded,
    /// twice over) in the client and the server at once.
    public func storeAttachment(from url: URL) throws -> StoredAttachment {
        try StoreError.translating {
            let handle = try FileHandle(forReadingFrom: url)
            defer { try? handle.close() }
            let upload = UUID()
            var index = 0
            while let chunk = try handle.read(upToCount: EventStore.attachmentChunkSize), !chunk.isEmpty {
                try connection.query("SELECT vigil.attachment_chunk(\(upload), \(index), \(Bytes(Array(chunk))))")
                index += 1
            }
            let row = try connection.query(
                "SELECT sha256, content_type, size FROM vigil.attachment_finish(\(upload))"
            ).first
            guard let row else { throw PostgresError(kind: .client, message: "the upload returned nothing") }
            return StoredAttachment(
                sha256: try row.decode("sha256"), contentType: try row.decode("content_type"),
                size: try row.decode("size"))
        }
    }

    /// Writes a file a street keeps to `url` unchanged, a chunk at a time; false when the street
    /// keeps no file with that SHA-256 (or the user may not read it).
    public func writeAttachment(_ sha256: String, in street: Int?, to url: URL) throws -> Bool {
        try StoreError.translating {
            let count =
                try connection.query(
                    "SELECT count(*) AS chunks FROM vigil.attachment_chunks WHERE street = \(street) AND sha256 = \(sha256)"
                ).first?.decode("chunks", as: Int.self) ?? 0
            guard count > 0 else { return false }
            guard FileManager.default.createFile(atPath: url.path, contents: nil) else {
                throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: url.path])
            }
            let handle = try FileHandle(forWritingTo: url)
            defer { try? handle.close() }
            for index in 0..<count {
                let row = try connection.query(
                    """
                    SELECT bytes FROM vigil.attachment_chunks
                     WHERE street = \(street) AND sha256 = \(sha256) AND n = \(index)
                    """
                ).first
                guard let bytes = try row?.decode("bytes", as: Bytes.self) else {
                    throw PostgresError(kind: .client, message: "chunk \(index) of \(sha256) is missing")
                }
                try handle.write(contentsOf: Data(bytes.bytes))
            }
            return true
        }
    }
}
