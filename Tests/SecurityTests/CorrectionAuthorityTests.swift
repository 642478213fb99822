import EventStore
import Foundation
import Postgres
import Shell
import ShellHarness
import TestSupport
import Testing

/// Corrections from psql: only the roles that may record the original may correct it (a drill:
/// supervisors; a finding: supervisors and inspectors), and nothing of a refused append is
/// written.
@Suite("Security: corrections from psql", .serialized)
struct CorrectionAuthorityTests: AttackSuite {
    let setup: AttackSetup

    init() throws {
        setup = try AttackSetup(
            prefix: "c",
            lines: [
                "community add 江岸社区", "unit add 江岸小学 --community 江岸社区 --kind primary-school",
                "plan add 疏散预案 --unit 江岸小学 --level special --every 1m --from 2017-03-01",
                "drill record P-1 --on 2017-04-06 --participants 800",
                "inspection record 江岸小学 --on 2017-04-10 --kind fire",
                "finding add I-1 疏散通道堵塞 --severity general --due 2017-04-20", "community add 汉水湾社区",
                "budget set 安全生产 --year 2017 --amount 80000", "expense record 安全生产 --on 2017-03-15 --amount 100",
            ])
    }

    func append(_ connection: Connection, _ stream: String, _ events: String) throws {
        try connection.query("SELECT * FROM vigil.append(\(stream), -1, \(events)::jsonb)")
    }

    static let drillCorrected = event("DrillCorrected", #"{"on": "2017-04-05", "reason": "日期有误"}"#)
    static let findingCorrected = event("FindingCorrected", #"{"due": "2017-05-20", "reason": "期限有误"}"#)

    static let unitMoved = event("UnitMoved", #"{"community": "汉水湾社区", "reason": "社区有误"}"#)
    static let expenseRetracted = event("ExpenseRetracted", #"{"reason": "重复登记"}"#)
    static let planCorrected = event("PlanCorrected", #"{"every_months": 6, "reason": "周期有误"}"#)

    @Test("An inspector cannot correct a drill, move a unit or retract an expense; a manager cannot correct anything")
    func wrongRoles() throws {
        let inspector = try connect("inspector")
        for (stream, events) in [
            ("drill:D-1", Self.drillCorrected), ("unit:江岸小学", Self.unitMoved), ("expense:E-1", Self.expenseRetracted),
            ("plan:P-1", Self.planCorrected),
        ] {
            let error = try refused("\(stream) corrected by an inspector") { try append(inspector, stream, events) }
            #expect(error?.sqlState == "VG003", "\(error?.sqlState ?? "") \(error?.message ?? "")")
        }
        let manager = try connect("manager")
        for (stream, events) in [("drill:D-1", Self.drillCorrected), ("finding:F-1", Self.findingCorrected)] {
            let error = try refused("a correction by a manager") { try append(manager, stream, events) }
            #expect(error?.sqlState == "42501", "\(error?.sqlState ?? "") \(error?.message ?? "")")
        }
    }

    @Test("A correction must carry its reason")
    func reasonRequired() throws {
        let supervisor = try connect("supervisor")
        let error = try refused("DrillCorrected without a reason") {
            try append(supervisor, "drill:D-1", Self.event("DrillCorrected", #"{"on": "2017-04-05"}"#))
        }
        #expect(error?.sqlState == "VG006", "\(error?.sqlState ?? "") \(error?.message ?? "")")
    }

    @Test("A supervisor corrects a drill and an inspector a finding; the projection takes the corrected values")
    func rightRoles() throws {
        try append(try connect("supervisor"), "drill:D-1", Self.drillCorrected)
        try append(try connect("inspector"), "finding:F-1", Self.findingCorrected)
        let connection = try database.connect()
        #expect(
            try connection.query("SELECT conducted_on::text AS d FROM planner.drills WHERE code = 'D-1'").first?
                .decode("d", as: String.self) == "2017-04-05")
        #expect(
            try connection.query("SELECT due::text AS d FROM planner.findings WHERE code = 'F-1'").first?
                .decode("d", as: String.self) == "2017-05-20")
    }
}
