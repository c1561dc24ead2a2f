import ShenbaoCore
import Testing
@testable import ShenbaoCheck

/// Parsing of poppler's output and the checks on it, from recorded output.
@Suite("Poppler output and layout checks")
struct ToolOutputTests {
    @Test func pdffontsColumns() {
        let output = """
            name                                 type              encoding         emb sub uni object ID
            ------------------------------------ ----------------- ---------------- --- --- --- ---------
            BAAAAA+NotoSerifCJKjp-Regular-VKana  Type 1            Builtin          yes yes yes     24  0
            Helvetica                            Type 1            WinAnsi          no  no  no       4  0
            """
        let fonts = PDFFont.parse(pdffontsOutput: output)
        #expect(fonts == [
            PDFFont(name: "BAAAAA+NotoSerifCJKjp-Regular-VKana", type: "Type 1", embedded: true),
            PDFFont(name: "Helvetica", type: "Type 1", embedded: false),
        ])
        #expect(LayoutChecks.fonts(fonts).map(\.message) == ["字体 Helvetica（Type 1）没有嵌入 PDF"])
    }

    @Test func pdfinfoPagesSizesAndKeywords() {
        let output = """
            Keywords:        申报书, shenbao-sha256, \(String(repeating: "0", count: 64))
            Pages:           2
            Page    1 size: 595.304 x 841.89 pts (A4)
            Page    1 rot:  0
            Page    2 size: 612 x 792 pts (letter)
            """
        let info = PDFInfo(pdfinfoOutput: output)
        #expect(info.pageCount == 2)
        #expect(info.pageSizes.map(\.width) == [595.304, 612])
        #expect(DigestKeyword.find(in: info.keywords) == String(repeating: "0", count: 64))
        let sizes = LayoutChecks.pageSizes(info)
        #expect(sizes.map(\.pdfPage) == [2])
        #expect(sizes.first?.message == "第 2 页为 612 × 792 pt，不是 A4（595 × 842 pt）")
    }

    @Test func pdfimagesRows() {
        let output = """
            page   num  type   width height color comp bpc  enc interp  object ID x-ppi y-ppi size ratio
            --------------------------------------------------------------------------------------------
               3     0 image     160   160  rgb     3   8  image  no        10  0    97    97  936B 1.2%
               3     1 smask     160   160  gray    1   8  image  no        10  0    97    97  617B 2.4%
            """
        #expect(PDFImage.parse(pdfimagesOutput: output) == [
            PDFImage(page: 3, type: "image", width: 160, height: 160),
            PDFImage(page: 3, type: "smask", width: 160, height: 160),
        ])
    }

    @Test func digestsNameTheOddOneOut() {
        let a = String(repeating: "a", count: 64)
        let b = String(repeating: "b", count: 64)
        var docx = DocxText()
        docx.recordedDigest = a
        docx.embeddedDataDigest = a
        func verdict(pdf: String?, data: String?) -> [String] {
            DigestCheck.differences(docx: docx, pdfKeywords: pdf.map { "shenbao-sha256:\($0)" } ?? "", dataDigest: data).map(\.message)
        }
        #expect(verdict(pdf: a, data: a).isEmpty)
        #expect(verdict(pdf: a, data: nil).isEmpty)
        #expect(verdict(pdf: b, data: nil).first?.hasPrefix("PDF 不是用 DOCX 的数据生成的：") == true)
        #expect(verdict(pdf: b, data: a).first?.hasPrefix("PDF 不是用 DOCX 和数据文件的数据生成的") == true)
        #expect(verdict(pdf: a, data: b).first?.hasPrefix("数据文件不是生成 DOCX 和 PDF 所用的数据") == true)
        #expect(verdict(pdf: nil, data: nil).first?.hasPrefix("PDF 没有记录数据校验值") == true)
        docx.keywordsDigest = b
        #expect(verdict(pdf: a, data: nil) == ["DOCX 前后矛盾：嵌入数据记录 aaaaaaaaaaaa…，关键词记录 bbbbbbbbbbbb…"])
        docx.keywordsDigest = nil
        docx.embeddedDataDigest = b
        #expect(verdict(pdf: a, data: nil).first?.hasPrefix("DOCX 的嵌入数据在填写之后被改过") == true)
    }
}
