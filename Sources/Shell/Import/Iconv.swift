import Glibc

/// glibc's iconv, for the encodings Foundation on Linux does not offer: GB18030, which
/// spreadsheet programs in China save.
enum Iconv {
    /// The bytes converted between two encodings iconv names (`"GB18030"`, `"UTF-8"`); nil when
    /// the input is not valid in `source` or has no form in `target`.
    static func convert(_ bytes: [UInt8], from source: String, to target: String) -> [UInt8]? {
        guard let descriptor = iconv_open(target, source), descriptor != iconv_t(bitPattern: -1) else { return nil }
        defer { iconv_close(descriptor) }
        var input = bytes.map { CChar(bitPattern: $0) }
        // Four bytes out for each byte in covers every pair of encodings iconv knows but UTF-32.
        var output = [CChar](repeating: 0, count: bytes.count * 4 + 16)
        let capacity = output.count
        var outputLeft = capacity
        let converted = input.withUnsafeMutableBufferPointer { inputBuffer in
            output.withUnsafeMutableBufferPointer { outputBuffer -> Bool in
                var inputPointer = inputBuffer.baseAddress
                var inputLeft = inputBuffer.count
                var outputPointer = outputBuffer.baseAddress
                guard iconv(descriptor, &inputPointer, &inputLeft, &outputPointer, &outputLeft) != -1, inputLeft == 0
                else { return false }
                // Ends any shift state, for the encodings that have one.
                return iconv(descriptor, nil, nil, &outputPointer, &outputLeft) != -1
            }
        }
        guard converted else { return nil }
        return output[0..<(capacity - outputLeft)].map { UInt8(bitPattern: $0) }
    }
}
