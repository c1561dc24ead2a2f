import ShenbaoData
import Foundation
import ShenbaoCore
import ShenbaoOOXML
import ShenbaoSummary
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
        #expect(book.texts == [table.header] + table.rows)
        // 序号, 推荐排序 and 申请资金 are numbers; the phone column stays text.
        let first = book.rows[1]
        #expect(first.map(\.type) == [nil, "s", nil, "s", "s", "s", "s", nil])
        #expect(first[6].text == "13912340101")
        #expect(first[7].text == "110.5")
        // Header cells use the bold style.
        #expect(Set(book.rows[0].map(\.style)) == [1])
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
        #expect(pane[attribute: "ySplit"] == "1")
        #expect(pane[attribute: "topLeftCell"] == "A2")
        let cols = try #require(book.sheet.child("cols")?.elements)
        #expect(cols.count == table.columns.count)
        let widths = cols.map { Double($0[attribute: "width"]!)! }
        // 序号 narrow; 揭榜单位 sized by “济南第10数据科技有限公司”: 11 CJK × 2 + 2 digits + 2 padding.
        #expect(widths[0] == 6)
        #expect(widths[3] == 26)
        #expect(widths[3] > widths[2])
        #expect(cols.allSatisfy { $0[attribute: "customWidth"] == "1" })
        #expect(book.sheet.child("dimension")?[attribute: "ref"] == "A1:H31")
        #expect(book.sheet.child("autoFilter")?[attribute: "ref"] == "A1:H31")
        let workbook = try book.archive.xml("xl/workbook.xml").root
        #expect(workbook.child("sheets")?.elements.first?[attribute: "name"] == "推荐汇总表")
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
        #expect(book.texts == [table.header] + table.rows)
        // Leading zeros and thousands separators stay text; a plain decimal is a number.
        #expect(book.rows[1][2].type == "s")
        #expect(book.rows[2][2].type == "s")
        #expect(book.rows[3][2].type == nil)
    }

    /// LibreOffice opens the workbook and its CSV export says what ours says, cell for cell.
    @Test func libreOfficeReadsTheSameTable() throws {
        guard ExternalTool.locate("soffice") != nil else {
            if ProcessInfo.processInfo.environment["CI"] == "true" { Issue.record("soffice is required under CI=true") }
            return
        }
        let dir = TempDirectory("summary-lo")
        let table = try Self.summary(dir)
        let xlsx = "\(dir.path)/汇总.xlsx"
        try SummaryFormat.xlsx.write(table, to: xlsx)
        let ours = try dir.write("ours.csv", CSVWriter.bytes(table))
        let outDir = "\(dir.path)/lo"
        try FileManager.default.createDirectory(atPath: outDir, withIntermediateDirectories: true)
        // 44 comma, 34 quote, 76 UTF-8, 1 first line: LibreOffice's default charset is the locale's.
        let result = try ExternalTool.run("soffice", [
            "--headless", "--norestore", "-env:UserInstallation=file://\(dir.path)/profile",
            "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1", "--outdir", outDir, xlsx,
        ], timeout: 120, package: "libreoffice-calc")
        #expect(result.status == 0, "\(result.errorText)")
        let theirs = try String(contentsOfFile: "\(outDir)/汇总.csv", encoding: .utf8)
        let oursText = try String(contentsOfFile: ours, encoding: .utf8)
        #expect(CSVRecords.parse(theirs) == CSVRecords.parse(oursText))
        #expect(CSVRecords.parse(theirs).count == 31)
    }
}
