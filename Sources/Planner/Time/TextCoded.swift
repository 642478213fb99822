/// A value stored in JSON as its text (`"2017-03-06"`, `"03-last-mon"`): encoded as its
/// description, decoded through its parser, refused naming the form it expects.
public protocol TextCoded: Codable, CustomStringConvertible {
    /// Parses the text form; nil when the text is not one.
    init?(_ text: String)
    /// The form the text must have, for the message when it does not.
    static var expectedForm: String { get }
}

extension TextCoded {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let value = Self(text) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "expected \(Self.expectedForm), got \(text)")
        }
        self = value
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
