import EventStore
import PlannerStore

extension Session {
    /// The stream a user's reference names: a code, a year of holidays, a year's budget or
    /// targets (`budget:2017`), or a name.
    func stream(for reference: String) throws -> String {
        if let stream = PlannerStore.Stream.forCode(reference) { return stream }
        if let year = Int(reference), (1900...2200).contains(year) { return PlannerStore.Stream.holidays(year) }
        // A year's budget and targets are one stream each, named as the log names them.
        for (kind, stream) in [("budget:", PlannerStore.Stream.budget), ("target:", PlannerStore.Stream.target)] {
            if reference.hasPrefix(kind), let year = Int(reference.dropFirst(kind.count)) { return stream(year) }
        }
        for stream in [
            PlannerStore.Stream.community(reference), PlannerStore.Stream.unit(reference),
            PlannerStore.Stream.campaign(reference),
        ]
        where try store.events.version(of: stream, street: store.street(of: stream)) > 0 {
            return stream
        }
        throw ShellError(
            L(
                "no record named \(reference): give a code (P-3, D-1, …) or a community, unit or campaign name",
                "没有名为 \(reference) 的记录：请给出编号（P-3、D-1 等）或社区、单位、宣传活动名称"))
    }
}
