import Planner
import PlannerStore

/// `inspection record`: record an inspection of a unit
struct InspectionRecord: Command {
    static let configuration = CommandSpec(
        path: ["inspection", "record"], aliases: [["检查", "登记"]], group: .inspections,
        syntax:
            "UNIT --on DATE [--inspector NAME] [--kind fire|production|school-surroundings|other] [--photo FILE]...",
        summary: L("Record an inspection of a unit", "登记对单位的检查"),
        example: "inspection record \"荣东万家商场\" --on 2017-01-08 --inspector 李检查 --kind fire",
        roles: [.inspector]
    )

    @Positional("UNIT") var unitName: String
    @Flag("on", "DATE") var date: LocalDate
    @Flag("inspector", "NAME") var inspector: String?
    @Flag("kind", "KIND") var kind: InspectionKind?
    @Flags("photo", "FILE") var photoPaths: [String]

    func run(in session: Session) throws -> Output {
        let code = try session.write { store in
            let unit = try session.load(Unit.self, unitName)
            let photos = try session.attach(photoPaths)
            let code = try store.nextCode("I")
            try session.apply(Inspection.self, code, photos: photos) {
                _ in
                try Inspection.record(
                    code: code, unitName: unitName, unit: unit, on: date, inspector: inspector, kind: kind,
                    today: session.today)
            }
            return code
        }
        return .created(code, L("recorded inspection \(code) of \(unitName)", "已登记对 \(unitName) 的检查 \(code)"))
    }
}
