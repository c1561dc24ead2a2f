import ShenbaoData
import Foundation
import ShenbaoCore
import ShenbaoOOXML
import ShenbaoSummary
import ShenbaoTestSupport
import Testing

@Suite struct XLSXWriterTests {
    static func summary(_ dir: TempDirectory) throws -> SummaryTable {
        let templates = try dir.fixtureTemplates()
        let generated = try SubmissionFactory.jbgs(in: dir)
        let spec = try SummarySpec.load(formID: "jbgs-test", templatesDirectory: templates)
        return try SummaryBuilder.build(spec: spec, paths: generated.map(\.path)).table
    }

    @Test func cellsReadBackAsTheTableWithNumbersAsNumbers() throws {
        let dir = TempDirectory()
        let table = try Self.summary(dir)
        let out = "\(dir.path)/汇总.xlsx"
        try SummaryFormat.xlsx.write(table, to: out)
        let book = try XLSXReader(path: out)
        // One sheet per recommender: title row, 盖章 line, header, its rows, 填表人 line.
        let part = table.parts[0]
        #expect(table.parts.count == 3)
        #expect(book.texts.first == [table.title])
        #expect(book.texts[1] == ["推荐单位（盖章）：济南市大数据局"])
        #expect(book.tableTexts == [table.header] + table.rows[part.rows])
        #expect(book.texts.last == ["填表人：　　　　　　　　联系电话：　　　　　　　　填报日期：　　　　年　　月　　日"])
        let third = try XLSXReader(path: out, sheet: 3)
        #expect(third.tableTexts == [table.header] + table.rows[table.parts[2].rows])
        #expect(third.tableTexts[1].prefix(3) == ["1", "青岛市大数据局", "1"])
        // 序号, 推荐排序 and 申请资金 are numbers; the phone column stays text.
        let first = book.rows[3]
        #expect(first.map(\.type) == [nil, "s", nil, "s", "s", "s", "s", nil, nil])
        #expect(first[6].text == "13912340101")
        #expect(first[7].text == "110.5")
        // Header cells use the bold style.
        #expect(Set(book.rows[2].map(\.style)) == [1])
        #expect(book.rows[0].first?.style == 4)
        let styles = try book.archive.xml("xl/styles.xml").root
        let xf = try #require(styles.child("cellXfs")?.elements[1])
        let font = try #require(styles.child("fonts")?.elements[Int(xf[attribute: "fontId"]!)!])
        #expect(font.child("b") != nil)
        #expect(xf[attribute: "applyFont"] == "1")
    }

    @Test func headerIsFrozenAndColumnsAreSized() throws {
        let dir = TempDirectory()
        let table = try Self.summary(dir)
        let out = "\(dir.path)/汇总.xlsx"
        try SummaryFormat.xlsx.write(table, to: out)
        let book = try XLSXReader(path: out)
        let pane = try #require(book.sheet.child("sheetViews")?.child("sheetView")?.child("pane"))
        #expect(pane[attribute: "state"] == "frozen")
        #expect(pane[attribute: "ySplit"] == "3")
        #expect(pane[attribute: "topLeftCell"] == "A4")
        let cols = try #require(book.sheet.child("cols")?.elements)
        #expect(cols.count == table.columns.count)
        let widths = cols.map { Double($0[attribute: "width"]!)! }
        // 序号 narrow; 揭榜单位 sized by “济南第10数据科技有限公司”: 11 CJK × 2 + 2 digits + 2 padding.
        #expect(widths[0] == 6)
        #expect(widths[3] == 26)
        #expect(widths[3] > widths[2])
        #expect(cols.allSatisfy { $0[attribute: "customWidth"] == "1" })
        #expect(book.sheet.child("dimension")?[attribute: "ref"] == "A1:I15")
        #expect(book.sheet.child("autoFilter")?[attribute: "ref"] == "A3:I13")
        #expect(book.sheet.child("mergeCells")?.elements.map { $0[attribute: "ref"] } == ["A1:I1", "A2:I2", "A15:I15"])
        // Printed on A4 landscape, fitted to the width, the header row repeated on every page.
        let setup = try #require(book.sheet.child("pageSetup"))
        #expect(setup[attribute: "paperSize"] == "9")
        #expect(setup[attribute: "orientation"] == "landscape")
        #expect(setup[attribute: "fitToWidth"] == "1")
        #expect(book.sheet.child("sheetPr")?.child("pageSetUpPr")?[attribute: "fitToPage"] == "1")
        let workbook = try book.archive.xml("xl/workbook.xml").root
        #expect(workbook.child("sheets")?.elements.map { $0[attribute: "name"] } == ["济南市大数据局", "烟台市大数据局", "青岛市大数据局"])
        let titles = workbook.child("definedNames")?.elements.filter { $0[attribute: "name"] == "_xlnm.Print_Titles" }.map(\.textContent)
        #expect(titles == ["'济南市大数据局'!$3:$3", "'烟台市大数据局'!$3:$3", "'青岛市大数据局'!$3:$3"])
        #expect(book.archive.entries.first?.name == "[Content_Types].xml")
    }

