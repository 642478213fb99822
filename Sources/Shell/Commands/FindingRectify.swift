import Planner

/// `finding rectify`: record that a finding was rectified (整改)
struct FindingRectify: Command {
    static let configuration = CommandSpec(
        path: ["finding", "rectify"], aliases: [["隐患", "整改"]], group: .inspections,
        syntax: "F-n --on DATE [--note TEXT] [--photo FILE]...",
        summary: L("Record that a finding was rectified (整改)", "登记隐患已整改"),
        details: L(
            "--photo attaches a JPEG, PNG or PDF (at most 20 MB) as evidence, e.g. the photo after rectification; repeat it for several.",
            "--photo 附上 JPEG、PNG 或 PDF 文件（不超过 20 MB）作为证据，如整改后的照片；可重复使用。"),
        example: "finding rectify F-1 --on 2017-01-22",
        roles: [.inspector]
    )

    @Positional(code: Finding.self) var code: String
    @Flag("on", "DATE") var date: LocalDate
    @Flag("note", "TEXT") var note: String?
    @Flags("photo", "FILE") var photoPaths: [String]

    func run(in session: Session) throws -> Output {
        try session.change(
            Finding.self, code, photos: photoPaths, done: L("recorded the rectification of \(code)", "已登记 \(code) 的整改")
        ) {
            try Finding.rectify(on: date, note: note, today: session.today, state: $0)
        }
    }
}
