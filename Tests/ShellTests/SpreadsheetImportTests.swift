import Testing

@testable import Planner
@testable import Shell

@Suite("CSV records as spreadsheets write them")
struct CSVReaderTests {
    func cells(_ text: String) throws -> [[String]] {
        try CSVReader.records(text).map(\.cells)
    }

    @Test func quotedCellsHoldCommasQuotesAndLineBreaks() throws {
        let text = "name,note\n\"储运站, 东区\",\"say \"\"hi\"\"\"\n\"two\r\nlines\",x\n"
        #expect(try cells(text) == [["name", "note"], ["储运站, 东区", "say \"hi\""], ["two\nlines", "x"]])
    }

    @Test func crlfAndLfEndRecordsAlike() throws {
        #expect(try cells("a,b\r\n1,2\r\n") == cells("a,b\n1,2\n"))
        #expect(try cells("a,b\r\n1,2") == [["a", "b"], ["1", "2"]])
    }

    @Test func recordsKeepTheLineTheyStartOn() throws {
        let records = try CSVReader.records("h\n\"a\nb\"\nc\n")
        #expect(records.map(\.line) == [1, 2, 4])
    }

    @Test func emptyCellsAndAQuotedEmptyCell() throws {
        #expect(try cells(",,\n\"\"\n") == [["", "", ""], [""]])
    }

    @Test func anUnclosedQuoteIsRefusedWithItsLine() {
        #expect(throws: ShellError.self) { try CSVReader.records("a\nb\n\"open,x\n") }
        do throws(ShellError) {
            _ = try CSVReader.records("a\nb\n\"open,x\n")
        } catch {
            #expect(error.message.en.hasPrefix("line 3: a quoted cell is not closed"))
        }
    }
}

@Suite("Encodings of a saved spreadsheet")
struct SpreadsheetTextTests {
    @Test func utf8WithAndWithoutBOM() throws {
        let plain = try #require(SpreadsheetText(Array("名称,社区\n".utf8)))
        #expect(plain == SpreadsheetText(text: "名称,社区\n", encoding: .utf8))
        let marked = try #require(SpreadsheetText([0xEF, 0xBB, 0xBF] + Array("名称\n".utf8)))
        #expect(marked == SpreadsheetText(text: "名称\n", encoding: .utf8WithBOM))
    }

    @Test func gb18030RoundTripThroughIconv() throws {
        // 中 is D6 D0 in GB2312, GBK and GB18030 alike; € has a four-byte GB18030 form.
        #expect(Iconv.convert(Array("中".utf8), from: "UTF-8", to: "GB18030") == [0xD6, 0xD0])
        let text = "名称,社区,类型\n江岸小学,江岸社区,primary-school\n€ 𠀀\n"
        let gb = try #require(Iconv.convert(Array(text.utf8), from: "UTF-8", to: "GB18030"))
        #expect(gb != Array(text.utf8))
        #expect(SpreadsheetText(gb) == SpreadsheetText(text: text, encoding: .gb18030))
    }

    @Test func bytesInNeitherEncodingAreRefused() {
        // 0xFF never starts a GB18030 character.
        #expect(SpreadsheetText([0x61, 0xFF, 0xFF, 0x0A]) == nil)
        #expect(Iconv.convert([0xFF], from: "GB18030", to: "UTF-8") == nil)
    }
}

@Suite("Header rows of an import")
struct ImportSheetTests {
    func sheet<C: ImportColumn>(_ text: String, _: C.Type) throws(ShellError) -> ImportSheet<C> {
        try ImportSheet<C>(try CSVReader.records(text))
    }

    @Test func chineseHeadingsInAnyOrder() throws {
        let sheet = try sheet("重点单位,类型,名称,社区\n是,hazardous,储运站,江岸社区\n", UnitColumn.self)
        let row = try #require(sheet.rows.first)
        let unit = try UnitRow(row, of: sheet)
        #expect(unit.name == "储运站" && unit.community == "江岸社区" && unit.kind == .hazardous && unit.keyFireUnit)
    }

    @Test func englishHeadingsAsTheFlagsWithOptionalCellsEmpty() throws {
        let sheet = try sheet(
            "Name, unit ,level,hazard,every,from\nP,江岸小学,special,,,\nQ,江岸小学,onsite,火灾,6m,2017-01-01\n",
            PlanColumn.self)
        let plans = try sheet.rows.map { try PlanRow($0, of: sheet) }
        #expect(plans[0].hazard == nil && plans[0].every == nil && plans[0].from == nil)
        #expect(plans[1].hazard == "火灾" && plans[1].every == Interval("6m") && plans[1].from == LocalDate("2017-01-01"))
        #expect(try self.sheet("name,community,kind,key-fire-unit\n", UnitColumn.self).rows.isEmpty)
    }

    @Test func unknownAndMissingColumnsAreNamed() {
        do throws(ShellError) {
            _ = try sheet("名称,地址,类型\n", UnitColumn.self)
            Issue.record("accepted a sheet without 社区")
        } catch {
            #expect(error.message.en == "line 1: unknown column \"地址\"; missing column community")
            #expect(error.message.zh == "第 1 行：未知的列 “地址”；缺少列 社区")
        }
    }

    @Test func badCellsNameTheWordAndTheColumn() throws {
        let sheet = try sheet("名称,社区,类型,重点单位\nA,C,school,\nB,C,other,maybe\nC,,other,\n", UnitColumn.self)
        let reasons = sheet.rows.map { row -> String in
            do throws(ShellError) {
                _ = try UnitRow(row, of: sheet)
                return "accepted"
            } catch {
                return error.message.en
            }
        }
        #expect(reasons[0].hasPrefix("bad value \"school\" for 类型: expected one of primary-school|"))
        #expect(reasons[1] == "bad value \"maybe\" for 重点单位: expected yes or no")
        #expect(reasons[2] == "社区 is empty")
    }

    @Test func repeatedNamesStrayCellsAndBlankRows() throws {
        let sheet = try sheet("name,community,kind\nA,C,other\n\n,,\nA,C,other\nB,C,other,extra\n", UnitColumn.self)
        #expect(sheet.rows.map(\.line) == [2, 5])
        #expect(sheet.problems.map(\.line) == [6])
        #expect(sheet.repeated(.name, what: L("unit", "单位")).map(\.reason.en) == ["unit A is also on line 2"])
    }
}