    @Test func sameTableGivesTheSameBytes() throws {
        let dir = TempDirectory()
        let table = try Self.summary(dir)
        #expect(try SummaryFormat.xlsx.bytes(table) == SummaryFormat.xlsx.bytes(table))
        #expect(try SummaryFormat.docx.bytes(table) == SummaryFormat.docx.bytes(table))
    }

    @Test func awkwardTextSurvives() throws {
        let columns = [SummaryColumn.serialNumber, SummaryColumn(key: FieldPath("a"), label: "名称"),
                       SummaryColumn(key: FieldPath("b"), label: "金额", kind: .number)]
        let table = SummaryTable(title: "表", recommender: "", columns: columns, rows: [
            ["1", " 前后空格 ", "007"],
            ["2", "A&B <公司>\n第二行", "1,200"],
            ["3", "\"引号\",逗号", "-3.25"],
        ])
        let dir = TempDirectory()
        let out = "\(dir.path)/t.xlsx"
        try SummaryFormat.xlsx.write(table, to: out)
        let book = try XLSXReader(path: out)
        #expect(book.tableTexts == [table.header] + table.rows)
        // Leading zeros and thousands separators stay text; a plain decimal is a number.
        #expect(book.rows[3][2].type == "s")
        #expect(book.rows[4][2].type == "s")
        #expect(book.rows[5][2].type == nil)
        let workbook = try book.archive.xml("xl/workbook.xml").root
        #expect(workbook.child("sheets")?.elements.map { $0[attribute: "name"] } == ["推荐汇总表"])
    }

    /// LibreOffice opens the workbook and its CSV export says what ours says, cell for cell.
    @Test(.enabled(if: RequiredTools.present(.libreOffice)))
    func libreOfficeReadsTheSameTable() throws {
        let dir = TempDirectory("summary-lo")
        let table = try Self.summary(dir)
        let xlsx = "\(dir.path)/汇总.xlsx"
        try SummaryFormat.xlsx.write(table, to: xlsx)
        let ours = try dir.write("ours.csv", CSVWriter.bytes(table))
        let outDir = "\(dir.path)/lo"
        // 44 comma, 34 quote, 76 UTF-8, 1 first line: LibreOffice's default charset is the locale's.
        try TestConversion.export([xlsx], filter: "csv:Text - txt - csv (StarCalc):44,34,76,1", extension: "csv", outputDirectory: outDir, timeout: 120)
        // LibreOffice exports the first sheet (济南市大数据局): title, 盖章 line, header, 10 rows,
        // a blank row, the 填表人 line; ours is the CSV's header and the same 10 rows.
        let theirs = CSVRecords.parse(try String(contentsOfFile: "\(outDir)/汇总.csv", encoding: .utf8))
        let oursRecords = CSVRecords.parse(try String(contentsOfFile: ours, encoding: .utf8))
        #expect(theirs.count == 15)
        #expect(theirs.first?.first == table.title)
        #expect(theirs.last?.first?.hasPrefix("填表人：") == true)
        #expect(Array(theirs[2..<13]) == Array(oursRecords[0..<11]))
    }
}
