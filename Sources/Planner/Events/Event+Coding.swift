import Foundation

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
    /// The current schema version of every event type; older versions are upcast on read.
    public static let schemaVersion = 1

    public var type: String {
        switch self {
        case .communityAdded: return "CommunityAdded"
        case .unitAdded: return "UnitAdded"
        case .unitReclassified: return "UnitReclassified"
        case .unitClosed: return "UnitClosed"
        case .planAdded: return "PlanAdded"
        case .planRevised: return "PlanRevised"
        case .planEvaluated: return "PlanEvaluated"
        case .planRetired: return "PlanRetired"
        case .drillScheduled: return "DrillScheduled"
        case .drillRescheduled: return "DrillRescheduled"
        case .drillCancelled: return "DrillCancelled"
        case .drillConducted: return "DrillConducted"
        case .drillEvaluated: return "DrillEvaluated"
        case .campaignDefined: return "CampaignDefined"
        case .activityLogged: return "ActivityLogged"
        case .activityRetracted: return "ActivityRetracted"
        case .holidayNoticeImported: return "HolidayNoticeImported"
        case .inspectionRecorded: return "InspectionRecorded"
        case .findingAdded: return "FindingAdded"
        case .findingRectified: return "FindingRectified"
        case .findingVerified: return "FindingVerified"
        case .majorFindingReported: return "MajorFindingReported"
        case .remediationPlanned: return "RemediationPlanned"
        case .majorFindingEvaluated: return "MajorFindingEvaluated"
        case .majorFindingWrittenOff: return "MajorFindingWrittenOff"
        }
    }

    public func encoded() throws -> EncodedEvent {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data: Data
        switch self {
        case .communityAdded(let e): data = try encoder.encode(e)
        case .unitAdded(let e): data = try encoder.encode(e)
        case .unitReclassified(let e): data = try encoder.encode(e)
        case .unitClosed(let e): data = try encoder.encode(e)
        case .planAdded(let e): data = try encoder.encode(e)
        case .planRevised(let e): data = try encoder.encode(e)
        case .planEvaluated(let e): data = try encoder.encode(e)
        case .planRetired(let e): data = try encoder.encode(e)
        case .drillScheduled(let e): data = try encoder.encode(e)
        case .drillRescheduled(let e): data = try encoder.encode(e)
        case .drillCancelled(let e): data = try encoder.encode(e)
        case .drillConducted(let e): data = try encoder.encode(e)
        case .drillEvaluated(let e): data = try encoder.encode(e)
        case .campaignDefined(let e): data = try encoder.encode(e)
        case .activityLogged(let e): data = try encoder.encode(e)
        case .activityRetracted(let e): data = try encoder.encode(e)
        case .holidayNoticeImported(let e): data = try encoder.encode(e)
        case .inspectionRecorded(let e): data = try encoder.encode(e)
        case .findingAdded(let e): data = try encoder.encode(e)
        case .findingRectified(let e): data = try encoder.encode(e)
        case .findingVerified(let e): data = try encoder.encode(e)
        case .majorFindingReported(let e): data = try encoder.encode(e)
        case .remediationPlanned(let e): data = try encoder.encode(e)
        case .majorFindingEvaluated(let e): data = try encoder.encode(e)
        case .majorFindingWrittenOff(let e): data = try encoder.encode(e)
        }
        return EncodedEvent(type: type, schemaVersion: Event.schemaVersion, data: String(decoding: data, as: UTF8.self))
    }

    /// Reads a stored event, upcasting older schema versions first.
    public static func decode(type: String, schemaVersion: Int, data: String) throws -> Event {
        let json = try upcast(type: type, schemaVersion: schemaVersion, data: Data(data.utf8))
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        func read<T: Decodable>(_: T.Type) throws -> T {
            do {
                return try decoder.decode(T.self, from: json)
            } catch {
                throw EventDecodingError(type: type, reason: "\(error)")
            }
        }
        switch type {
        case "CommunityAdded": return .communityAdded(try read(CommunityAdded.self))
        case "UnitAdded": return .unitAdded(try read(UnitAdded.self))
        case "UnitReclassified": return .unitReclassified(try read(UnitReclassified.self))
        case "UnitClosed": return .unitClosed(try read(UnitClosed.self))
        case "PlanAdded": return .planAdded(try read(PlanAdded.self))
        case "PlanRevised": return .planRevised(try read(PlanRevised.self))
        case "PlanEvaluated": return .planEvaluated(try read(PlanEvaluated.self))
        case "PlanRetired": return .planRetired(try read(PlanRetired.self))
        case "DrillScheduled": return .drillScheduled(try read(DrillScheduled.self))
        case "DrillRescheduled": return .drillRescheduled(try read(DrillRescheduled.self))
        case "DrillCancelled": return .drillCancelled(try read(DrillCancelled.self))
        case "DrillConducted": return .drillConducted(try read(DrillConducted.self))
        case "DrillEvaluated": return .drillEvaluated(try read(DrillEvaluated.self))
        case "CampaignDefined":
            let defined = try read(CampaignDefined.self)
            // A fixed-day campaign without its day (or a fixed-month one without its month)
            // has no periods; refuse it here rather than answer reports without them.
            _ = try defined.schedule()
            return .campaignDefined(defined)
        case "ActivityLogged": return .activityLogged(try read(ActivityLogged.self))
        case "ActivityRetracted": return .activityRetracted(try read(ActivityRetracted.self))
        case "HolidayNoticeImported": return .holidayNoticeImported(try read(HolidayNoticeImported.self))
        case "InspectionRecorded": return .inspectionRecorded(try read(InspectionRecorded.self))
        case "FindingAdded": return .findingAdded(try read(FindingAdded.self))
        case "FindingRectified": return .findingRectified(try read(FindingRectified.self))
        case "FindingVerified": return .findingVerified(try read(FindingVerified.self))
        case "MajorFindingReported": return .majorFindingReported(try read(MajorFindingReported.self))
        case "RemediationPlanned": return .remediationPlanned(try read(RemediationPlanned.self))
        case "MajorFindingEvaluated": return .majorFindingEvaluated(try read(MajorFindingEvaluated.self))
        case "MajorFindingWrittenOff": return .majorFindingWrittenOff(try read(MajorFindingWrittenOff.self))
        default: throw EventDecodingError(type: type, reason: "unknown event type")
        }
    }

    /// Upgrades the data of an older schema version to the current one. Every type is at
    /// version 1 so far; a later version adds its step here, so the log is never rewritten.
    static func upcast(type: String, schemaVersion: Int, data: Data) throws -> Data {
        guard schemaVersion <= Event.schemaVersion else {
            throw EventDecodingError(type: type, reason: "schema version \(schemaVersion) is newer than this vigil")
        }
        return data
    }
}
