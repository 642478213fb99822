import Testing

@testable import Shell

@Suite("Progress of a long job")
struct ProgressLineTests {
    func reports(total: Int, every: Int, onTerminal: Bool) -> String {
        var written = ""
        let progress = ProgressLine(
            "demo", total: total, unit: "commands", every: every, onTerminal: onTerminal, write: { written += $0 })
        for done in 1...total { progress.advance(to: done) }
        return written
    }

    @Test("Off a terminal every report is a line of its own, ending with the total")
    func lines() {
        #expect(
            reports(total: 1_234, every: 500, onTerminal: false)
                == "demo: 500/1234 commands\ndemo: 1000/1234 commands\ndemo: 1234/1234 commands\n")
        #expect(
            reports(total: 1_000, every: 500, onTerminal: false)
                == "demo: 500/1000 commands\ndemo: 1000/1000 commands\n")
    }

    @Test("On a terminal one line is rewritten in place, and the last report ends it")
    func terminal() {
        #expect(
            reports(total: 1_234, every: 500, onTerminal: true)
                == "\rdemo: 500/1234 commands\rdemo: 1000/1234 commands\rdemo: 1234/1234 commands\n")
    }
}
