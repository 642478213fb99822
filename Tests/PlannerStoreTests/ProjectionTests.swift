import EventStore
import Foundation
import Planner
import Testing

/// The planner's projection (`Schema/projections/planner.sql`) against the event registry: a
/// type it forgets, or a field it reads under a name the registry does not give (a Swift
/// property renamed, a typo), would leave a column NULL without an error anywhere.
@Suite("The projection reads what the registry defines")
struct ProjectionTests {
    /// The branches of `vigil.project_planner`'s CASE: the types each one handles and the
    /// top-level payload keys it reads (`d->>'on'`, `d->'notice'`, `d ? 'communities'`).
    static func branches() throws -> [(types: [String], keys: Set<String>)] {
        let definition = try #require(Definition.all.first { $0.name == "planner" })
        let sql = definition.sql
        let body = try #require(sql.range(of: "FUNCTION vigil.project_planner"))
        let caseStart = try #require(sql.range(of: "CASE e.event_type", range: body.upperBound..<sql.endIndex))
        let caseEnd = try #require(sql.range(of: "END CASE;", range: caseStart.upperBound..<sql.endIndex))
        let when = try Regex(#"^    WHEN ((?:'[A-Za-z]+'(?:, )?)+) THEN$"#).anchorsMatchLineEndings()
        let key = try Regex(#"\bd\s*(?:->>|->|\?)\s*'([a-z_]+)'"#)
        var branches: [(types: [String], keys: Set<String>)] = []
        for line in sql[caseStart.upperBound..<caseEnd.lowerBound].split(separator: "\n") {
            if let match = try when.wholeMatch(in: line), let list = match.output[1].substring {
                let types = list.split(separator: ",").map {
                    $0.trimmingCharacters(in: CharacterSet(charactersIn: " '"))
                }
                branches.append((types, []))
            } else if !branches.isEmpty {
                for match in line.matches(of: key) {
                    if let name = match.output[1].substring { branches[branches.count - 1].keys.insert(String(name)) }
                }
            }
        }
        return branches
    }

    @Test("Every registered event type has its branch in the projection, and only once")
    func everyTypeProjected() throws {
        let handled = try Self.branches().flatMap(\.types)
        #expect(Set(handled).count == handled.count, "a type handled twice: \(handled)")
        let registered = EventRegistry.types.map(\.name)
        #expect(Set(handled) == Set(registered), "registered, not projected: \(Set(registered).subtracting(handled))")
    }

    @Test("Each branch reads only fields its types define")
    func keysAreFields() throws {
        let branches = try Self.branches()
        #expect(!branches.isEmpty)
        for branch in branches {
            for type in branch.types {
                let spec = try #require(EventRegistry.spec(type))
                let fields = Set(spec.fields.map(\.name))
                #expect(branch.keys.isSubset(of: fields), "\(type) reads \(branch.keys.subtracting(fields))")
            }
        }
    }
}
