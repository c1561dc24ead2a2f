import Testing
@testable import ShenbaoCheck

@Suite("Text normalization and PDF lines")
struct TextNormalizerTests {
    private func normalized(_ s: String) -> String { String(String.UnicodeScalarView(TextNormalizer.normalize(s))) }

    @Test func whitespaceOfEveryKindIsDropped() {
        #expect(normalized("申 报\u{3000}书\t\n\u{00A0}表\u{200B}") == "申报书表")
    }

    @Test func compatibilityFormsFold() {
        #expect(normalized("ＡＢＣ１２３（一）：") == "ABC123(一):")
        #expect(normalized("\u{2F00}\u{2F08}") == "一人")  // Kangxi radicals from some PDF fonts
        #expect(normalized("ﬁle") == "file")
    }

    @Test func checkboxesStayDistinct() {
        #expect(normalized("☑") != normalized("□"))
        #expect(normalized("☑是□否") == "☑是□否")
        #expect(TextNormalizer.isCheckbox("☑") && TextNormalizer.isCheckbox("□") && !TextNormalizer.isCheckbox("口"))
    }

    @Test(arguments: [
        ("— 1 —", 1, true), ("-3-", 7, true), ("第 2 页", 2, true), ("第2页 共5页", 2, true), ("2/5", 2, true),
        ("Page 3 of 9", 3, true), ("4", 4, true), ("7", 1, false), ("第2条", 2, false), ("2026年", 1, false),
    ])
    func pageNumbers(line: String, page: Int, isPageNumber: Bool) {
        #expect(PageNumber.matches(normalized(line), page: page) == isPageNumber)
    }

    @Test func headersFootersAndPageNumbersAreRemovedFromEveryPage() {
        let header = [HeaderFooterLine(part: "word/header1.xml", paragraph: 1, text: "2026年度申报书")]
        let output = "2026 年度申报书\n正文第一行\n正文\n第二行\n— 1 —\n\u{0C}2026 年度申报书\n正文第三行\n— 2 —\n\u{0C}"
        let pdf = PDFText.parse(output, headerFooter: header)
        #expect(pdf.pageCount == 2)
        #expect(String(String.UnicodeScalarView(pdf.scalars)) == "正文第一行正文第二行正文第三行")
        #expect(pdf.page(at: 0) == 1 && pdf.page(at: pdf.scalars.count - 1) == 2)
        #expect(pdf.removedLines.filter { $0.headerFooterSkeleton != nil }.count == 2)
        #expect(pdf.removedLines.filter { $0.headerFooterSkeleton == nil }.map(\.text) == ["—1—", "—2—"])
    }

    @Test func aTitleRepeatingTheHeaderIsKept() {
        let header = [HeaderFooterLine(part: "word/header1.xml", paragraph: 1, text: "2026年度申报书")]
        let pdf = PDFText.parse("2026年度申报书\n2026年度申报书\n正文\n— 1 —\n\u{0C}", headerFooter: header)
        #expect(String(String.UnicodeScalarView(pdf.scalars)) == "2026年度申报书正文")
    }

    @Test func headerSkeletonFoldsPageNumbers() {
        #expect(HeaderFooterLine.skeleton(of: "第 12 页 共 30 页") == "第#页共#页")
    }

    @Test func fallbackFontGlyphsDrawnLastAreReorderedByPosition() {
        // LibreOffice draws ☑ (from a fallback font) after the rest of its line.
        let bbox = """
            <doc>
              <page width="595.3" height="841.9">
                <word xMin="79.5" yMin="155.1" xMax="191.5" yMax="175.9">主申报单位性质</word>
                <word xMin="299.5" yMin="155.1" xMax="347.5" yMax="175.9">□高校</word>
                <word xMin="365.8" yMin="155.1" xMax="429.8" yMax="175.9">科研院所</word>
                <word xMin="351.6" yMin="155.1" xMax="365.9" yMax="175.9">☑</word>
                <word xMin="79.5" yMin="178.6" xMax="159.5" yMax="199.4">项目负责人 &amp; 张三</word>
              </page>
              <page width="595.3" height="841.9">
              </page>
            </doc>
            """
        let pages = PDFWordLayout.pages(fromBBoxOutput: bbox)
        #expect(pages == [["主申报单位性质 □高校 ☑ 科研院所", "项目负责人 & 张三"], []])
    }
}

@Suite("Symbol-font checkboxes")
struct SymbolFontTests {
    @Test func wingdingsCodesFoldToCheckboxesOnBothSides() {
        // What LibreOffice's PDF gives back for w:sym Wingdings 2 F052/F0A3, Wingdings F0FE/F0A8.
        let pdfText = "A\u{F052}B\u{F0A3}C\u{F0FE}D\u{F0A8}E"
        #expect(String(String.UnicodeScalarView(TextNormalizer.normalize(pdfText))) == "A☑B□C☑D□E")
        #expect(SymbolFont.character(font: "Wingdings 2", code: "F052") == "\u{F052}")
        #expect(SymbolFont.character(font: "Wingdings", code: "00FE") == "\u{F0FE}")
    }
}
