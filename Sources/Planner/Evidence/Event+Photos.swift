extension Event {
    /// The event with photos attached, when its type carries evidence (an inspection, a
    /// finding and its rectification and re-inspection, a drill held); any other event, or no
    /// photos, leaves it as it is.
    public func carrying(_ photos: [Attachment]) -> Event {
        guard !photos.isEmpty else { return self }
        switch self {
        case .inspectionRecorded(var event):
            event.photos = photos
            return .inspectionRecorded(event)
        case .findingAdded(var event):
            event.photos = photos
            return .findingAdded(event)
        case .findingRectified(var event):
            event.photos = photos
            return .findingRectified(event)
        case .findingVerified(var event):
            event.photos = photos
            return .findingVerified(event)
        case .drillConducted(var event):
            event.photos = photos
            return .drillConducted(event)
        default:
            return self
        }
    }
}
