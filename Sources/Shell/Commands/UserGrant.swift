/// `user grant`: give a user another role
struct UserGrant: RoleChange {
    static let configuration = roleConfiguration(
        "grant", L("Give a user another role", "为用户增加角色"), example: "user grant zhang_li --role supervisor")
    static let granted = true

    @Positional("NAME") var name: String
    @Flag("role", "ROLE") var role: Role
}
