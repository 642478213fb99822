import EventStore
import PlannerStore

/// `street add`: a street office (街道) of a district (区), in the directory of this database
struct StreetAdd: Command {
    static let configuration = CommandSpec(
        path: ["street", "add"], aliases: [["街道", "添加"]], group: .admin,
        syntax: "NAME --district D [--code CODE] [--district-code CODE]",
        summary: L("Add a street office (街道) of a district (区)", "添加街道办事处及其所属区"),
        details: L(
            "Each street keeps its own records, codes and names; a district's managers compare them with --district. The first street added takes over the records this database kept until then. --code is the street's 统计用区划代码 (9 or 12 digits), --district-code the district's (6 digits).",
            "每个街道有各自的记录、编号和名称；区级管理人员用 --district 汇总比较。第一个添加的街道接管本数据库此前的全部记录。--code 为街道的统计用区划代码（9 或 12 位），--district-code 为区的代码（6 位）。"
        ),
        example: "street add 长丰街道 --district 硚口区 --code 420104009", roles: [.admin]
    )

    @Positional("NAME") var name: String
    @Flag("district", "D") var district: String
    @Flag("code", "CODE") var code: String?
    @Flag("district-code", "CODE") var districtCode: String?

    func run(in session: Session) throws -> Output {
        if try session.store.streets().contains(where: { $0.name == name }) {
            throw ShellError(
                L("street \(name) already exists", "街道 \(name) 已存在"), hint: L("street list", "street list"))
        }
        let kept = try session.store.events.eventCount(streets: [1])
        let street = try session.store.addStreet(name, district: district, code: code, districtCode: districtCode)
        let message =
            street == 1 && kept > 0
            ? L(
                "added street \(name) of \(district); the records kept so far are \(name)'s",
                "已添加街道 \(name)（\(district)）；此前的记录归属 \(name)")
            : L("added street \(name) of \(district)", "已添加街道 \(name)（\(district)）")
        return .object([("street", .text(name)), ("district", .text(district))], message: message)
    }
}

/// `street list`: the street offices of the directory
struct StreetList: Command {
    static let configuration = CommandSpec(
        path: ["street", "list"], aliases: [["街道", "列表"]], group: .admin, syntax: "",
        summary: L("The street offices and their districts", "街道办事处及其所属区"),
        example: "street list"
    )

    func run(in session: Session) throws -> Output {
        .table(
            try session.store.streets(),
            [
                Field("street", L("street", "街道")) { .text($0.name) },
                Field("district", L("district", "区")) { .text($0.district) },
                Field("code", L("code", "区划代码")) { .optional($0.code) },
                Field("readable", L("yours", "可查看")) { .flag($0.readable, L("yes", "是")) },
            ])
    }
}

/// `district list`: the districts and how many streets each has
struct DistrictList: Command {
    static let configuration = CommandSpec(
        path: ["district", "list"], aliases: [["区", "列表"]], group: .admin, syntax: "",
        summary: L("The districts and their streets' count", "各区及其街道数"),
        example: "district list"
    )

    func run(in session: Session) throws -> Output {
        .table(
            try session.store.districts(),
            [
                Field("district", L("district", "区")) { .text($0.name) },
                Field("code", L("code", "区划代码")) { .optional($0.code) },
                Field("streets", L("streets", "街道数")) { .int($0.streets) },
            ])
    }
}
