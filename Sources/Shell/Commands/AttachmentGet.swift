import EventStore
import Foundation
import PlannerStore

/// `attachment get`: write a stored photo or document back to a file, unchanged
struct AttachmentGet: Command {
    static let configuration = CommandSpec(
        path: ["attachment", "get"], aliases: [["附件", "取回"]], group: .reports, syntax: "SHA256 --out FILE",
        summary: L("Write a stored photo or document back to a file, unchanged", "将保存的照片或文件原样写出"),
        example: "attachment get 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08 --out 整改前.jpg",
        streets: .one
    )

    @Positional("SHA256", as: .sha256) var sha256: String
    /// The file to write, relative to the script's folder.
    @Flag("out", "FILE") var out: String

    func run(in session: Session) throws -> Output {
        let url = URL(fileURLWithPath: out, relativeTo: session.baseDirectory)
        guard try session.store.events.writeAttachment(sha256, in: try session.store.currentStreet(), to: url) else {
            throw ShellError.notFound(L("attachment", "附件"), sha256)
        }
        return .created(sha256, L("wrote \(out)", "已写出 \(out)"))
    }
}
