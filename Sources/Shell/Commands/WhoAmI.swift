import PlannerStore

/// `whoami`: who you are connected as, and your roles
struct WhoAmI: Command {
    static let configuration = CommandSpec(
        path: ["whoami"], group: .session, syntax: "",
        summary: L("Who you are connected as, and your roles", "当前登录的用户及其角色"),
        example: "whoami"
    )

    func run(in session: Session) throws -> Output {
        let roles = session.roles.sorted().map(\.rawValue)
        // What the database will let this user record here, as it decides it.
        let kinds = try session.store.recordableStreamKinds()
        let records = kinds.isEmpty ? "-" : kinds.joined(separator: ", ")
        var fields: [(String, Value)] = [
            ("user", .text(session.store.user)), ("database", .text(session.store.database)),
            ("roles", .list(roles.map(Value.text))), ("may_record", .list(kinds.map(Value.text))),
        ]
        var message = L(
            "\(session.store.user)@\(session.store.database): \(roles.joined(separator: ", ")); may record: \(records)",
            "\(session.store.user)@\(session.store.database)：\(roles.joined(separator: "、"))；可登记：\(records)")
        // Once streets are named: whose records the rights cover.
        if try !session.store.streets().isEmpty {
            let scope = try session.store.scope()
            fields += [("street", .optional(scope.street)), ("district", .optional(scope.district))]
            let covers =
                scope.street.map { L("street \($0)", "街道 \($0)") } ?? scope.district.map {
                    L("district \($0)", "区 \($0)")
                }
                ?? L(roles.contains("admin") ? "every street" : "no street", roles.contains("admin") ? "全部街道" : "无街道")
            message = L(message.en + "; rights cover: " + covers.en, message.zh + "；权限范围：" + covers.zh)
        }
        return .object(fields, message: message)
    }
}
