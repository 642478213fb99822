import Planner
import Postgres

extension Row {
    /// A `date` column read as text; a value that is not a date is an error, not a guess.
    func date(_ column: String) throws -> LocalDate {
        try Row.parseDate(try decode(column, as: String.self), column: column)
    }

    /// A nullable `date` column read as text.
    func optionalDate(_ column: String) throws -> LocalDate? {
        try decode(column, as: String?.self).map { text in try Row.parseDate(text, column: column) }
    }

    /// A text column that holds one of the domain's enumerated values; anything else means the
    /// projection and the domain disagree, which must not pass as a plausible answer.
    func choice<T: RawRepresentable>(_ column: String, _: T.Type) throws -> T where T.RawValue == String {
        let text = try decode(column, as: String.self)
        guard let value = T(rawValue: text) else {
            throw PostgresError(kind: .client, message: "column \(column) holds an unknown \(T.self): \(text)")
        }
        return value
    }

    /// A nullable text column that holds one of the domain's enumerated values.
    func optionalChoice<T: RawRepresentable>(_ column: String, _: T.Type) throws -> T? where T.RawValue == String {
        try decode(column, as: String?.self) == nil ? nil : try choice(column, T.self)
    }

    private static func parseDate(_ text: String, column: String) throws -> LocalDate {
        guard let date = LocalDate(text) else {
            throw PostgresError(kind: .client, message: "column \(column) is not a date: \(text)")
        }
        return date
    }
}
