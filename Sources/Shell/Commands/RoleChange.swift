import PlannerStore

/// `user grant` and `user revoke`: one role of one user, given or taken away.
struct RoleChange {
    let name: String
    let role: Role

    init(_ args: Arguments) throws(ShellError) {
        name = args.positional(0)
        role = try args.requiredChoice("role", Role.self)
    }

    func run(in session: Session, granted: Bool, _ message: L) throws -> Output {
        try session.store.setRole(role.rawValue, of: name, granted: granted)
        return .created(name, message)
    }
}
