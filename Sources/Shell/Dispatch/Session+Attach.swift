import EventStore
import Foundation
import Planner
import PlannerStore

extension Session {
    /// Checks every file given with `--photo` and stores it in the log's evidence store, inside
    /// the command's transaction: a file that is too large, or is not a JPEG, PNG or PDF by its
    /// content (whatever its name), is refused by name before anything is kept.
    func attach(_ paths: [String]) throws -> [Attachment] {
        let files = try paths.map { path -> (URL, String) in
            let url = URL(fileURLWithPath: path, relativeTo: baseDirectory)
            return (url, try Session.checkAttachable(url, as: path))
        }
        return try files.map { url, name in
            let stored = try store.events.storeAttachment(from: url)
            return Attachment(sha256: stored.sha256, name: name, type: stored.contentType, size: stored.size)
        }
    }

    /// The file's name when it can be attached; otherwise a refusal naming it.
    static func checkAttachable(_ url: URL, as path: String) throws(ShellError) -> String {
        let name = url.lastPathComponent
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: url.path),
            attributes[.type] as? FileAttributeType == .typeRegular,
            let handle = try? FileHandle(forReadingFrom: url)
        else {
            throw ShellError(L("cannot read \(path): no such file or not readable", "无法读取 \(path)：文件不存在或不可读"))
        }
        defer { try? handle.close() }
        let size = (attributes[.size] as? NSNumber)?.intValue ?? 0
        let limit = Attachment.maximumSize / (1024 * 1024)
        guard size <= Attachment.maximumSize else {
            let megabytes = String(format: "%.1f", Double(size) / 1_048_576)
            throw ShellError(
                L(
                    "\(path) is \(megabytes) MB; a photo or document may be at most \(limit) MB",
                    "\(path) 大小为 \(megabytes) MB；照片或文件不得超过 \(limit) MB"))
        }
        let head = (try? handle.read(upToCount: 16)) ?? nil
        guard size > 0, let head, Attachment.Kind.recognise(head) != nil else {
            throw ShellError(
                L(
                    "\(path) is not a JPEG, PNG or PDF file (recognised by its content, not its name)",
                    "\(path) 不是 JPEG、PNG 或 PDF 文件（按文件内容识别，而非文件名）"))
        }
        return name
    }
}
