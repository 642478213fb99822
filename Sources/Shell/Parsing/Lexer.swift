/// One word of a command line, and whether it was quoted (a quoted word is never a flag).
public struct Word: Equatable, Sendable {
    public var text: String
    public var quoted: Bool

    public init(_ text: String, quoted: Bool = false) {
        (self.text, self.quoted) = (text, quoted)
    }
}

/// Splits lines into commands and words by SHELL.md's rules: spaces separate words, `"…"` and
/// `'…'` keep everything inside literally, and outside quotes `;` ends a command and `#` starts
/// a comment.
public enum Lexer {
    public struct UnterminatedQuote: Error, Equatable {
        public var quote: Character
        /// The text from the opening quote on, to show the user.
        public var fragment: String
    }

    /// The commands on one line, each a list of words; empty commands are dropped.
    public static func commands(in line: String) throws(UnterminatedQuote) -> [[Word]] {
        var commands: [[Word]] = []
        var words: [Word] = []
        var current = ""
        var inWord = false
        var quotedWord = false
        var quote: Character?
        var quoteStart = line.startIndex

        func endWord() {
            if inWord { words.append(Word(current, quoted: quotedWord)) }
            current = ""
            inWord = false
            quotedWord = false
        }
        func endCommand() {
            endWord()
            if !words.isEmpty { commands.append(words) }
            words = []
        }

        var index = line.startIndex
        scan: while index < line.endIndex {
            let character = line[index]
            if let open = quote {
                if character == open {
                    quote = nil
                } else {
                    current.append(character)
                }
            } else {
                switch character {
                case "\"", "'":
                    quote = character
                    quoteStart = index
                    inWord = true
                    quotedWord = true
                case ";":
                    endCommand()
                case "#":
                    break scan
                case _ where character.isWhitespace:
                    endWord()
                default:
                    current.append(character)
                    inWord = true
                }
            }
            index = line.index(after: index)
        }
        if let open = quote {
            // Enough of the rest of the line to find the quote, not all of a very long one.
            let rest = line[quoteStart...]
            let fragment = rest.prefix(41).count > 40 ? rest.prefix(40) + "…" : String(rest)
            throw UnterminatedQuote(quote: open, fragment: fragment)
        }
        endCommand()
        return commands
    }
}
