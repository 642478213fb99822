import Planner

extension Arguments {
    /// A required amount in yuan (`--amount 12345.67`), refused naming the word when it is not
    /// yuan with at most two decimals.
    func requiredAmount(_ flag: String) throws(ShellError) -> Yuan {
        let text = try required(flag)
        do {
            return try Yuan(text)
        } catch {
            throw ShellError(L("--\(flag): \(error.english)", "--\(flag)：\(error.chinese)"))
        }
    }

    /// The `--percent N` of a target: a whole number; the domain checks its range.
    func requiredPercent(_ flag: String) throws(ShellError) -> Int {
        let text = try required(flag)
        guard let value = Int(text) else {
            throw ShellError.badValue(
                word: text, flag: "--" + flag, expected: L("a whole percentage 0 to 100", "0 到 100 的整数百分比"))
        }
        return value
    }
}
