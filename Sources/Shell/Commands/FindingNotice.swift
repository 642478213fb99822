import EventStore
import Foundation
import Planner
import PlannerStore

/// `finding notice`: the printable rectification notice of a hazard (HTML or PDF)
struct FindingNotice: Command {
    static let configuration = CommandSpec(
        path: ["finding", "notice"], aliases: [["隐患", "通知书"]], group: .inspections,
        syntax: "F-n --out FILE.html|FILE.pdf",
        summary: L(
            "The rectification notice (整改通知书) of a hazard, to print and hand to the unit",
            "打印隐患整改通知书，交被检查单位"),
        details: L(
            "States the unit, what was found, the inspection and inspector, and the deadline fixed when the finding was recorded; .pdf prints it with headless Chromium (`make report-deps` installs it).",
            "写明单位、隐患内容、检查记录与检查人，以及登记隐患时确定的整改期限；.pdf 由无界面 Chromium 打印（`make report-deps` 安装）。"),
        example: "finding notice F-3 --out F-3整改通知书.pdf", streets: .one
    )

    @Positional(code: Finding.self) var code: String
    @Flag("out", "FILE", as: .document) var out: String

    func run(in session: Session) throws -> Output {
        guard let notice = try session.store.findingNotice(code, asOf: session.asOf) else {
            throw ShellError.notFound(L("finding", "隐患"), code)
        }
        let document = FindingNoticeDocument(
            notice: notice, asOf: session.asOf, seal: try session.store.sealOfStreet().description,
            language: session.language)
        try DocumentFile.write(document.page, to: out, in: session)
        return .created(out, L("wrote \(out)", "已写出 \(out)"))
    }
}
