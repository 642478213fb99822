import EventStore
import Foundation
import Planner
import PlannerStore

extension CommandSpec {
    static let attachments: [CommandSpec] = [
        CommandSpec(
            path: ["attachments"], aliases: [["附件"]], group: .reports, syntax: "REF",
            summary: L("The photos and documents one record carries", "某条记录所附的照片和文件"),
            details: L(
                "REF as for history. SHA-256 is the file's digest: `attachment get SHA256 --out FILE` writes it back.",
                "REF 同 history。SHA-256 为文件摘要，可用 attachment get SHA256 --out 文件 取回原文件。"),
            example: "attachments F-1", positionals: ["REF"]
        ) { args in
            let reference = args.positional(0)
            return { session in
                let stream = try session.stream(for: reference)
                let decoder = JSONDecoder()
                var rows: [[Value]] = []
                for event in try session.store.events.read(stream: stream) {
                    let carried = try decoder.decode(Carried.self, from: Data(event.data.utf8))
                    for photo in carried.photos ?? [] {
                        rows.append([
                            .text(photo.sha256), .text(photo.name), .text(photo.type), .int(photo.size),
                            .text(event.type), .optional(event.actor), .text(session.recordedTime(event.recordedAt)),
                        ])
                    }
                }
                return .table(
                    [
                        Column("sha256", L("SHA-256", "SHA-256")), Column("name", L("file", "文件")),
                        Column("type", L("type", "类型")), Column("size", L("bytes", "字节")),
                        Column("event", L("event", "事件")), Column("attached_by", L("attached by", "上传人")),
                        Column("attached_at", L("attached", "上传时间")),
                    ], rows)
            }
        },
        CommandSpec(
            path: ["attachment", "get"], aliases: [["附件", "取回"]], group: .reports, syntax: "SHA256 --out FILE",
            summary: L("Write a stored photo or document back to a file, unchanged", "将保存的照片或文件原样写出"),
            example: "attachment get 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08 --out 整改前.jpg",
            positionals: ["SHA256"], flags: [FlagSpec("out", "FILE", required: true)]
        ) { args throws(ShellError) in
            let sha256 = args.positional(0)
            guard sha256.count == 64, sha256.allSatisfy({ $0.isHexDigit && !$0.isUppercase }) else {
                throw ShellError(
                    L(
                        "\"\(sha256)\" is not a SHA-256 digest; expected 64 lowercase hex digits",
                        "\"\(sha256)\" 不是 SHA-256 摘要；应为 64 位小写十六进制数字"))
            }
            guard let out = args.string("out") else {
                throw ShellError.missingFlag("--out", valueName: "FILE", command: "attachment get")
            }
            return { session in
                let url = URL(fileURLWithPath: out, relativeTo: session.baseDirectory)
                guard try session.store.events.writeAttachment(sha256, to: url) else {
                    throw ShellError.notFound(L("attachment", "附件"), sha256)
                }
                return .created(sha256, L("wrote \(out)", "已写出 \(out)"))
            }
        },
    ]

    /// The evidence part of an event's data.
    private struct Carried: Decodable {
        var photos: [Attachment]?
    }
}
