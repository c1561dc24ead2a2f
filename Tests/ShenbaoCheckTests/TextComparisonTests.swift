import Testing
@testable import ShenbaoCheck
import ShenbaoOOXML

/// The comparison on hand-made streams: no LibreOffice, no poppler.
@Suite("Text comparison")
struct TextComparisonTests {
    private func docx(_ pieces: [(String, DocxLocation)], numbered: [Int] = []) -> DocxText {
        var d = DocxText()
        for (text, location) in pieces {
            let n: Int32
            if let i = d.locations.firstIndex(of: location) { n = Int32(i) } else {
                n = Int32(d.locations.count)
                d.locations.append(location)
            }
            if numbered.contains(d.locations.count - 1) && !d.numberedParagraphStarts.contains(d.scalars.count) {
                d.numberedParagraphStarts.insert(d.scalars.count)
            }
            d.append(text, location: n)
        }
        return d
    }

    private let part = "word/document.xml"

    @Test func checkboxDifferenceNamesTheFieldFromTheLabelCell() {
        let d = docx([
            ("主申报单位性质", DocxLocation(part: part, table: 1, row: 2, cell: 1)),
            ("☑高校 □科研院所", DocxLocation(part: part, table: 1, row: 2, cell: 2)),
        ])
        let p = PDFText.parse("主申报单位性质 □高校 ☑科研院所\n", headerFooter: [])
        let differences = TextComparison(docx: d, pdf: p).differences()
        #expect(differences.map(\.kind) == [.checkbox, .checkbox])
        #expect(differences.map(\.message) == [
            "复选框 主申报单位性质「高校」：DOCX ☑，PDF □",
            "复选框 主申报单位性质「科研院所」：DOCX □，PDF ☑",
        ])
        #expect(differences[0].docxLocation == DocxLocation(part: part, table: 1, row: 2, cell: 2))
    }

    /// Regression (sz-lab sample): a forgiven run — here a header row LibreOffice repeats on the
    /// next page — shifts every later PDF offset; checkboxes after it must still pair with
    /// their own glyphs, not with the characters four places on.
    @Test func checkboxesAfterARepeatedHeaderRowPairWithTheirGlyphs() {
        var d = docx([
            ("姓名职务", DocxLocation(part: part, table: 1, row: 1, cell: 1)),
            ("张三教授", DocxLocation(part: part, table: 1, row: 2, cell: 1)),
            ("李四讲师", DocxLocation(part: part, table: 1, row: 3, cell: 1)),
            ("推荐单位类型：☑县级 □市级", DocxLocation(part: part, paragraph: 5)),
        ])
        d.repeatedTableHeaders = [Array("姓名职务".unicodeScalars)]
        let p = PDFText.parse("姓名职务\n张三教授\n\u{0C}姓名职务\n李四讲师\n推荐单位类型：☑县级 □市级\n", headerFooter: [])
        #expect(TextComparison(docx: d, pdf: p).differences().isEmpty)
    }

    @Test func checkboxLabelInTheSameParagraph() {
        let d = docx([("是否涉密：□是 ☑否", DocxLocation(part: part, paragraph: 4))])
        let p = PDFText.parse("是否涉密：☑是 □否", headerFooter: [])
        let differences = TextComparison(docx: d, pdf: p).differences()
        #expect(differences.first?.message == "复选框 是否涉密「是」：DOCX □，PDF ☑")
    }

    @Test func missingAndExtraTextWithContextAndPages() {
        let d = docx([
            ("第一段内容", DocxLocation(part: part, paragraph: 1)),
            ("第二段内容", DocxLocation(part: part, paragraph: 2)),
            ("第三段", DocxLocation(part: part, paragraph: 3)),
        ])
        let p = PDFText.parse("第一段内容\n\u{0C}第三段多余\n\u{0C}", headerFooter: [])
        let differences = TextComparison(docx: d, pdf: p).differences()
        #expect(differences.count == 2)
        #expect(differences[0].docx == "第二段内容" && differences[0].pdf == nil)
        #expect(differences[0].docxLocation?.paragraph == 2)
        #expect(differences[0].context == "第一段内容【第二段内容】第三段")
        #expect(differences[1].pdf == "多余" && differences[1].docx == nil && differences[1].pdfPage == 2)
    }

    @Test func listLabelsDrawnByLibreOfficeAreNotDifferences() {
        let d = docx([("项目背景", DocxLocation(part: part, paragraph: 1)), ("研究内容", DocxLocation(part: part, paragraph: 2))], numbered: [0, 1])
        let p = PDFText.parse("一、项目背景\n二、研究内容", headerFooter: [])
        #expect(TextComparison(docx: d, pdf: p).differences().isEmpty)
        let plain = docx([("项目背景", DocxLocation(part: part, paragraph: 1))])
        #expect(TextComparison(docx: plain, pdf: PDFText.parse("一、项目背景", headerFooter: [])).differences().count == 1)
    }

    @Test func textBoxTextDrawnElsewhereIsAMoveNotADifference() {
        let d = docx([
            ("正文开头", DocxLocation(part: part, paragraph: 1)),
            ("框内说明", DocxLocation(part: part, paragraph: 1, textBox: 1)),
            ("正文结尾", DocxLocation(part: part, paragraph: 2)),
        ])
        let p = PDFText.parse("正文开头\n正文结尾\n框内说明", headerFooter: [])
        let comparison = TextComparison(docx: d, pdf: p)
        #expect(comparison.differences().isEmpty)
    }

    /// As in a DOCX saved by LibreOffice: the text box is anchored at the start of its paragraph,
    /// the PDF draws it several paragraphs later, and some of its characters also occur nearby.
    @Test func textBoxAnchoredAtParagraphStartAndDrawnLater() {
        let d = docx([
            ("一、项目基本情况", DocxLocation(part: part, paragraph: 2)),
            ("文本框：经费自筹部分由单位承担", DocxLocation(part: part, paragraph: 3, textBox: 1)),
            ("本项目的补充说明见右侧文本框。", DocxLocation(part: part, paragraph: 3)),
            ("第1条研究内容说明。", DocxLocation(part: part, paragraph: 4)),
            ("第2条研究内容说明。", DocxLocation(part: part, paragraph: 5)),
        ])
        let p = PDFText.parse("一、项目基本情况\n本项目的补充说明见右侧文本框。\n第1条研究内容说明。\n文本框：经费自筹部分由单位承担\n第2条研究内容说明。", headerFooter: [])
        #expect(TextComparison(docx: d, pdf: p).differences().isEmpty)
        // A changed character inside the moved text box is still reported.
        let changed = PDFText.parse("一、项目基本情况\n本项目的补充说明见右侧文本框。\n第1条研究内容说明。\n文本框：经费自筹部分由学校承担\n第2条研究内容说明。", headerFooter: [])
        let differences = TextComparison(docx: d, pdf: changed).differences()
        #expect(differences.map(\.docx) == ["单位"])
        #expect(differences.map(\.pdf) == ["学校"])
        #expect(differences.first?.docxLocation == DocxLocation(part: part, paragraph: 3, textBox: 1))
    }

    @Test func pdfOffsetFollowsTheAlignment() {
        let d = docx([("甲乙丙丁戊", DocxLocation(part: part, paragraph: 1))])
        let p = PDFText.parse("甲新乙丙戊", headerFooter: [])
        let c = TextComparison(docx: d, pdf: p)
        #expect(c.pdfOffset(forDocx: 0) == 0)
        #expect(c.pdfOffset(forDocx: 1) == 2)
        #expect(c.pdfOffset(forDocx: 4) == 4)
    }
}

