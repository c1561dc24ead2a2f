import ShenbaoTestSupport
import ShenbaoCore
import ShenbaoOOXML
import ShenbaoPDF
import Testing
@testable import ShenbaoCheck

@Suite("DOCX text in reading order")
struct DocxReaderTests {
    private func text(_ d: DocxText) -> String { String(String.UnicodeScalarView(d.scalars)) }

    private func read(_ blocks: [String], configure: (inout TestDocx) -> Void = { _ in }) throws -> DocxText {
        var doc = TestDocx(blocks: blocks)
        configure(&doc)
        return try DocxReader.read(doc.archive())
    }

    @Test func paragraphsTablesAndTextBoxesInReadingOrder() throws {
        let d = try read([
            TestDocx.paragraph("标题"),
            TestDocx.table([["姓名", "张三"], ["性别", "男"]]),
            TestDocx.textBoxParagraph("正文", boxText: "框内"),
        ])
        // The text box text appears once: the mc:Choice copy, not the VML fallback.
        #expect(text(d) == "标题姓名张三性别男正文框内")
        #expect(d.location(at: 0) == DocxLocation(part: "word/document.xml", paragraph: 1))
        #expect(d.location(at: 4)?.description == "word/document.xml, table 1, row 1, cell 2")
        #expect(d.location(at: 8)?.description == "word/document.xml, table 1, row 2, cell 2")
        #expect(d.location(at: 11)?.description == "word/document.xml, paragraph 2, text box 1")
    }

    @Test func footnotesFollowTheirReferenceAsFloatingText() throws {
        let d = try read([TestDocx.paragraph(runs: [TestDocx.run("正文"), TestDocx.footnoteReference(1), TestDocx.run("后文")])]) { doc in
            doc.footnotes = ["脚注内容"]
        }
        #expect(text(d) == "正文11脚注内容后文")
        #expect(d.location(at: 2) == DocxLocation(part: "word/document.xml", paragraph: 1))
        #expect(d.location(at: 3)?.description == "word/footnotes.xml, footnote 1")
        #expect(d.location(at: 3)?.isFloating == true)
    }

    @Test func endnotesComeAfterTheBodyAsFloatingText() throws {
        let d = try read([
            TestDocx.paragraph(runs: [TestDocx.run("正文"), TestDocx.endnoteReference(2), TestDocx.run("后文")]),
            TestDocx.paragraph(runs: [TestDocx.run("次段"), TestDocx.endnoteReference(1)]),
        ]) { doc in
            doc.endnotes = ["尾注甲", "尾注乙"]
        }
        // Marks in lowercase Roman (Word's and LibreOffice's default), numbered in reference
        // order; the separator endnotes (w:type) are skipped.
        #expect(text(d) == "正文i后文次段iii尾注乙ii尾注甲")
        #expect(d.location(at: 2) == DocxLocation(part: "word/document.xml", paragraph: 1))
        #expect(d.location(at: 9)?.description == "word/endnotes.xml, endnote 1, paragraph 1")
        #expect(d.location(at: 9)?.isFloating == true)
        #expect(d.location(at: 13)?.description == "word/endnotes.xml, endnote 2, paragraph 1")
    }

    @Test func endnoteNumberFormatsFromTheDocument() {
        #expect(NoteNumberFormat().mark(4) == "iv")
        #expect(NoteNumberFormat(format: "decimal", start: 3).mark(2) == "4")
        #expect(NoteNumberFormat(format: "upperLetter", start: 1).mark(28) == "BB")
        #expect(NoteNumberFormat(format: "upperRoman", start: 1).mark(1994) == "MCMXCIV")
    }

    @Test func runsSymbolsFieldsAndHiddenText() throws {
        let runs = [
            TestDocx.run("甲"),
            "<w:r><w:tab/><w:t>乙</w:t><w:br/><w:t>丙</w:t></w:r>",
            #"<w:r><w:sym w:font="Wingdings 2" w:char="F052"/><w:t>是</w:t><w:sym w:font="Wingdings 2" w:char="F0A3"/><w:t>否</w:t></w:r>"#,
            #"<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>7</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>"#,
            #"<w:r><w:rPr><w:vanish/></w:rPr><w:t>隐藏</w:t></w:r>"#,
            #"<w:del><w:r><w:delText>删除</w:delText></w:r></w:del><w:ins><w:r><w:t>插入</w:t></w:r></w:ins>"#,
            #"<w:hyperlink r:id="x"><w:r><w:t>链接</w:t></w:r></w:hyperlink>"#,
        ]
        let d = try read([TestDocx.paragraph(runs: runs)])
        #expect(text(d) == "甲乙丙☑是□否7插入链接")
    }

    @Test func headerFooterLinesAndSealAnchors() throws {
        let d = try read([TestDocx.paragraph("正文"), TestDocx.sealParagraph("盖章处")]) { doc in
            doc.sealPNG = SealImage.redRing(pixels: 64)
        }
        #expect(text(d) == "正文盖章处")
        #expect(d.headerFooterLines.map(\.text) == ["2026年度科技计划项目申报书", "—1—"])
        #expect(d.headerFooterLines.map(\.skeleton) == ["#年度科技计划项目申报书", "—#—"])
        #expect(d.seals.count == 1)
        let seal = try #require(d.seals.first)
        #expect(seal.media == "word/media/seal.png")
        #expect(seal.pixelWidth == 64 && seal.pixelHeight == 64 && seal.hasAlpha)
        #expect(seal.location == DocxLocation(part: "word/document.xml", paragraph: 2))
        #expect(seal.streamRange == 2..<5)
    }

    @Test func recordedDigestsAreRead() throws {
        let data = DataValue(.map(DataMap([.init(key: "名称", value: .string("山东大学"))])))
        let d = try read([TestDocx.paragraph("正文")]) { doc in
            doc.digest = data.digest
            doc.dataJSON = String(decoding: data.canonicalJSON(), as: UTF8.self)
        }
        #expect(d.recordedDigest == data.digest)
        #expect(d.embeddedDataDigest == data.digest)
        #expect(d.keywordsDigest == data.digest)
    }

    @Test func notADocxIsUnreadable() throws {
        let archive = ZipArchive(path: "x.docx", entries: [ZipArchive.Entry(name: "hello.txt", bytes: Array("hi".utf8))])
        #expect(throws: CheckError.self) { try DocxReader.read(archive) }
        #expect(throws: CheckError.self) { try DocxReader.read(contentsOf: "/nonexistent/form.docx") }
    }

    @Test func digestKeywordIsFoundInEitherSpelling() {
        let hex = String(repeating: "ab", count: 32)
        #expect(DigestKeyword.find(in: "申报书 shenbao-sha256:\(hex)") == hex)
        #expect(DigestKeyword.find(in: "申报书, shenbao-sha256, \(hex.uppercased())") == hex)  // as LibreOffice writes it
        #expect(DigestKeyword.find(in: "shenbao-sha256:abc") == nil)
    }
}
