import Testing

@testable import Shell

@Suite("The pager and what it is told")
struct PagerTests {
    @Test("less is told that the output is UTF-8, unless the user chose a charset")
    func charset() {
        let pager = Pager.from(environment: ["LANG": "zh_CN.UTF-8"])
        #expect(pager?.command == "less -FRX")
        #expect(pager?.shellCommand == "export LESSCHARSET='utf-8'; less -FRX")

        #expect(Pager.from(environment: ["LESSCHARSET": "latin1"])?.shellCommand == "less -FRX")
        #expect(Pager.from(environment: ["LESSCHARDEF": "8bcccbcc18b95.."])?.shellCommand == "less -FRX")
        // An empty choice is no choice.
        #expect(Pager.from(environment: ["LESSCHARSET": ""])?.settings.map(\.name) == ["LESSCHARSET"])
    }

    @Test("PAGER is run as typed; empty or cat turns paging off")
    func userPager() {
        #expect(
            Pager.from(environment: ["PAGER": "most -s"])?.shellCommand == "export LESSCHARSET='utf-8'; most -s")
        #expect(Pager.from(environment: ["PAGER": ""]) == nil)
        #expect(Pager.from(environment: ["PAGER": "cat"]) == nil)
    }

    @Test("Values are quoted for the shell")
    func quoting() {
        #expect(Pager.quoted("it's") == #"'it'\''s'"#)
    }
}
