import Planner

/// `finding verify`: record the re-inspection (复查): pass closes the finding, fail reopens it
struct FindingVerify: Command {
    static let configuration = CommandSpec(
        path: ["finding", "verify"], aliases: [["隐患", "复查"]], group: .inspections,
        syntax: "F-n --on DATE --result pass|fail [--note TEXT] [--photo FILE]...",
        summary: L(
            "Record the re-inspection (复查): pass closes the finding, fail reopens it", "登记复查：通过则销号，不通过则重新整改"),
        example: "finding verify F-1 --on 2017-01-25 --result pass",
        roles: [.inspector]
    )

    @Positional(code: Finding.self) var code: String
    @Flag("on", "DATE") var date: LocalDate
    @Flag("result", "RESULT") var result: VerificationResult
    @Flag("note", "TEXT") var note: String?
    @Flags("photo", "FILE") var photoPaths: [String]

    func run(in session: Session) throws -> Output {
        try session.change(
            Finding.self, code, photos: photoPaths,
            done: result == .pass
                ? L("\(code) passed re-inspection and is closed", "\(code) 复查通过，已销号")
                : L("\(code) failed re-inspection and is open again", "\(code) 复查未通过，重新整改")
        ) {
            try Finding.verify(on: date, result: result, note: note, today: session.today, state: $0)
        }
    }
}
