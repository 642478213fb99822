import Foundation
import Testing

@testable import Shell

/// Feeds the lexer and the command parser thousands of random and mutated lines.
///
/// `Registry.parse` only builds the command's action; the action is never run here, and only
/// running it touches the database. So these lines perform no I/O by construction: "a refused
/// line never writes" holds because parsing is complete before anything could be written.
@Suite("Parser fuzzing")
struct ParserFuzzTests {
    /// SplitMix64: tiny, fast and fully determined by its seed, so a failure can be replayed.
    struct SeededGenerator: RandomNumberGenerator {
        var state: UInt64

        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static let seed: UInt64 = 20_190_630
    static let lineCount = 20_000

    /// Words that stress the lexer and the typed accessors.
    static let oddWords = [
        "\"", "'", ";", "#", "=", "--", "---", "--=", "--x=", "--on=", "--on=2019-02-30", "\"\"", "''", "'a;b#c'",
        "\"--on\"", "-", "D-", "D-99", "P-0", "F-+1", "0d", "99999wd", "99999999999999999999", "-1", "1e3",
        "2019-13-01", "2019-02-29", "yes", "否", "江岸社区", "汉水湾社区（东区）", "；", "＃", "\u{3000}", "🚒", "👩‍🚒",
        "e\u{0301}", "\u{0}", "\u{1B}[31m", "\u{7F}", "\u{202E}", "\t", "\r", "\u{FEFF}", "𠀀",
    ]

    static let randomScalars: [ClosedRange<UInt32>] = [
        0x00...0x7F, 0x80...0x2FF, 0x3000...0x303F, 0x4E00...0x9FFF, 0xFF00...0xFFEF, 0x1F300...0x1F6FF,
        0x20000...0x2A6DF,
    ]

    static func randomWord(_ rng: inout SeededGenerator) -> String {
        switch Int.random(in: 0..<80, using: &rng) {
        case 0..<40: return oddWords.randomElement(using: &rng) ?? ""
        // Rare, because suggestions for a mistyped word cost time in proportion to its length.
        case 40: return String(repeating: "长w", count: Int.random(in: 100...600, using: &rng))
        case 41..<56:
            return "--" + (Registry.standard.specs.randomElement(using: &rng)?.flags.randomElement()?.name ?? "x")
        default:
            let count = Int.random(in: 0...8, using: &rng)
            var word = String.UnicodeScalarView()
            for _ in 0..<count {
                let range = randomScalars.randomElement(using: &rng) ?? 0x61...0x7A
                if let scalar = Unicode.Scalar(UInt32.random(in: range, using: &rng)) { word.append(scalar) }
            }
            return String(word)
        }
    }

    /// A line to start from: an example or a synopsis from the command table, and how many of
    /// its first words are the command's own.
    struct Seed {
        var words: [String]
        var head: Int
    }

    static let seeds = Registry.standard.specs.flatMap { spec in
        [spec.example, spec.name + " " + spec.syntax].map {
            Seed(words: $0.split(separator: " ").map(String.init), head: spec.path.count)
        }
    }

    /// One line: a seed mutated one to three times.
    static func line(_ rng: inout SeededGenerator) -> String {
        guard let seed = seeds.randomElement(using: &rng) else { return "" }
        var words = seed.words
        // Most lines keep their command words, so that they get as far as flags and values;
        // the others exercise command lookup and its suggestions.
        let low = Int.random(in: 0..<8, using: &rng) == 0 ? 0 : seed.head
        for _ in 0..<Int.random(in: 1...3, using: &rng) {
            let index = Int.random(in: min(low, words.count)...words.count, using: &rng)
            let existing = index < words.count
            switch Int.random(in: 0..<7, using: &rng) {
            case 0 where existing: words.remove(at: index)
            case 1 where existing: words.insert(words[index], at: index)
            case 2 where existing: words.swapAt(index, Int.random(in: index..<words.count, using: &rng))
            case 3 where existing: words[index] = randomWord(&rng)
            case 4 where existing:
                // Glue a quote, `;`, `#` or `=` into a word.
                var word = Array(words[index])
                let glue: [Character] = ["\"", "'", ";", "#", "="]
                word.insert(glue.randomElement(using: &rng) ?? "=", at: Int.random(in: 0...word.count, using: &rng))
                words[index] = String(word)
            default: words.insert(randomWord(&rng), at: index)
            }
        }
        return words.joined(separator: Bool.random(using: &rng) ? " " : "  ")
    }