/// Random streams through every forgiving step: nothing may crash, equal texts never differ,
/// and any text that differs after the forgiving steps is reported.
@Suite("Text comparison on random input")
struct TextComparisonFuzzTests {
    @Test func randomStreamsNeverCrash() {
        // No digits: a line holding only the page's number is a page number by design.
        let alphabet: [String] = ["甲", "乙", "丙", "☑", "□", "一", "、", "文", "框", "A"]
        var generator = SystemRandomNumberGenerator()
        func randomText(_ n: Int) -> String { (0..<n).map { _ in alphabet.randomElement(using: &generator)! }.joined() }
        for _ in 0..<400 {
            var d = DocxText()
            var pieces: [String] = []
            for k in 0..<Int.random(in: 1...6, using: &generator) {
                let location = DocxLocation(
                    part: "word/document.xml", paragraph: k + 1,
                    textBox: Bool.random(using: &generator) ? 1 : nil)
                d.locations.append(location)
                if Bool.random(using: &generator) { d.numberedParagraphStarts.insert(d.scalars.count) }
                let text = randomText(Int.random(in: 0...8, using: &generator))
                pieces.append(text)
                d.append(text, location: Int32(k))
            }
            if Bool.random(using: &generator) { d.repeatedTableHeaders.append(Array("甲乙".unicodeScalars)) }
            let same = PDFText.parse(pieces.joined(separator: "\n"), headerFooter: [])
            #expect(TextComparison(docx: d, pdf: same).differences().isEmpty)
            let other = PDFText.parse(randomText(Int.random(in: 0...40, using: &generator)), headerFooter: [])
            let comparison = TextComparison(docx: d, pdf: other)
            _ = comparison.differences()
            for i in 0...d.scalars.count { _ = comparison.pdfOffset(forDocx: i) }
        }
    }
}
