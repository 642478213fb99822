import Planner

/// A flag a command accepts: `--name VALUE`, or `--name` alone when it is a switch.
public struct FlagSpec: Sendable {
    public var name: String
    public var valueName: String?
    public var required: Bool

    public init(_ name: String, _ valueName: String? = nil, required: Bool = false) {
        (self.name, self.valueName, self.required) = (name, valueName, required)
    }

    public var isSwitch: Bool { valueName == nil }
}

/// A command's words after its name, split into positionals and flags, with typed accessors
/// whose errors name the offending word.
public struct Arguments {
    public var positionals: [String]
    public var flags: [String: String]
    /// Every value of a flag given more than once, in order (`--action A --action B`).
    public var repeated: [String: [String]]
    public var switches: Set<String>
    let command: String
    let specs: [FlagSpec]

    /// Splits words into positionals and flags, checking them against the command's flags.
    init(_ words: [Word], flags specs: [FlagSpec], positionals expected: [String], command: String) throws(ShellError) {
        self.command = command
        self.specs = specs
        positionals = []
        flags = [:]
        repeated = [:]
        switches = []
        var index = 0
        while index < words.count {
            let word = words[index]
            index += 1
            guard !word.quoted, word.text.hasPrefix("--"), word.text.count > 2 else {
                positionals.append(word.text)
                continue
            }
            let body = word.text.dropFirst(2)
            let name = String(body.prefix { $0 != "=" })
            let inlineValue = body.contains("=") ? String(body.drop { $0 != "=" }.dropFirst()) : nil
            guard let spec = specs.first(where: { $0.name == name }) else {
                let known = specs.map { "--" + $0.name }
                throw ShellError.unknownFlag(
                    "--" + name, command: command, suggestion: Suggest.nearest(to: "--" + name, in: known))
            }
            if spec.isSwitch {
                if let inlineValue {
                    throw ShellError.badValue(word: inlineValue, flag: "--" + name, expected: L("no value", "不带值"))
                }
                switches.insert(name)
                continue
            }
            let value: String
            if let inlineValue {
                value = inlineValue
            } else {
                // A flag where a value should be means the value was forgotten; taking the flag
                // as the value would blame a later flag for being missing.
                guard index < words.count, words[index].quoted || !words[index].text.hasPrefix("--") else {
                    throw ShellError.missingValue(flag: "--" + name, valueName: spec.valueName ?? "VALUE")
                }
                value = words[index].text
                index += 1
            }
            flags[name] = value
            repeated[name, default: []].append(value)
        }
        for spec in specs where spec.required && flags[spec.name] == nil && !switches.contains(spec.name) {
            throw ShellError.missingFlag("--" + spec.name, valueName: spec.valueName ?? "", command: command)
        }
        if positionals.count < expected.count {
            throw ShellError.missingArgument(expected[positionals.count], command: command)
        }
        if positionals.count > expected.count {
            throw ShellError.unexpectedWord(positionals[expected.count], command: command)
        }
    }

    public func positional(_ index: Int) -> String {
        positionals[index]
    }

    public func string(_ flag: String) -> String? {
        flags[flag]
    }

    /// All values of a flag that may be given several times.
    public func strings(_ flag: String) -> [String] {
        repeated[flag] ?? []
    }

    public func has(_ flag: String) -> Bool {
        switches.contains(flag)
    }

    /// The value of a flag, read by its parser, when given.
    func value<Value>(_ flag: String, _ parser: ValueParser<Value>) throws(ShellError) -> Value? {
        guard let text = flags[flag] else { return nil }
        return try parser.parse(text, "--" + flag)
    }

    /// The value of a flag the spec marks required; parsing has already refused its absence,
    /// so a missing value here is a spec that does not mark it.
    func required(_ flag: String) throws(ShellError) -> String {
        guard let text = flags[flag] else {
            let valueName = specs.first { $0.name == flag }?.valueName ?? ""
            throw ShellError.missingFlag("--" + flag, valueName: valueName, command: command)
        }
        return text
    }

    public static func date(_ text: String, flag: String) throws(ShellError) -> LocalDate {
        guard let date = LocalDate(text) else {
            throw ShellError.badValue(word: text, flag: flag, expected: L("a date YYYY-MM-DD", "日期，格式 YYYY-MM-DD"))
        }
        return date
    }

    public static func choice<T: RawRepresentable & CaseIterable>(_ text: String, _: T.Type, flag: String)
        throws(ShellError) -> T where T.RawValue == String
    {
        guard let value = T(rawValue: text) else {
            let options = T.allCases.map(\.rawValue).joined(separator: "|")
            throw ShellError.badValue(word: text, flag: flag, expected: L("one of \(options)", "以下之一：\(options)"))
        }
        return value
    }
}
