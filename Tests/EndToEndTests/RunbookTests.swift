import Foundation
import TestSupport
import Testing

/// Every `sh` block of every runbook runs, in order, against scratch databases, so that the
/// runbooks cannot go stale (Runbooks/README.md says how).
@Suite("Runbooks", .serialized)
struct RunbookTests {
    static let folder = VigilBinary.packageRoot.appendingPathComponent("Runbooks")

    /// The runbooks this run executes: on a Citus cluster (`make test-citus`) the one about
    /// Citus, on one server every other.
    static var runbooks: [String] {
        allRunbooks.filter { ($0 == citusRunbook) != TestDatabase.citusWorkers.isEmpty }
    }

    static let citusRunbook = "scaling-out.md"

    static var allRunbooks: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
            .filter { $0.hasSuffix(".md") && $0 != "README.md" }.sorted()
    }

    /// The bodies of the ```sh blocks of a markdown file, in order.
    static func blocks(_ markdown: String) -> [String] {
        var blocks: [String] = []
        var current: [Substring]?
        for line in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            if current == nil, line == "```sh" {
                current = []
            } else if current != nil, line == "```" {
                blocks.append(current?.joined(separator: "\n") ?? "")
                current = nil
            } else if current != nil {
                current?.append(line)
            }
        }
        return blocks
    }

    @Test("The runbooks exist and each has blocks to run")
    func inventory() {
        #expect(Self.allRunbooks.count >= 9 && Self.allRunbooks.contains(Self.citusRunbook))
        for runbook in Self.allRunbooks {
            let text = (try? String(contentsOf: Self.folder.appendingPathComponent(runbook), encoding: .utf8)) ?? ""
            #expect(!Self.blocks(text).isEmpty, "\(runbook) has no sh block")
        }
    }

    @Test("Every block of the runbook succeeds", arguments: runbooks)
    func runbook(_ name: String) throws {
        let database = try TestDatabase(migrated: false)
        let scratch = try TestDatabase(migrated: false, distributed: false)
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("runbook-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: work) }
        for file in try FileManager.default.contentsOfDirectory(
            atPath: Self.folder.appendingPathComponent("files").path)
        {
            try FileManager.default.copyItem(
                at: Self.folder.appendingPathComponent("files").appendingPathComponent(file),
                to: work.appendingPathComponent(file))
        }
        let markdown = try String(contentsOf: Self.folder.appendingPathComponent(name), encoding: .utf8)
        let binFolder = URL(fileURLWithPath: VigilBinary.path).deletingLastPathComponent().path
        for (index, block) in Self.blocks(markdown).enumerated() {
            let script = """
                set -euo pipefail
                fails() { if "$@"; then echo "expected to be refused: $*" >&2; return 1; fi; }
                \(block)
                """
            let result = try Subprocess.run(
                "/bin/bash", ["-c", script], in: work,
                environment: [
                    "PATH": binFolder + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"),
                    "VIGIL_DATABASE_URL": database.conninfo, "VIGIL_SCRATCH_URL": scratch.conninfo,
                ])
            #expect(result.status == 0, "\(name), block \(index + 1) failed:\n\(block)\n--- stderr\n\(result.stderr)")
            if result.status != 0 { return }
        }
    }
}
