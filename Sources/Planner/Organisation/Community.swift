/// A community (社区) under the office.
public struct Community: Aggregate, Equatable {
    public var name: String?

    public static let initial = Community(name: nil)

    public var exists: Bool { name != nil }

    public func evolve(_ event: Event) -> Community {
        guard case .communityAdded(let added) = event else { return self }
        return Community(name: added.name)
    }

    /// `community add NAME`
    public static func add(name: String, state: Community) throws -> [Event] {
        try DomainError.checkName(name, "community", "社区")
        guard !state.exists else {
            throw DomainError("community \(name) already exists", "社区 \(name) 已存在")
        }
        guard !name.isEmpty else { throw DomainError("a community needs a name", "社区名称不能为空") }
        return [.communityAdded(CommunityAdded(name: name))]
    }
}
