/// The language of messages, headers and help; command words, flags and JSON keys stay English.
public enum Language: String, Sendable, CaseIterable {
    case en, zh

    /// Chinese when `LC_ALL`, `LC_MESSAGES` or `LANG` (first one set) starts with `zh`.
    public static func from(environment: [String: String]) -> Language {
        for key in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            if let value = environment[key], !value.isEmpty {
                return value.lowercased().hasPrefix("zh") ? .zh : .en
            }
        }
        return .en
    }
}

/// A text in both languages; the session picks one when it is shown.
public struct L: Sendable, Equatable {
    public var en: String
    public var zh: String

    public init(_ en: String, _ zh: String) {
        (self.en, self.zh) = (en, zh)
    }

    public func text(_ language: Language) -> String {
        language == .zh ? zh : en
    }
}
