import Foundation
import ShenbaoCore
import ShenbaoFill
import ShenbaoOOXML
import ShenbaoTestSupport
import Testing
@testable import ShenbaoCheck

/// Lint, fill and check name a place in a DOCX alike (`DocxLocation`, numbered by
/// `DocxLocationTracker`): body paragraphs after a text box keep their numbers, and text in a text
/// box, in the body or in a table cell, is placed at its anchor plus the box's number.
@Suite("One location model for lint and check")
struct OneLocationModelTests {
    /// A body paragraph, a text box anchored in a body paragraph, a table whose second row holds a
    /// text box in its first cell, and a paragraph after the table; `marks` are the four texts.
    static func template(_ marks: [String]) -> TestDocx {
        let cellWithTextBox = "<w:tc><w:tcPr><w:tcW w:w=\"4400\" w:type=\"dxa\"/></w:tcPr>"
            + TestDocx.textBoxParagraph("联系人", boxText: marks[2]) + "</w:tc>"
        let cell = { (text: String) in "<w:tc><w:tcPr><w:tcW w:w=\"4400\" w:type=\"dxa\"/></w:tcPr>\(TestDocx.paragraph(text))</w:tc>" }
        let table = "<w:tbl><w:tblPr><w:tblW w:w=\"8800\" w:type=\"dxa\"/></w:tblPr><w:tblGrid><w:gridCol w:w=\"4400\"/><w:gridCol w:w=\"4400\"/></w:tblGrid>"
            + "<w:tr>\(cell("单位名称"))\(cell(marks[1]))</w:tr><w:tr>\(cellWithTextBox)\(cell("电话"))</w:tr></w:tbl>"
        return TestDocx(blocks: [
            TestDocx.paragraph("科技计划项目申报书"),
            TestDocx.textBoxParagraph("填写说明", boxText: marks[0]),
            table,
            TestDocx.paragraph(marks[3]),
        ])
    }

    static let unclosed = ["{{框甲", "{{格乙", "{{框丙", "{{段丁"]
    static let expected = [
        "word/document.xml, paragraph 2, text box 1",
        "word/document.xml, table 1, row 1, cell 2",
        "word/document.xml, table 1, row 2, cell 1, text box 2",
        "word/document.xml, paragraph 3",
    ]

    /// Where check's reader puts the first character of each mark.
    private static func checkPlaces(_ docx: DocxText, _ marks: [String]) -> [String] {
        let text = String(String.UnicodeScalarView(docx.scalars))
        return marks.map { mark in
            let key = String(mark.dropFirst(2))
            guard let range = text.range(of: key) else { return "not found: \(key)" }
            let offset = text.unicodeScalars.distance(from: text.unicodeScalars.startIndex, to: range.lowerBound)
            return docx.location(at: offset)?.description ?? "no location"
        }
    }

    @Test func lintAndTheCheckReaderNameEveryMarkAlike() throws {
        let archive = Self.template(Self.unclosed).archive(path: "t.docx")
        let diagnostics = try TemplateLinter.lint(archive, path: "t.docx", spec: nil)
        // One unclosed tag per mark; a text box's VML copy is reported at the same place.
        var lintPlaces: [String: String] = [:]
        for d in diagnostics where d.code == .unclosedTag {
            for mark in Self.unclosed where d.message.contains(mark) { lintPlaces[mark] = d.place }
        }
        #expect(Self.unclosed.map { lintPlaces[$0] ?? "missing" } == Self.expected, "\(diagnostics.map(\.description))")
        #expect(Set(diagnostics.compactMap(\.place)) == Set(Self.expected))
        #expect(Self.checkPlaces(try DocxReader.read(archive), Self.unclosed) == Self.expected)
    }

    /// A real pair: the PDF is LibreOffice's of the template with two marks changed (a table
    /// cell's, and the text box's in a table cell, which LibreOffice draws after the body);
    /// check's differences print the places lint gives for the same two paragraphs.
    @Test(.enabled(if: RequiredTools.present(.libreOffice, .poppler)))
    func lintFindingAndCheckDifferencePrintTheSameLocation() throws {
        let scratch = try Scratch("one-location")
        defer { scratch.remove() }
        let docx = scratch.file("申报书.docx")
        try Self.template(Self.unclosed).write(to: docx)
        var altered = Self.unclosed
        altered[1] = "{{格己"
        altered[2] = "{{框两"
        try Self.template(altered).write(to: scratch.file("altered.docx"))
        let pdf = try TestConversion.pdf(of: scratch.file("altered.docx"), in: scratch.path)

        let lint = try TemplateLinter.lint(try ZipArchive(contentsOf: docx), path: docx, spec: nil)
        let report = try PairChecker.check(docx: docx, pdf: pdf)
        let differences = report.differences.filter { $0.kind == .text }
        #expect(differences.count == 2, "\(report.renderText())")
        for (mark, place) in [(Self.unclosed[1], Self.expected[1]), (Self.unclosed[2], Self.expected[2])] {
            let finding = try #require(lint.first { $0.message.contains(mark) }, "\(lint)")
            #expect(finding.place == place)
            #expect(differences.contains { $0.docxLocation?.description == place }, "\(report.renderText())")
            #expect(report.renderText().contains(place + "，PDF 第 1 页：文字："), "\(report.renderText())")
        }
    }
}
