import EventStore
import PlannerStore

/// `history`: the events of one record, oldest first: when, who, what
struct History: Command {
    static let configuration = CommandSpec(
        path: ["history"], aliases: [["历史"]], group: .reports, syntax: "REF",
        summary: L("The events of one record, oldest first: when, who, what", "某条记录的全部事件（按时间顺序）：时间、操作人、内容"),
        details: L(
            "REF: a code (P-3, D-1, A-7, I-2, F-4, E-5), or a community, unit or campaign name, or a year of holidays, or budget:YEAR or target:YEAR.",
            "REF：编号（P-3、D-1、A-7、I-2、F-4、E-5），或社区、单位、宣传活动名称，或节假日年份，或 budget:年份、target:年份。"),
        example: "history D-1"
    )

    @Positional("REF") var reference: String

    func run(in session: Session) throws -> Output {
        let stream = try session.stream(for: reference)
        return .table(
            try session.store.events.read(stream: stream, street: session.store.street(of: stream)),
            [
                Field("version", L("#", "#")) { .int($0.streamVersion) },
                Field("recorded_at", L("recorded", "记录时间")) { .text(session.recordedTime($0.recordedAt)) },
                Field("actor", L("actor", "操作人")) { .optional($0.actor) },
                Field("type", L("event", "事件")) { .text($0.type) },
                Field("data", L("data", "内容")) { .text($0.data) },
            ])
    }
}
