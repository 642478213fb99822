#if canImport(Glibc)
    import Glibc
#endif

/// Reads a password from the terminal without echo, twice.
enum Password {
    static func read(for name: String) throws -> String {
        guard let first = getpass("Password for \(name): ").map({ String(cString: $0) }), !first.isEmpty else {
            throw ShellError(L("no password given", "未输入密码"))
        }
        guard let second = getpass("Again: ").map({ String(cString: $0) }), second == first else {
            throw ShellError(L("the passwords differ", "两次输入的密码不一致"))
        }
        return first
    }
}