    /// What is wrong with how an error names the words it complains about, or nil when fine.
    static func namingProblem(_ error: ShellError, _ words: [Word]) -> String? {
        let message = error.message.en
        guard !message.isEmpty, !error.message.zh.isEmpty else { return "an empty message" }
        if let hint = error.hint, hint.en.isEmpty || hint.zh.isEmpty { return "an empty hint" }
        let texts = Set(words.map(\.text))
        // A `--flag=value` word supplies both the flag name and the value.
        let flags = Set(words.filter { !$0.quoted }.map { String($0.text.prefix { $0 != "=" }) })
        let inline = Set(
            words.compactMap { word in word.text.firstIndex(of: "=").map { String(word.text[$0...].dropFirst()) } })
        if let typed = message.after("unknown command: ") {
            return typed == words.prefix(2).map(\.text).joined(separator: " ")
                ? nil : "names \(typed), not the words typed"
        }
        if let flag = message.after(" has no flag ") {
            return flags.contains(flag) ? nil : "names the flag \(flag), which was not typed"
        }
        if let value = message.quoted(after: "bad value ") {
            return texts.contains(value) || inline.contains(value)
                ? nil : "names the value \(value), which was not typed"
        }
        if let word = message.quoted(after: "unexpected word ") {
            return texts.contains(word) ? nil : "names the word \(word), which was not typed"
        }
        if let range = message.range(of: " needs a value (") {
            let flag = String(message[..<range.lowerBound])
            return flags.contains(flag) ? nil : "says \(flag) needs a value though it was not typed"
        }
        if let needed = message.after(" needs --")?.prefix(while: { $0 != " " }) {
            // A missing flag must really be missing: typing it (in any form) satisfies it.
            return flags.contains("--" + needed) ? "says --\(needed) is missing though it was typed" : nil
        }
        return nil
    }

    /// The kind of refusal, to check that the generated lines reach every kind.
    static func category(_ message: String) -> String {
        if message.hasPrefix("unknown command: ") { return "unknown command" }
        if message.contains(" has no flag ") { return "unknown flag" }
        if message.hasPrefix("bad value ") { return "bad value" }
        if message.hasPrefix("unexpected word ") { return "unexpected word" }
        if message.contains(" needs --") { return "missing flag" }
        return "other"
    }

    @Test("20,000 random and mutated lines parse or are refused with a message naming the word")
    func fuzz() {
        var rng = SeededGenerator(state: Self.seed)
        var problems: [String] = []
        var parsed = 0
        var refused: [String: Int] = [:]
        for number in 0..<Self.lineCount {
            let line = Self.line(&rng)
            let commands: [[Word]]
            do {
                commands = try Lexer.commands(in: line)
            } catch {
                refused["unterminated quote", default: 0] += 1
                if error.fragment.first != error.quote { problems.append("line \(number): fragment \(error.fragment)") }
                continue
            }
            for words in commands {
                if words.isEmpty { problems.append("line \(number): an empty command from \(line)") }
                do {
                    _ = try Registry.standard.parse(words)
                    parsed += 1
                } catch {
                    refused[Self.category(error.message.en), default: 0] += 1
                    if let problem = Self.namingProblem(error, words) {
                        problems.append("line \(number) \(line.prefix(200).debugDescription): \(problem)")
                    }
                }
            }
        }
        #expect(problems.isEmpty, "\(problems.count) problems, first: \(problems.prefix(5).joined(separator: "\n"))")
        // The generator must reach both outcomes and the error kinds checked above, or the
        // test would pass without testing anything. (About one line in twenty parses; each new
        // command whose syntax line has a required flag moves that a little.)
        #expect(parsed > 900)
        #expect((refused["unterminated quote"] ?? 0) > 500)
        for category in ["unknown command", "unknown flag", "bad value", "unexpected word", "missing flag"] {
            #expect((refused[category] ?? 0) > 200, "only \(refused[category] ?? 0) lines refused as \(category)")
        }
    }

    @Test("A flag left without its value is named, not the flag typed after it")
    func flagWithoutValue() throws {
        // Found by the fuzzer: `--unit --level special` took "--level" as the unit's name and
        // then refused the line because --level was missing, though it had been typed.
        let line = try #require(try Lexer.commands(in: "plan add 预案 --unit --level special").first)
        #expect(throws: ShellError.missingValue(flag: "--unit", valueName: "U")) {
            try Registry.standard.parse(line)
        }
        // Quoted, a word that looks like a flag is still an ordinary value.
        let quoted = try #require(try Lexer.commands(in: "plan add 预案 --unit \"--level\" --level special").first)
        #expect(throws: Never.self) { try Registry.standard.parse(quoted) }
    }

    @Test("The lexer splits on unquoted spaces, keeps quoted ones, and obeys ; and # only outside quotes")
    func lexerRules() throws {
        let commands = try Lexer.commands(in: "a \"b c;#\" 'd\"e' ; f=g # h ; i")
        #expect(commands == [[Word("a"), Word("b c;#", quoted: true), Word("d\"e", quoted: true)], [Word("f=g")]])
        #expect(try Lexer.commands(in: "  ;; # only a comment") == [])
        #expect(try Lexer.commands(in: "x \"\"") == [[Word("x"), Word("", quoted: true)]])
        #expect(throws: Lexer.UnterminatedQuote(quote: "'", fragment: "'社区 ;")) {
            try Lexer.commands(in: "community add '社区 ;")
        }
    }
}

extension String {
    /// The text after the first occurrence of `marker`.
    fileprivate func after(_ marker: String) -> String? {
        range(of: marker).map { String(self[$0.upperBound...]) }
    }

    /// The text between the double quotes that follow `marker`.
    fileprivate func quoted(after marker: String) -> String? {
        guard let range = range(of: marker + "\"") else { return nil }
        let rest = self[range.upperBound...]
        // The value itself may contain quotes; the message closes it with `" for` or `" after`.
        guard let end = rest.range(of: "\" for ") ?? rest.range(of: "\" after ") else { return nil }
        return String(rest[..<end.lowerBound])
    }
}
