/// `user revoke`: take a role away from a user
struct UserRevoke: RoleChange {
    static let configuration = roleConfiguration(
        "revoke", L("Take a role away from a user", "撤销用户的角色"), example: "user revoke zhang_li --role supervisor")
    static let granted = false

    @Positional("NAME") var name: String
    @Flag("role", "ROLE") var role: Role
}
