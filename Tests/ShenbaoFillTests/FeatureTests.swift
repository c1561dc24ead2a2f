import Foundation
import ShenbaoCore
import ShenbaoOOXML
import Testing

@testable import ShenbaoFill

@Suite struct FeatureTests {
    @Test func docxtemplaterStyleDelimiters() throws {
        let doc = DocxBuilder(para(run("{单位}：{#人员}{姓名}、{/}")))
        let out = try fill(doc, try yaml("单位: 实验室\n人员: [{姓名: 甲}, {姓名: 乙}]")) { $0.delimiters = Delimiters(spec: "{ }")! }
        #expect(try Docx.paragraphs(out) == ["实验室：甲、乙、"])
    }

    @Test func checkboxTagsAndWordCheckboxContentControls() throws {
        let control = """
            <w:sdt><w:sdtPr><w:alias w:val="性质"/><w:tag w:val="性质=企业"/><w14:checkbox><w14:checked w14:val="0"/>\
            <w14:checkedState w14:val="2612" w14:font="MS Gothic"/><w14:uncheckedState w14:val="2610" w14:font="MS Gothic"/></w14:checkbox></w:sdtPr>\
            <w:sdtContent><w:r><w:t>☐</w:t></w:r></w:sdtContent></w:sdt>
            """
        let doc = DocxBuilder(para(run("{{性质=高校}}高校 {{性质=企业}}企业 {{领域=医疗}}医疗 {{领域=交通}}交通")) + "<w:p>\(control)\(run("企业"))</w:p>")
        let out = try fill(doc, try yaml("性质: 企业\n领域: [医疗, 教育]"))
        #expect(try Docx.paragraphs(out) == ["□高校 ☑企业 ☑医疗 □交通", "☒企业"])
        #expect(Docx.xml(out).contains("<w14:checked w14:val=\"1\"/>"))
        let bad = try yaml("性质: 企业\n领域: [医疗]")
        #expect {
            try fill(doc, bad) { $0.choiceOptions = ["性质": ["高校", "企业"], "领域": ["医疗", "教育"]] }
        } throws: { error in
            (error as? DiagnosticsError)?.diagnostics.map(\.description) == [
                "word/document.xml, paragraph 1: error: {{领域=交通}}: 「交通」不是「领域」的选项（医疗、教育）"
            ]
        }
    }

    @Test func formatters() throws {
        let doc = DocxBuilder(para(run("{{联合单位 | default “无”}}|{{日期 | date}}|{{日期 | date \"iso\"}}|{{经费 | number}}|{{经费 | rmb}}|{{小数 | rmb}}")))
        let out = try fill(doc, try yaml("日期: 2022/12/10\n经费: '250000'\n小数: '1234.56'"))
        #expect(try Docx.paragraphs(out) == ["无|2022年12月10日|2022-12-10|250,000|贰拾伍万元整|壹仟贰佰叁拾肆元伍角陆分"])
        #expect(try ChineseAmount.uppercase("100000") == "壹拾万元整")
        #expect(try ChineseAmount.uppercase("100010000.05") == "壹亿零壹万元零伍分")
        #expect(try ValueFormatters.date("2022年12月10日", style: "iso") == "2022-12-10")
    }

    @Test func filledDocumentCarriesItsData() throws {
        let data = try yaml("单位: {名称: 实验室}\n人员: [{姓名: 甲}]\n")
        var options = FillOptions()
        options.formID = "sd-lab-2022"
        let out = try TemplateFiller(template: DocxBuilder(para(run("{{单位.名称}}"))).archive(), options: options).fill(with: data)
        let item = Docx.xml(out, "customXml/item1.xml")
        #expect(item.contains("<sb:data xmlns:sb=\"https://shenbao.dev/ns/data/1\" form=\"sd-lab-2022\" sha256=\"\(data.digest)\">"))
        #expect(Docx.xml(out, "word/_rels/document.xml.rels").contains("Target=\"../customXml/item1.xml\""))
        #expect(Docx.xml(out, "[Content_Types].xml").contains("/customXml/itemProps1.xml"))
        #expect(Docx.xml(out, "docProps/core.xml").contains("<cp:keywords>shenbao-sha256:\(data.digest)</cp:keywords>"))
        #expect(Docx.xml(out, "_rels/.rels").contains("docProps/core.xml"))
        let embedded = try #require(try EmbeddedData.read(from: ZipArchive(bytes: out.serialized(), path: "out.docx")))
        #expect(embedded.form == "sd-lab-2022")
        #expect(embedded.sha256 == data.digest)
        #expect(embedded.data == data)
        #expect(embedded.data.digest == data.digest)
    }

    @Test func sealImageFloatsCentredOnTheTagAndPlainImagesAreInline() throws {
        let dir = NSTemporaryDirectory() + "shenbao-img-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try Data(TinyPNG.make(width: 4, height: 2)).write(to: URL(fileURLWithPath: dir + "/seal.png"))
        var doc = DocxBuilder(para(run("申报单位（盖章）{{%公章}}")) + para(run("{{%照片}}")))
        doc.headers = [para(run("{{%标志}}"))]
        let data = try yaml("公章: seal.png\n照片: {path: seal.png, width_mm: 30}\n标志: seal.png\n")
        var options = FillOptions()
        options.embedData = false
        let out = try TemplateFiller(template: doc.archive(), options: options).fill(with: data, dataDirectory: dir)
        let xml = Docx.xml(out)
        #expect(xml.contains("<wp:anchor distT=\"0\" distB=\"0\" distL=\"0\" distR=\"0\" simplePos=\"0\" relativeHeight=\"251659264\" behindDoc=\"0\""))
        #expect(xml.contains("<wp:positionH relativeFrom=\"character\"><wp:posOffset>-756000</wp:posOffset></wp:positionH>"))
        #expect(xml.contains("<wp:positionV relativeFrom=\"line\"><wp:align>center</wp:align></wp:positionV>"))
        #expect(xml.contains("<wp:extent cx=\"1512000\" cy=\"756000\"/>"))
        #expect(xml.contains("<wp:inline distT=\"0\" distB=\"0\" distL=\"0\" distR=\"0\"><wp:extent cx=\"1080000\" cy=\"540000\"/>"))
        #expect(Docx.xml(out, "word/_rels/document.xml.rels").contains("Target=\"media/shenbao-image1.png\""))
        #expect(Docx.xml(out, "word/_rels/header1.xml.rels").contains("Target=\"media/shenbao-image1.png\""))
        #expect(Docx.xml(out, "[Content_Types].xml").contains("<Default Extension=\"png\" ContentType=\"image/png\"/>"))
        #expect(out["word/media/shenbao-image1.png"] == TinyPNG.make(width: 4, height: 2))
        let ids = (xml + Docx.xml(out, "word/header1.xml")).matches(of: /<wp:docPr id="(\d+)"/).map { String($0.1) }
        #expect(Set(ids).count == 3)
    }

    /// Regression: the picture's name attribute was built by string with text escaping only, so a
    /// key with `"` made the part ill-formed. The drawing is now built through the XML layer.
    @Test func imageKeyWithAQuoteStaysWellFormed() throws {
        let dir = NSTemporaryDirectory() + "shenbao-img-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try Data(TinyPNG.make(width: 4, height: 2)).write(to: URL(fileURLWithPath: dir + "/seal.png"))
        let doc = DocxBuilder(para(run("{{%照片\"甲}}")))
        let data = try yaml("照片\"甲: seal.png\n")
        var options = FillOptions()
        options.embedData = false
        let out = try TemplateFiller(template: doc.archive(), options: options).fill(with: data, dataDirectory: dir)
        let part = try XMLParser.parse(try #require(out["word/document.xml"]), part: "word/document.xml")
        var names: [String] = []
        part.root.forEachElement { if $0.name == "wp:docPr" { names.append($0[attribute: "name"] ?? "") } }
        #expect(names == ["照片\"甲 1"])
    }

    @Test func annotatedTemplateHasACommentAtEachErrorsPlace() throws {
        let doc = DocxBuilder(para(run("正文")) + "<w:tbl><w:tr>\(cell(para(run("{{#人员}}"))))</w:tr></w:tbl>")
        let template = doc.archive()
        var diagnostics: [Diagnostic] = []
        do { _ = try TemplateFiller(template: template) } catch let e as DiagnosticsError { diagnostics = e.diagnostics }
        #expect(diagnostics.count == 1)
        let annotated = try TemplateAnnotator.annotate(template, with: diagnostics)
        let comments = Docx.xml(annotated, "word/comments.xml")
        #expect(comments.contains("word/document.xml, table 1, row 1, cell 1: 区块 {{#人员}} 没有结束"))
        let xml = Docx.xml(annotated)
        #expect(xml.contains("<w:tc><w:tcPr><w:tcW w:w=\"2000\" w:type=\"dxa\"/></w:tcPr><w:p><w:commentRangeStart w:id=\"0\"/>"))
        #expect(xml.contains("<w:commentRangeEnd w:id=\"0\"/><w:r><w:commentReference w:id=\"0\"/></w:r></w:p></w:tc>"))
        #expect(Docx.xml(annotated, "[Content_Types].xml").contains("wordprocessingml.comments+xml"))
    }
}

/// A valid PNG (stored deflate, RGBA), built byte by byte.
enum TinyPNG {
    static func make(width: Int, height: Int) -> [UInt8] {
        func be32(_ v: UInt32) -> [UInt8] { [UInt8(v >> 24), UInt8(v >> 16 & 255), UInt8(v >> 8 & 255), UInt8(v & 255)] }
        func crc(_ bytes: [UInt8]) -> UInt32 {
            var c: UInt32 = 0xFFFF_FFFF
            for b in bytes {
                c ^= UInt32(b)
                for _ in 0..<8 { c = c & 1 == 1 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
            }
            return ~c
        }
        func chunk(_ type: String, _ data: [UInt8]) -> [UInt8] {
            let body = Array(type.utf8) + data
            return be32(UInt32(data.count)) + body + be32(crc(body))
        }
        var raw: [UInt8] = []
        for _ in 0..<height { raw += [0] + Array(repeating: [200, 0, 0, 128], count: width).flatMap { $0 } }
        var a: UInt32 = 1, b: UInt32 = 0
        for x in raw { a = (a + UInt32(x)) % 65521; b = (b + a) % 65521 }
        let n = UInt16(raw.count)
        let zlib: [UInt8] = [0x78, 0x01, 0x01, UInt8(n & 255), UInt8(n >> 8), UInt8(~n & 255), UInt8(~n >> 8)] + raw + be32(b << 16 | a)
        let ihdr = be32(UInt32(width)) + be32(UInt32(height)) + [8, 6, 0, 0, 0]
        return [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + chunk("IHDR", ihdr) + chunk("IDAT", zlib) + chunk("IEND", [])
    }
}

@Suite struct CheckboxOptionTests {
    @Test func unknownOptionsAreTemplateErrorsReportedOnceEvenInLoops() throws {
        let control = "<w:sdt><w:sdtPr><w:tag w:val=\"性别=未知\"/><w14:checkbox><w14:checked w14:val=\"0\"/></w14:checkbox></w:sdtPr><w:sdtContent><w:r><w:t>☐</w:t></w:r></w:sdtContent></w:sdt>"
        let doc = DocxBuilder("<w:tbl><w:tr>\(cell(para(run("{{#人员}}{{性别=男}}{{性别=其他}}"))))\(cell("<w:p>\(control)</w:p>" + para(run("{{/人员}}"))))</w:tr></w:tbl>")
        var options = FillOptions()
        options.choiceOptions = ["人员.性别": ["男", "女"]]
        #expect {
            try TemplateFiller(template: doc.archive(), options: options)
        } throws: { error in
            (error as? DiagnosticsError)?.diagnostics.map(\.description) == [
                "word/document.xml, table 1, row 1, cell 1: error: {{性别=其他}}: 「其他」不是「人员.性别」的选项（男、女）",
                "word/document.xml, table 1, row 1, cell 2: error: 勾选框内容控件“性别=未知”: 「未知」不是「人员.性别」的选项（男、女）",
            ]
        }
    }

    /// Word keeps no comment inside a text box: a problem there is commented at the paragraph the
    /// box is anchored in, which is also the place its message names.
    @Test func aTextBoxsProblemIsCommentedAtItsAnchorParagraph() throws {
        let box = ParagraphsFormatterTests.textBox(para(run("框内{{编号")), para(run("框内{{编号")))
        let doc = DocxBuilder(para(run("正文")) + "<w:p>\(run("锚定段落"))\(box)</w:p>" + para(run("结尾")))
        let template = doc.archive()
        let diagnostics = try TemplateLinter.lint(template, path: "t.docx", spec: nil)
        #expect(Set(diagnostics.compactMap(\.place)) == ["word/document.xml, paragraph 2, text box 1"])
        let annotated = try TemplateAnnotator.annotate(template, with: diagnostics)
        #expect(Docx.xml(annotated, "word/comments.xml").contains("word/document.xml, paragraph 2, text box 1: 标签 {{编号 没有闭合"))
        let paragraphs = try XMLParser.parse(try #require(annotated["word/document.xml"]), part: "word/document.xml").root
            .child("w:body")?.elements.filter { $0.name == "w:p" } ?? []
        let commented = paragraphs.map { p in p.elements.contains { $0.name == "w:commentRangeStart" } }
        #expect(commented == [false, true, false])
        var inBoxes = 0
        paragraphs[1].forEachElement { e in
            if e.name == "w:txbxContent" { e.forEachElement { if $0.name.hasPrefix("w:comment") { inBoxes += 1 } } }
        }
        #expect(inBoxes == 0)
    }
}
