import CLibPQ

extension Connection {
    /// Hashes a password on the client, with the algorithm the server asks for
    /// (`password_encryption`), so the clear text never reaches the server or its log.
    public func encryptPassword(_ password: String, user: String) throws -> String {
        try withHandle { handle in
            guard let hashed = PQencryptPasswordConn(handle, password, user, nil) else {
                throw connectionError()
            }
            defer { PQfreemem(hashed) }
            return String(cString: hashed)
        }
    }
}
