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
                "cancel", "correct", "evaluate", "record", "reschedule", "schedule",
            ])
    }

    @Test("After a command: its flags for a dash, live names and codes otherwise")
    func flagsAndNames() {
        #expect(Completion.candidates(typed: "drill record P-1 --p", partial: "--p") == ["--participants", "--photo"])
        #expect(Completion.candidates(typed: "drill record P", partial: "P") == ["P-1", "P-12"])
        #expect(Completion.candidates(typed: "unit list --community 江岸", partial: "江岸") == ["江岸小学", "江岸社区"])
        #expect(Completion.candidates(typed: "findings --o", partial: "--o") == ["--open", "--overdue"])
    }

    @Test("Chinese aliases complete as the English words do")
    func chineseAliases() {
        #expect(Completion.candidates(typed: "演", partial: "演") == ["演练"])
        #expect(Completion.candidates(typed: "演练 ", partial: "") == ["列表", "安排", "登记", "逾期"])
        #expect(Completion.candidates(typed: "演练 安", partial: "安") == ["安排"])
        #expect(Completion.candidates(typed: "宣传 定", partial: "定") == ["定义"])
        // After an alias, the command's flags and live names, as after its English words.
        #expect(Completion.candidates(typed: "演练 登记 P", partial: "P") == ["P-1", "P-12"])
        #expect(Completion.candidates(typed: "演练 登记 D-3 --p", partial: "--p") == ["--participants", "--photo"])
    }

    @Test("A command that longer ones begin offers their next word beside the names")
    func longerCommands() {
        #expect(Completion.candidates(typed: "compliance s", partial: "s") == ["summary"])
        #expect(Completion.candidates(typed: "隐患 ", partial: "").starts(with: ["D-3", "P-1", "P-12"]))
        #expect(Set(Completion.candidates(typed: "隐患 ", partial: "")).isSuperset(of: ["登记", "整改", "复查", "统计"]))
        #expect(Completion.candidates(typed: "drill record ", partial: "江").allSatisfy { $0.hasPrefix("江岸") })
    }

    @Test("After help come command words, in English or Chinese, never names")
    func afterHelp() {
        #expect(Completion.candidates(typed: "help 演", partial: "演") == ["演练"])
        #expect(Completion.candidates(typed: "帮助 演练 ", partial: "") == ["列表", "安排", "登记", "逾期"])
        #expect(Completion.candidates(typed: "help dr", partial: "dr") == ["drill", "drills"])
        #expect(Completion.candidates(typed: "help drill rec", partial: "rec") == ["record"])
        #expect(Completion.candidates(typed: "help ", partial: "江").isEmpty)
    }
}
