import CLibPQ

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The raw libpq calls behind notifications and COPY, kept in one place.
extension Connection {
    var socketDescriptor: Int32 { withHandle { PQsocket($0) } }

    func consumeInput() -> Bool {
        withHandle { PQconsumeInput($0) == 1 }
    }

    func drainNotifications() -> [Notification] {
        withHandle { handle in
            var received: [Notification] = []
            while let raw = PQnotifies(handle) {
                let note = raw.pointee
                received.append(
                    Notification(
                        channel: String(cString: note.relname),
                        payload: String(cString: note.extra),
                        senderPID: note.be_pid))
                PQfreemem(raw)
            }
            return received
        }
    }

    func startCopy(_ statement: String) throws {
        let result = withHandle { PQexec($0, statement) }
        _ = try consume(result)
    }

    func putCopyData(_ bytes: [UInt8]) throws {
        let status = withHandle { handle in
            bytes.withUnsafeBufferPointer { buffer in
                buffer.withMemoryRebound(to: CChar.self) {
                    PQputCopyData(handle, $0.baseAddress, Int32($0.count))
                }
            }
        }
        guard status == 1 else { throw connectionError() }
    }

    func endCopy() throws {
        guard withHandle({ PQputCopyEnd($0, nil) }) == 1 else { throw connectionError() }
        try finishCopy()
    }

    func receiveCopyData(_ body: (UnsafeRawBufferPointer) throws -> Void) throws -> Int {
        var total = 0
        while true {
            var chunk: UnsafeMutablePointer<CChar>?
            let length = withHandle { PQgetCopyData($0, &chunk, 0) }
            if length > 0, let chunk {
                defer { PQfreemem(chunk) }
                total += Int(length)
                try body(UnsafeRawBufferPointer(start: chunk, count: Int(length)))
            } else if length == -1 {
                break
            } else {
                throw connectionError()
            }
        }
        try finishCopy()
        return total
    }

    /// Reads the results that end a COPY, surfacing a server error such as a bad row.
    private func finishCopy() throws {
        while let result = withHandle({ PQgetResult($0) }) {
            _ = try consume(result)
        }
    }
}
