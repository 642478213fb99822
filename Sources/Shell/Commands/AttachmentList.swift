import EventStore
import Foundation
import Planner
import PlannerStore

/// `attachments`: the photos and documents one record carries
struct AttachmentList: Command {
    static let configuration = CommandSpec(
        path: ["attachments"], aliases: [["附件"]], group: .reports, syntax: "REF",
        summary: L("The photos and documents one record carries", "某条记录所附的照片和文件"),
        details: L(
            "REF as for history. SHA-256 is the file's digest: `attachment get SHA256 --out FILE` writes it back.",
            "REF 同 history。SHA-256 为文件摘要，可用 attachment get SHA256 --out 文件 取回原文件。"),
        example: "attachments F-1"
    )

    @Positional("REF") var reference: String

    func run(in session: Session) throws -> Output {
        let stream = try session.stream(for: reference)
        let decoder = JSONDecoder()
        var rows: [[Value]] = []
        for event in try session.store.events.read(stream: stream, street: session.store.street(of: stream)) {
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

    /// The evidence part of an event's data.
    private struct Carried: Decodable {
        var photos: [Attachment]?
    }
}
