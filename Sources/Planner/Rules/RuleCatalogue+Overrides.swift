import Foundation

/// A local rule file (a province's or the office's own stricter cadence), as JSON:
///
///     [{"id": "OFFICE-KG-1", "obligation": "drill", "summary": "幼儿园每月疏散演练",
///       "months": 1, "cadence": "≥1 per month", "kinds": ["kindergarten"],
///       "applies_to": "辖区幼儿园", "in_force": "2020-01-01", "source": "街道安全生产制度 第5条"}]
///
/// Optional keys: `key_fire_unit` (true/false) and `levels` (plan levels). Every rule must name
/// its source; local rules join the shipped ones, and the strictest in force still wins.
public struct RuleOverrideError: Error, CustomStringConvertible, Equatable {
    public var description: String
}

extension RuleCatalogue {
    private struct LocalRule: Decodable {
        var id: String
        var obligation: String
        var summary: String
        var months: Int?
        var cadence: String
        var kinds: [String]?
        var keyFireUnit: Bool?
        var levels: [String]?
        var appliesTo: String
        var inForce: String
        var source: String
    }

    /// The shipped rules plus those of a local rule file.
    public static func withOverrides(_ data: Data, file: String) throws -> RuleCatalogue {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        let local: [LocalRule]
        do {
            local = try decoder.decode([LocalRule].self, from: data)
        } catch DecodingError.keyNotFound(let key, let context) {
            throw RuleOverrideError(
                description:
                    "\(file): rule \(context.codingPath.first.map { "#\($0.intValue.map { $0 + 1 } ?? 0)" } ?? "") lacks \"\(key.stringValue.snakeCased)\""
            )
        } catch {
            throw RuleOverrideError(description: "\(file): not a list of rules in JSON (\(error))")
        }
        var rules = shipped
        for rule in local {
            guard let obligation = Rule.Obligation(rawValue: rule.obligation) else {
                throw RuleOverrideError(description: "\(file): rule \(rule.id): unknown obligation \(rule.obligation)")
            }
            guard let inForce = LocalDate(rule.inForce) else {
                throw RuleOverrideError(
                    description: "\(file): rule \(rule.id): in_force \(rule.inForce) is not a date YYYY-MM-DD")
            }
            guard !rule.source.isEmpty else {
                throw RuleOverrideError(description: "\(file): rule \(rule.id) must name its source")
            }
            if let months = rule.months, months <= 0 {
                throw RuleOverrideError(description: "\(file): rule \(rule.id): months must be positive")
            }
            func values<T: RawRepresentable>(_ names: [String]?, _ what: String) throws -> Set<T>?
            where T.RawValue == String {
                try names.map { names in
                    try Set(
                        names.map { name in
                            guard let value = T(rawValue: name) else {
                                throw RuleOverrideError(
                                    description: "\(file): rule \(rule.id): unknown \(what) \(name)")
                            }
                            return value
                        })
                }
            }
            let kinds: Set<UnitKind>? = try values(rule.kinds, "unit kind")
            let levels: Set<PlanLevel>? = try values(rule.levels, "plan level")
            guard !rules.contains(where: { $0.id == rule.id }) else {
                throw RuleOverrideError(description: "\(file): rule id \(rule.id) is used twice")
            }
            rules.append(
                Rule(
                    id: rule.id, obligation: obligation, summary: rule.summary, months: rule.months,
                    cadenceText: rule.cadence,
                    scope: Rule.Scope(kinds: kinds, keyFireUnit: rule.keyFireUnit, levels: levels),
                    scopeText: rule.appliesTo, inForce: inForce, source: rule.source, status: .local))
        }
        return RuleCatalogue(rules: rules)
    }
}

extension String {
    fileprivate var snakeCased: String {
        reduce(into: "") { text, character in
            if character.isUppercase {
                text += "_" + character.lowercased()
            } else {
                text.append(character)
            }
        }
    }
}
