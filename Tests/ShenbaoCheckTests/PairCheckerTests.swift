import Foundation
import ShenbaoCore
import ShenbaoTestSupport
import Testing
@testable import ShenbaoCheck
import ShenbaoOOXML

/// Real pairs: DOCX files written by hand, converted by LibreOffice, read by poppler. Each
/// altered PDF is checked against the unaltered DOCX and must report exactly its alteration.
@Suite("PairChecker on LibreOffice PDFs", .enabled(if: RequiredTools.present(.libreOffice, .poppler)))
struct PairCheckerTests {
    private let document = "word/document.xml"

    private func check(_ pdf: FormFixture.Variant, docx: FormFixture.Variant = .base, data: DataValue? = nil) throws -> CheckReport {
        try PairChecker.check(docx: FormFixture.docx(docx), pdf: FormFixture.pdf(pdf), data: data)
    }

    @Test func matchingPairPasses() throws {
        let report = try check(.base, data: FormFixture.data)
        #expect(report.matches, "\(report.renderText())")
        #expect(report.pageCount == 3)
        // The PDF's only extra characters are the list labels 一、 and 二、 LibreOffice draws.
        #expect(report.pdfCharacters == report.docxCharacters + 4)
        #expect(report.renderText().hasSuffix("：一致，3 页，\(report.docxCharacters) 个字符\n"))
        #expect(report.renderJSON().contains(#""matches" : true"#))
    }

    @Test func changedCharacterInACell() throws {
        let report = try check(.changedCell)
        #expect(report.differences.count == 1, "\(report.renderText())")
        let d = try #require(report.differences.first)
        #expect(d.kind == .text)
        #expect(d.docx == "学" && d.pdf == "字")
        #expect(d.docxLocation == DocxLocation(part: document, table: 1, row: 4, cell: 2))
        #expect(d.pdfPage == 1)
        #expect(d.context == "三单位名称山东大【学】一、项目基本情况")
        #expect(d.description == "word/document.xml, table 1, row 4, cell 2，PDF 第 1 页：文字：DOCX 为「学」，PDF 为「字」，位于「三单位名称山东大【学】一、项目基本情况」")
    }

    @Test func matchingPairWithAnEndnotePasses() throws {
        let report = try check(.withEndnote, docx: .withEndnote)
        #expect(report.matches, "\(report.renderText())")
        #expect(report.docxCharacters == (try check(.base)).docxCharacters + "经费预算依据统计数据编制i".count + ("i" + FormFixture.endnoteText).count)
    }

    @Test func changedCharacterInAnEndnote() throws {
        let report = try check(.changedEndnote, docx: .withEndnote)
        #expect(report.differences.count == 1, "\(report.renderText())")
        let d = try #require(report.differences.first)
        #expect(d.kind == .text)
        #expect(d.docx == "鉴" && d.pdf == "签")
        #expect(d.docxLocation == DocxLocation(part: "word/endnotes.xml", paragraph: 1, endnote: 1))
        #expect(d.description.hasPrefix("word/endnotes.xml, endnote 1, paragraph 1，PDF 第 "), "\(d.description)")
        #expect(d.pdfPage == report.pageCount)
    }

    @Test func missingParagraph() throws {
        let report = try check(.missingParagraph)
        #expect(report.differences.count == 1, "\(report.renderText())")
        let d = try #require(report.differences.first)
        #expect(d.kind == .text)
        #expect(d.docx == FormFixture.missingParagraphText)
        #expect(d.pdf == nil)
        #expect(d.docxLocation == DocxLocation(part: document, paragraph: 16))
        #expect(d.pdfPage == 2)
        #expect(d.message.hasPrefix("PDF 缺少「二、研究目标"))
    }

    @Test func extraRow() throws {
        let report = try check(.extraRow)
        #expect(report.differences.count == 1, "\(report.renderText())")
        let d = try #require(report.differences.first)
        #expect(d.kind == .text && d.docx == nil && d.pdf == "联系人李四")
        #expect(d.docxLocation == DocxLocation(part: document, table: 1, row: 4, cell: 2))
        #expect(d.pdfPage == 1)
        #expect(d.message == "PDF 多出「联系人李四」，位于「单位名称山东大学【联系人李四】一、项目基本情况」")
    }

