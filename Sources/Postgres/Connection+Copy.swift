extension Connection {
    /// Loads rows with `COPY … FROM STDIN` in text format; returns the number of rows copied.
    ///
    /// Values are escaped for the text format, and each chunk's length is its UTF-8 byte count,
    /// so Chinese text arrives intact.
    @discardableResult
    public func copyIn(_ statement: String, rows: some Sequence<[String?]>) throws -> Int {
        var count = 0
        try copyIn(
            statement,
            text: rows.lazy.map { row in
                var line: [UInt8] = []
                for (index, value) in row.enumerated() {
                    if index > 0 { line.append(UInt8(ascii: "\t")) }
                    if let value {
                        Connection.appendEscaped(value, to: &line)
                    } else {
                        line.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "N")])
                    }
                }
                line.append(UInt8(ascii: "\n"))
                count += 1
                return line
            })
        return count
    }

    /// Loads data already in COPY's text format (whole lines, each ending in a newline), as
    /// `copyOut` hands it out, with `COPY … FROM STDIN`.
    public func copyIn(_ statement: String, text chunks: some Sequence<[UInt8]>) throws {
        try startCopy(statement)
        var buffer: [UInt8] = []
        buffer.reserveCapacity(1 << 16)
        for chunk in chunks {
            buffer += chunk
            if buffer.count >= 1 << 16 {
                try putCopyData(buffer)
                buffer.removeAll(keepingCapacity: true)
            }
        }
        if !buffer.isEmpty { try putCopyData(buffer) }
        try endCopy()
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
