/// A refusal by a domain rule, with the reason in English and Chinese.
///
/// The shell shows one of the two; both are written here, next to the rule, so that a rule and
/// its explanation cannot drift apart.
public struct DomainError: Error, Equatable, Sendable, CustomStringConvertible {
    public var english: String
    public var chinese: String

    public init(_ english: String, _ chinese: String) {
        (self.english, self.chinese) = (english, chinese)
    }

    public var description: String { english }

    /// The longest name a community, unit or campaign may have. Names are keys: every report
    /// row shows them, and they are part of the log's stream ids, whose index takes no more
    /// than about 2,700 bytes — so without a limit a long name fails in the database instead.
    public static let maximumNameLength = 200

    /// Refuses a name longer than `maximumNameLength`, without repeating it.
    static func checkName(_ name: String, _ what: String, _ whatZh: String) throws {
        guard name.count > maximumNameLength else { return }
        throw DomainError(
            "the \(what) name is \(name.count) characters long; at most \(maximumNameLength) are allowed",
            "\(whatZh)名称长 \(name.count) 个字符，最多允许 \(maximumNameLength) 个")
    }

    static func future(_ what: String, _ whatZh: String, _ date: LocalDate, today: LocalDate) -> DomainError {
        DomainError(
            "\(what) is dated \(date), after today (\(today)); record it on or after the day it happens",
            "\(whatZh)日期 \(date) 晚于今天（\(today)）；请在事情发生后再登记")
    }
}

/// The decider shape every aggregate follows: a state folded from its events.
public protocol Aggregate: Sendable {
    static var initial: Self { get }
    /// False until the stream's first event: the thing was never created.
    var exists: Bool { get }
    func evolve(_ event: Event) -> Self
}

extension Aggregate {
    /// Folds a stream's events into its current state.
    public static func fold(_ events: [Event]) -> Self {
        events.reduce(initial) { $0.evolve($1) }
    }
}