    @Test func swappedCheckbox() throws {
        let report = try check(.swappedCheckbox)
        #expect(report.differences.map(\.kind) == [.checkbox, .checkbox], "\(report.renderText())")
        #expect(report.differences.map(\.message) == [
            "复选框 主申报单位性质「高校」：DOCX ☑，PDF □",
            "复选框 主申报单位性质「科研院所」：DOCX □，PDF ☑",
        ])
        #expect(report.differences.allSatisfy { $0.docxLocation == DocxLocation(part: document, table: 1, row: 2, cell: 2) && $0.pdfPage == 1 })
    }

    @Test func missingSeal() throws {
        let report = try check(.missingSeal)
        #expect(report.differences.count == 1, "\(report.renderText())")
        let d = try #require(report.differences.first)
        #expect(d.kind == .seal && d.docx == "word/media/seal.png")
        #expect(d.docxLocation == DocxLocation(part: document, paragraph: 35))
        #expect(d.pdfPage == 3)
        #expect(d.message == "PDF 中缺少印章 seal.png（160 × 160 像素），应在第 3 页")
    }

    @Test func sealOnTheWrongPage() throws {
        // The reflowed PDF puts the seal's paragraph on another page than base.pdf does; checked
        // against base.pdf's text it matches, so take its images with base's text instead.
        let docx = try DocxReader.read(contentsOf: FormFixture.docx(.base))
        let base = try FormFixture.pdf(.base)
        let images = try Poppler.images(base).map { image -> PDFImage in var moved = image; moved.page = 1; return moved }
        let report = PairChecker.compare(
            docx: docx, docxPath: "base.docx", pdfWords: try Poppler.words(base), pdfPath: base, info: try Poppler.info(base),
            fonts: try Poppler.fonts(base), images: images, data: nil)
        #expect(report.differences.map(\.message) == ["印章 seal.png 在 PDF 第 1 页，应在第 3 页"])
    }

    @Test func pdfFromAnOlderVersionOfTheData() throws {
        let report = try check(.olderData)
        #expect(report.differences.count == 1, "\(report.renderText())")
        let d = try #require(report.differences.first)
        #expect(d.kind == .digest)
        #expect(d.docx == FormFixture.data.digest && d.pdf == FormFixture.olderData.digest)
        #expect(d.message.hasPrefix("PDF 不是用 DOCX 的数据生成的：DOCX \(FormFixture.data.digest.prefix(12))…"))

        let withData = try check(.olderData, data: FormFixture.data)
        #expect(withData.differences.map(\.message).first?.hasPrefix("PDF 不是用 DOCX 和数据文件的数据生成的") == true)
        let wrongData = try check(.base, data: FormFixture.olderData)
        #expect(wrongData.differences.map(\.message).first?.hasPrefix("数据文件不是生成 DOCX 和 PDF 所用的数据") == true)
    }

    @Test func unembeddedFont() throws {
        let report = try PairChecker.check(docx: FormFixture.docx(.helloWorld), pdf: FormFixture.directory.get() + "/helvetica.pdf")
        #expect(report.differences.count == 1, "\(report.renderText())")
        let d = try #require(report.differences.first)
        #expect(d.kind == .font && d.pdf == "Helvetica")
        #expect(d.message == "字体 Helvetica（Type 1）没有嵌入 PDF")
    }

    @Test func differentWrappingAndPageBreaksStillMatch() throws {
        let report = try check(.reflowed)
        #expect(report.matches, "\(report.renderText())")
        // The reflowed PDF really does break differently: paragraph 第6条 starts on another page.
        func pageOf(_ text: String, in variant: FormFixture.Variant) throws -> Int {
            let pdf = PDFText.parse(bboxOutput: try Poppler.words(FormFixture.pdf(variant)), headerFooter: [])
            let needle = TextNormalizer.normalize(text)
            let s = pdf.scalars
            let i = try #require((0...(s.count - needle.count)).first { Array(s[$0..<($0 + needle.count)]) == needle })
            return pdf.page(at: i)
        }
        #expect(try pageOf("第6条", in: .base) != pageOf("第6条", in: .reflowed))
        #expect(try pageOf("第30条", in: .base) != pageOf("第30条", in: .reflowed) || pageOf("第20条", in: .base) != pageOf("第20条", in: .reflowed))
    }

    @Test func repeatedTableHeaderRowsOnLaterPagesAreNotExtraText() throws {
        let report = try check(.longTable, docx: .longTable)
        #expect(report.matches, "\(report.renderText())")
        #expect(report.pageCount >= 2)
        // The header row really is drawn again: the PDF has it once per page.
        #expect(report.pdfCharacters == report.docxCharacters + (report.pageCount - 1) * "序号姓名性别单位".count)
    }

    @Test func letterPaperIsNotA4() throws {
        let report = try check(.letterPaper)
        #expect(report.differences.count == report.pageCount, "\(report.renderText())")
        #expect(report.differences.allSatisfy { $0.kind == .pageSize && $0.pdf == "612 x 792 pt" })
    }

    @Test func unreadableFilesThrow() throws {
        let dir = try FormFixture.directory.get()
        #expect(throws: CheckError.self) { try PairChecker.check(docx: dir + "/base.pdf", pdf: dir + "/base.pdf") }
        #expect(throws: CheckError.self) { try PairChecker.check(docx: dir + "/base.docx", pdf: dir + "/base.docx") }
        #expect(throws: CheckError.self) { try PairChecker.check(docx: dir + "/base.docx", pdf: dir + "/nothing.pdf") }
        // Both unreadable: both reported.
        #expect(throws: CheckError.several([
            .unreadable(path: dir + "/base.pdf", reason: "不是 DOCX/XLSX 文件（不是 zip 压缩包）"),
            .unreadable(path: dir + "/base.docx", reason: "不是 PDF（没有 %PDF- 文件头）"),
        ])) { try PairChecker.check(docx: dir + "/base.pdf", pdf: dir + "/base.docx") }
    }

    @Test func batchReportsEveryPair() throws {
        let source = try FormFixture.directory.get()
        let inbox = try TestDirectory.fresh("shenbao-check-inbox")
        let pairs: [(String, FormFixture.Variant)] = [("甲单位", .base), ("乙单位", .changedCell), ("丙单位", .swappedCheckbox)]
        for (name, pdf) in pairs {
            try FileManager.default.copyItem(atPath: source + "/base.docx", toPath: "\(inbox)/\(name).docx")
            try FileManager.default.copyItem(atPath: source + "/\(pdf.rawValue).pdf", toPath: "\(inbox)/\(name).pdf")
        }
        try FileManager.default.copyItem(atPath: source + "/base.docx", toPath: "\(inbox)/丁单位.docx")
        try Data("not a pdf".utf8).write(to: URL(fileURLWithPath: "\(inbox)/戊单位.pdf"))
        try FileManager.default.copyItem(atPath: source + "/base.docx", toPath: "\(inbox)/戊单位.docx")

        let entries = try BatchChecker.check(directory: inbox)
        let verdicts = Dictionary(uniqueKeysWithValues: entries.map { ($0.name, $0.verdict) })
        #expect(verdicts == ["甲单位": "match", "乙单位": "differs", "丙单位": "differs", "丁单位": "unpaired", "戊单位": "unreadable"])
        #expect(entries.first { $0.name == "戊单位" }?.firstProblem == "\(inbox)/戊单位.pdf：无法读取：不是 PDF（没有 %PDF- 文件头）")
        #expect(entries.first { $0.name == "丁单位" }?.firstProblem == "没有 丁单位.pdf")
        let table = BatchChecker.renderTable(entries)
        #expect(table.contains("| 乙单位 | 文本 PDF | 不一致 | 1 | 0 | word/document.xml, table 1, row 4, cell 2，PDF 第 1 页：文字：DOCX 为「学」，PDF 为「字」"))
        #expect(table.contains("| 丙单位 | 文本 PDF | 不一致 | 2 | 0 | word/document.xml, table 1, row 2, cell 2，PDF 第 1 页：复选框：复选框 主申报单位性质「高校」：DOCX ☑，PDF □ |"))
        #expect(table.hasSuffix("共 5 对：一致 1，不一致 2，无法读取 1，不成对 1\n"))
    }
}
