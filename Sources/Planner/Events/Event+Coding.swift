import Foundation

/// The payload of one event type: the data of its case of `Event`.
///
/// Its type name, stream kind, writers and fields are in `EventRegistry`, which lists each
/// payload type once; reading and writing the stored form is derived from there.
public protocol EventPayload: Codable, Sendable, Equatable {
    /// The version of the payload's shape; an older stored version is upcast when read.
    static var schemaVersion: Int { get }
    /// This payload in its case of `Event`.
    var event: Event { get }
    /// Refuses a payload that decodes but cannot be used (a fixed-day campaign without its day).
    func validate() throws
}

extension EventPayload {
    public static var schemaVersion: Int { 1 }
    /// The name the log stores the type under: the payload type's own name.
    public static var typeName: String { String(describing: Self.self) }
    public func validate() throws {}

    /// Reads the payload from its stored JSON and wraps it in its case of `Event`.
    static func decodeEvent(from json: Data, _ decoder: JSONDecoder) throws -> Event {
        let payload = try decoder.decode(Self.self, from: json)
        try payload.validate()
        return payload.event
    }
}

/// An event's stored form: its type name, schema version and JSON data.
public struct EncodedEvent: Sendable, Equatable {
    public var type: String
    public var schemaVersion: Int
    public var data: String
}

/// Why a stored event could not be read.
public struct EventDecodingError: Error, CustomStringConvertible {
    public var type: String
    public var reason: String
    public var description: String { "cannot read a \(type) event: \(reason)" }
}

extension Event {
    /// The event's data.
    public var payload: any EventPayload {
        switch self {
        case .communityAdded(let payload): return payload
        case .unitAdded(let payload): return payload
        case .unitReclassified(let payload): return payload
        case .unitClosed(let payload): return payload
        case .unitMoved(let payload): return payload
        case .planAdded(let payload): return payload
        case .planRevised(let payload): return payload
        case .planEvaluated(let payload): return payload
        case .planRetired(let payload): return payload
        case .planCorrected(let payload): return payload
        case .drillScheduled(let payload): return payload
        case .drillRescheduled(let payload): return payload
        case .drillCorrected(let payload): return payload
        case .drillCancelled(let payload): return payload
        case .drillConducted(let payload): return payload
        case .drillEvaluated(let payload): return payload
        case .campaignDefined(let payload): return payload
        case .activityLogged(let payload): return payload
        case .activityRetracted(let payload): return payload
        case .holidayNoticeImported(let payload): return payload
        case .inspectionRecorded(let payload): return payload
        case .findingAdded(let payload): return payload
        case .findingRectified(let payload): return payload
        case .findingVerified(let payload): return payload
        case .majorFindingReported(let payload): return payload
        case .remediationPlanned(let payload): return payload
        case .majorFindingEvaluated(let payload): return payload
        case .majorFindingWrittenOff(let payload): return payload
        case .findingCorrected(let payload): return payload
        case .budgetSet(let payload): return payload
        case .expenseRecorded(let payload): return payload
        case .expenseRetracted(let payload): return payload
        case .targetSet(let payload): return payload
        }
    }

    /// The name the log stores the event's type under.
    public var type: String { Swift.type(of: payload).typeName }

    public func encoded() throws -> EncodedEvent {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let payload = self.payload
        let data = try encoder.encode(payload)
        return EncodedEvent(
            type: type, schemaVersion: Swift.type(of: payload).schemaVersion,
            data: String(decoding: data, as: UTF8.self))
    }

    /// Reads a stored event of a registered type, upcasting older schema versions first.
    public static func decode(type: String, schemaVersion: Int, data: String) throws -> Event {
        guard let payload = EventRegistry.payloads[type] else {
            throw EventDecodingError(type: type, reason: "unknown event type")
        }
        let json = try upcast(
            type: type, schemaVersion: schemaVersion, current: payload.schemaVersion, data: Data(data.utf8))
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        do {
            return try payload.decodeEvent(from: json, decoder)
        } catch let error as EventDecodingError {
            throw error
        } catch {
            throw EventDecodingError(type: type, reason: "\(error)")
        }
    }

    /// Upgrades the data of an older schema version to the current one. Every type is at
    /// version 1 so far; a later version adds its step here, so the log is never rewritten.
    static func upcast(type: String, schemaVersion: Int, current: Int, data: Data) throws -> Data {
        guard schemaVersion <= current else {
            throw EventDecodingError(type: type, reason: "schema version \(schemaVersion) is newer than this vigil")
        }
        return data
    }
}
