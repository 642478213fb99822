import EventStore
import Foundation
import PlannerStore

/// `attachment get`: write a stored photo or document back to a file, unchanged
struct AttachmentGet: Command {
    static let spec = CommandSpec(
        path: ["attachment", "get"], aliases: [["附件", "取回"]], group: .reports, syntax: "SHA256 --out FILE",
        summary: L("Write a stored photo or document back to a file, unchanged", "将保存的照片或文件原样写出"),
        example: "attachment get 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08 --out 整改前.jpg",
        positionals: ["SHA256"], flags: [FlagSpec("out", "FILE", required: true)]
    )

    let sha256: String
    /// The file to write, relative to the script's folder.
    let out: String

    init(_ args: Arguments) throws(ShellError) {
        sha256 = args.positional(0)
        guard sha256.count == 64, sha256.allSatisfy({ $0.isHexDigit && !$0.isUppercase }) else {
            throw ShellError(
                L(
                    "\"\(sha256)\" is not a SHA-256 digest; expected 64 lowercase hex digits",
                    "\"\(sha256)\" 不是 SHA-256 摘要；应为 64 位小写十六进制数字"))
        }
        out = try args.requiredString("out")
    }

    func run(in session: Session) throws -> Output {
        let url = URL(fileURLWithPath: out, relativeTo: session.baseDirectory)
        guard try session.store.events.writeAttachment(sha256, to: url) else {
            throw ShellError.notFound(L("attachment", "附件"), sha256)
        }
        return .created(sha256, L("wrote \(out)", "已写出 \(out)"))
    }
}
