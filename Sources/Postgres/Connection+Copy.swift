extension Connection {
    /// Loads rows with `COPY … FROM STDIN` in text format; returns the number of rows copied.
    ///
    /// Values are escaped for the text format, and each chunk's length is its UTF-8 byte count,
    /// so Chinese text arrives intact.
    @discardableResult
    public func copyIn(_ statement: String, rows: some Sequence<[String?]>) throws -> Int {
        try startCopy(statement)
        var buffer: [UInt8] = []
        buffer.reserveCapacity(1 << 16)
        var count = 0
        for row in rows {
            for (index, value) in row.enumerated() {
                if index > 0 { buffer.append(UInt8(ascii: "\t")) }
                if let value {
                    Connection.appendEscaped(value, to: &buffer)
                } else {
                    buffer.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "N")])
                }
            }
            buffer.append(UInt8(ascii: "\n"))
            count += 1
            if buffer.count >= 1 << 16 {
                try putCopyData(buffer)
                buffer.removeAll(keepingCapacity: true)
            }
        }
        if !buffer.isEmpty { try putCopyData(buffer) }
        try endCopy()
        return count
    }

    /// Runs `COPY … TO STDOUT` and hands each chunk (one row in text format) to `body`.
    /// Returns the number of bytes received.
    @discardableResult
    public func copyOut(_ statement: String, _ body: (UnsafeRawBufferPointer) throws -> Void) throws -> Int {
        try startCopy(statement)
        return try receiveCopyData(body)
    }

    static func appendEscaped(_ value: String, to buffer: inout [UInt8]) {
        for byte in value.utf8 {
            switch byte {
            case UInt8(ascii: "\\"): buffer.append(contentsOf: [92, 92])
            case UInt8(ascii: "\t"): buffer.append(contentsOf: [92, UInt8(ascii: "t")])
            case UInt8(ascii: "\n"): buffer.append(contentsOf: [92, UInt8(ascii: "n")])
            case UInt8(ascii: "\r"): buffer.append(contentsOf: [92, UInt8(ascii: "r")])
            default: buffer.append(byte)
            }
        }
    }
}
