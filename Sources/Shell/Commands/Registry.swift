/// Every command of the shell, and how a list of words finds its command.
struct Registry: Sendable {
    let specs: [CommandSpec]

    static let standard = Registry(
        specs: CommandSpec.organisation + CommandSpec.plans + CommandSpec.drills + CommandSpec.drillReports
            + CommandSpec.campaigns + CommandSpec.holidays + CommandSpec.inspections + CommandSpec.majorFindings
            + [CommandSpec.findingStatistics] + CommandSpec.attachments + CommandSpec.session + CommandSpec.users
            + CommandSpec.help)

    /// The command whose words (or Chinese alias) begin the line, the longest match winning,
    /// and the words after them.
    func match(_ words: [Word]) -> (CommandSpec, [Word])? {
        var best: (CommandSpec, Int)?
        for spec in specs {
            for path in [spec.path] + spec.aliases where path.count <= words.count {
                let head = words.prefix(path.count)
                guard head.allSatisfy({ !$0.quoted }), zip(head, path).allSatisfy({ $0.text == $1 }) else { continue }
                if path.count > (best?.1 ?? 0) { best = (spec, path.count) }
            }
        }
        return best.map { ($0.0, Array(words.dropFirst($0.1))) }
    }

    /// Parses one command's words into an action, refusing with the offending word named.
    func parse(_ words: [Word]) throws(ShellError) -> (CommandSpec, Action) {
        guard let (spec, rest) = match(words) else {
            let typed = words.prefix(2).map(\.text).joined(separator: " ")
            throw ShellError.unknownCommand(typed, suggestion: suggestion(for: words))
        }
        let arguments = try Arguments(rest, flags: spec.flags, positionals: spec.positionals, command: spec.name)
        return (spec, try spec.make(arguments))
    }

    /// The nearest command name to what was typed.
    func suggestion(for words: [Word]) -> String? {
        let names = specs.map(\.name)
        let two = words.prefix(2).map(\.text).joined(separator: " ")
        if let near = Suggest.nearest(to: two, in: names) { return near }
        let first = words.first?.text ?? ""
        let heads = Array(Set(specs.map { $0.path[0] })).sorted()
        return Suggest.nearest(to: first, in: heads).map { head in
            names.filter { $0.hasPrefix(head) }.joined(separator: ", ")
        }
    }
}
