import EventStore
import Planner
import PlannerStore

extension Session {
    /// Loads an aggregate, lets the decider decide, and appends the result at the version it
    /// was loaded at, in the caller's transaction. With `mustExist`, a stream never created is
    /// refused as "no WHAT NAME" before deciding, from the same single read. `photos` (already
    /// stored, see `attach`) go with the decided event that carries evidence.
    @discardableResult
    func apply<A: Aggregate>(
        _: A.Type, stream: String, mustExist: (what: L, name: String)? = nil, photos: [Attachment] = [],
        _ decide: (A) throws -> [Event]
    ) throws -> AppendResult {
        let loaded = try store.load(A.self, stream: stream)
        if let mustExist, !loaded.state.exists { throw ShellError.notFound(mustExist.what, mustExist.name) }
        let events = try decide(loaded.state).map { $0.carrying(photos) }
        // A decision that changes nothing records nothing.
        guard !events.isEmpty else { return AppendResult(streamVersion: loaded.version, positions: []) }
        return try store.append(events, to: stream, expectedVersion: loaded.version, metadata: metadata())
    }

    /// The whole of a command that changes one existing aggregate named by a code or name: in
    /// a transaction of its own, stores the `--photo` files, loads the aggregate (refusing "no
    /// WHAT NAME" when it was never created), decides and appends; then shows the name and
    /// what was `done`.
    func change<A: Named>(
        _: A.Type, _ name: String, photos paths: [String] = [], done: L, _ decide: (A) throws -> [Event]
    ) throws -> Output {
        try write { _ in
            let photos = try attach(paths)
            try apply(A.self, name, existing: true, photos: photos, decide)
        }
        return .created(name, done)
    }

    /// `apply` to the `A` a name or code names; `existing` refuses one never created as "no
    /// WHAT NAME".
    @discardableResult
    func apply<A: Named>(
        _: A.Type, _ name: String, existing: Bool = false, photos: [Attachment] = [],
        _ decide: (A) throws -> [Event]
    ) throws -> AppendResult {
        try apply(
            A.self, stream: A.naming.stream(name), mustExist: existing ? (A.naming.what, name) : nil, photos: photos,
            decide)
    }

    /// Loads the state of the `A` a name or code names.
    func load<A: Named>(_: A.Type, _ name: String) throws -> A {
        try store.load(A.self, stream: A.naming.stream(name)).state
    }

    /// Loads an `A` that must exist, or refuses naming it.
    func existing<A: Named>(_: A.Type, _ name: String) throws -> A {
        let state = try load(A.self, name)
        guard state.exists else { throw ShellError.notFound(A.naming.what, name) }
        return state
    }
}

/// Reference checks shared by commands that name a code.
enum Code {
    /// Checks that a word is a code of an aggregate named by codes (`P-3`), naming it when it
    /// is not; any word names an aggregate named by its name.
    static func check<A: Named>(_ word: String, _: A.Type) throws(ShellError) -> String {
        guard let kind = A.naming.letter else { return word }
        let what = A.naming.what
        let number = word.dropFirst(kind.count + 1)
        guard word.hasPrefix(kind + "-"), !number.isEmpty, number.count <= 9,
            number.allSatisfy({ $0.isASCII && $0.isNumber }), (Int(number) ?? 0) > 0
        else {
            throw ShellError(
                L(
                    "\"\(word)\" is not a \(what.en) code; expected \(kind)-n, e.g. \(kind)-1",
                    "\"\(word)\" 不是\(what.zh)编号；应为 \(kind)-n，如 \(kind)-1"))
        }
        return word
    }
}
