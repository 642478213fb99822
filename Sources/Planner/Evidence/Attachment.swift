/// A photo or document carried by a record as evidence (整改前后照片, a drill's evaluation
/// document): the event stores its SHA-256, so the log's hash chain covers the file.
public struct Attachment: Codable, Sendable, Equatable {
    /// SHA-256 of the bytes, 64 lowercase hex digits.
    public var sha256: String
    /// The file's name as it was attached.
    public var name: String
    /// `image/jpeg`, `image/png` or `application/pdf`, recognised from the bytes.
    public var type: String
    /// Size in bytes.
    public var size: Int

    public init(sha256: String, name: String, type: String, size: Int) {
        (self.sha256, self.name, self.type, self.size) = (sha256, name, type, size)
    }

    /// The largest file that can be attached: 20 MB.
    public static let maximumSize = 20 * 1024 * 1024

    /// The kinds of file that can be attached, recognised by their first bytes, never by name.
    public enum Kind: String, Sendable, CaseIterable {
        case jpeg = "image/jpeg"
        case png = "image/png"
        case pdf = "application/pdf"

        static let signatures: [(Kind, [UInt8])] = [
            (.jpeg, [0xFF, 0xD8, 0xFF]),
            (.png, [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]),
            (.pdf, Array("%PDF-".utf8)),
        ]

        /// The kind a file's first bytes say it is, or nil for anything else.
        public static func recognise(_ head: some Collection<UInt8>) -> Kind? {
            signatures.first { head.starts(with: $0.1) }?.0
        }
    }
}
