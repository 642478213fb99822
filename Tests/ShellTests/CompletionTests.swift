import Testing

@testable import Shell

@Suite("Tab completion candidates")
struct CompletionTests {
    init() {
        Completion.specs = Registry.standard.specs
        Completion.names = ["江岸社区", "江岸小学", "P-1", "P-12", "D-3"]
    }

    @Test("First words, then the next word of a command")
    func commandWords() {
        #expect(Completion.candidates(typed: "comm", partial: "comm") == ["community"])
        #expect(Completion.candidates(typed: "comp", partial: "comp") == ["compliance"])
        #expect(Completion.candidates(typed: "drills ov", partial: "ov") == ["overdue"])
        #expect(
            Completion.candidates(typed: "drill ", partial: "") == [
                "cancel", "evaluate", "record", "reschedule", "schedule",
            ])
    }

    @Test("After a command: its flags for a dash, live names and codes otherwise")
    func flagsAndNames() {
        #expect(Completion.candidates(typed: "drill record P-1 --p", partial: "--p") == ["--participants"])
        #expect(Completion.candidates(typed: "drill record P", partial: "P") == ["P-1", "P-12"])
        #expect(Completion.candidates(typed: "unit list --community 江岸", partial: "江岸") == ["江岸小学", "江岸社区"])
        #expect(Completion.candidates(typed: "findings --o", partial: "--o") == ["--open", "--overdue"])
    }
}
