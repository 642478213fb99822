import Foundation
import Testing

@testable import Planner

/// The registry is the one definition of the event types: the database loads it, and here it is
/// held against the Swift encoders so that renaming a property cannot silently drift from it.
@Suite("Event registry")
struct EventRegistryTests {
    @Test("No event type is specified twice")
    func oneSpecPerType() throws {
        let specified = EventRegistry.types.map(\.name)
        #expect(Set(specified).count == specified.count, "a type is specified twice")
    }

    @Test("The encoder writes only specified fields, and every required one", arguments: EventCodingTests.samples)
    func fieldsMatchTheEncoder(_ event: Event) throws {
        let spec = try #require(EventRegistry.spec(event.type))
        let encoded = try event.encoded()
        let object = try #require(try JSONSerialization.jsonObject(with: Data(encoded.data.utf8)) as? [String: Any])
        let names = Set(spec.fields.map(\.name))
        #expect(Set(object.keys).isSubset(of: names), "\(event.type) writes \(Set(object.keys).subtracting(names))")
        for field in spec.fields where field.required {
            #expect(object[field.name] != nil, "\(event.type) does not write its required \(field.name)")
        }
        #expect(encoded.schemaVersion == spec.schemaVersion)
    }

    @Test("A keyed type's key is one of its required fields")
    func keysAreRequiredFields() {
        for spec in EventRegistry.types {
            guard case .field(let key) = spec.key else { continue }
            #expect(spec.fields.contains { $0.name == key && $0.required }, "\(spec.name) is keyed by \(key)")
        }
    }

    @Test("The database rows carry every field's kind and limits")
    func databaseRows() throws {
        let rows = EventRegistry.types.map(\.databaseRow)
        let plan = try #require(rows.first { $0.type == "PlanAdded" })
        #expect(plan.streamKind == "plan" && plan.key == "code" && plan.roles == ["supervisor"])
        #expect(plan.fields.first { $0.name == "code" }?.prefix == "P")
        #expect(plan.fields.first { $0.name == "level" }?.values == ["comprehensive", "special", "onsite"])
        let json = try EventRegistry.databaseJSON()
        #expect(json.contains("\"max_length\" : 200"))
    }
}
