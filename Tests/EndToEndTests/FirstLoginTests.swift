import Foundation
import TestSupport
import Testing

/// `make run` gives the person at the keyboard an admin login of their own, so the prompt and
/// `history` name them, not the PostgreSQL superuser (which is kept for migrations).
@Suite("The person's own login on first run", .serialized)
struct FirstLoginTests {
    @Test("first-login creates an admin login named after the OS user and points vigil at it")
    func personalAdminLogin() throws {
        let scratch = try Scratch()
        let root = VigilBinary.packageRoot
        let environment: [String: String?] = ["XDG_STATE_HOME": scratch.url.path]
        for _ in 0..<2 {  // a second make run finds the login there and changes nothing
            let setUp = try Subprocess.run(
                root.appendingPathComponent("scripts/first-login.sh").path, [VigilBinary.path, ".vigil/test"],
                in: root, environment: environment)
            #expect(setUp.status == 0, "\(setUp.stderr)")
        }
        let person = ProcessInfo.processInfo.userName
        let conninfo = try String(
            contentsOf: scratch.url.appendingPathComponent("vigil/conninfo"), encoding: .utf8)
        #expect(conninfo.contains("user=\(person)"), "\(conninfo)")

        let community = "社区" + String(UUID().uuidString.prefix(6))
        let shell = try VigilBinary.run(
            ["--format", "json", "-c", "whoami; community add \(community); history \(community)"], in: scratch.url,
            environment: environment)
        #expect(shell.status == 0, "\(shell.stderr)")
        #expect(shell.stdout.contains("\"user\":\"\(person)\""), "\(shell.stdout)")
        #expect(shell.stdout.contains("\"roles\":[\"admin\"]"), "\(shell.stdout)")
        #expect(shell.stdout.contains("\"actor\":\"\(person)\""), "\(shell.stdout)")
    }
}
