import Foundation
import ShenbaoCore
import ShenbaoData
import ShenbaoOOXML
import ShenbaoTestSupport
import Testing

@testable import ShenbaoFill

/// A template saved by LibreOffice (which splits text into many runs), filled, then opened by
/// LibreOffice again to prove the output is a document it reads.
@Suite struct LibreOfficeTests {
    static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/libreoffice-form.docx").path

    @Test func fillsATemplateSavedByLibreOffice() throws {
        let template = try ZipArchive(contentsOf: Self.fixture)
        let data = try yaml("编号: SD-2022-001\n单位: {名称: 山东大学}\n联系人: 李四\n人员:\n  - {姓名: 甲, 职称: 教授}\n  - {姓名: 乙, 职称: 讲师}\n")
        let filled = try TemplateFiller(template: template).fill(with: data)
        #expect(try Docx.paragraphs(filled) == ["山东大学申报表", "联系人：李四", "序号", "姓名", "职称", "1", "甲", "教授", "2", "乙", "讲师", "联合申报单位：无"])
        #expect(try Docx.paragraphs(filled, "word/header1.xml") == ["编号：SD-2022-001"])
        #expect(filled["word/styles.xml"] == template["word/styles.xml"])
    }

    @Test(.enabled(if: RequiredTools.present(.libreOffice)))
    func libreOfficeReadsTheFilledTemplate() throws {
        let template = try ZipArchive(contentsOf: Self.fixture)
        let data = try yaml("编号: SD-2022-001\n单位: {名称: 山东大学}\n联系人: 李四\n人员:\n  - {姓名: 甲, 职称: 教授}\n  - {姓名: 乙, 职称: 讲师}\n")
        let filled = try TemplateFiller(template: template).fill(with: data)
        let text = String(decoding: try Self.convert(filled, to: "txt:Text (encoded):UTF8", extension: "txt"), as: UTF8.self)
        #expect(text.contains("山东大学申报表"))
        #expect(text.contains("联系人：李四"))
        #expect(text.contains("讲师"))
    }

    @Test(.enabled(if: RequiredTools.present(.libreOffice)))
    func libreOfficeShowsRepeatedListsRestartingInEachCopy() throws {
        let numbering = """
            <w:abstractNum w:abstractNumId="3"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum><w:num w:numId="5"><w:abstractNumId w:val="3"/></w:num>
            """
        let item = "<w:p><w:pPr><w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"5\"/></w:numPr></w:pPr>\(run("{{.}}"))</w:p>"
        var doc = DocxBuilder(para(run("{{#项目}}")) + para(run("{{名称}}")) + para(run("{{#步骤}}")) + item + para(run("{{/步骤}}")) + para(run("{{/项目}}")))
        doc.numbering = numbering
        let filled = try fill(doc, try yaml("项目:\n  - {名称: A, 步骤: [a1, a2]}\n  - {名称: B, 步骤: [b1, b2, b3]}\n"))
        let bytes = try Self.convert(filled, to: "txt:Text (encoded):UTF8", extension: "txt")
        let lines = String(decoding: bytes, as: UTF8.self).split(whereSeparator: \.isNewline)
            .map { $0.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "\u{FEFF}", with: "") }
        #expect(lines == ["A", "1. a1", "2. a2", "B", "1. b1", "2. b2", "3. b3"])
    }

    @Test(.enabled(if: RequiredTools.present(.libreOffice, .poppler)))
    func sealImageReachesThePDF() throws {
        let dir = NSTemporaryDirectory() + "shenbao-fill-seal-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try Data(TinyPNG.make(width: 4, height: 4)).write(to: URL(fileURLWithPath: dir + "/seal.png"))
        let doc = DocxBuilder(para(run("申报单位（盖章）{{%公章}}")) + para(run("{{%照片}}")))
        let filled = try TemplateFiller(template: doc.archive()).fill(with: try yaml("公章: seal.png\n照片: seal.png\n"), dataDirectory: dir)
        let pdf = try Self.convert(filled, to: "pdf", extension: "pdf")
        try Data(pdf).write(to: URL(fileURLWithPath: dir + "/out.pdf"))
        let list = try ExternalTool.run("pdfimages", ["-list", dir + "/out.pdf"], timeout: 60)
        let types = list.outputText.split(separator: "\n").dropFirst(2).map { $0.split(separator: " ")[2] }
        // Both images, each with its transparency (PNG alpha becomes a soft mask).
        #expect(types == ["image", "smask", "image", "smask"])
    }

    /// The document converted by LibreOffice (`TestConversion`: a PDF from the converter pool,
    /// any other `filter` from one `soffice --convert-to` run).
    static func convert(_ archive: ZipArchive, to filter: String, extension ext: String) throws -> [UInt8] {
        let scratch = try Scratch("fill-lo")
        defer { scratch.remove() }
        try archive.write(to: scratch.file("filled.docx"))
        let out = filter == "pdf"
            ? try TestConversion.pdf(of: scratch.file("filled.docx"), in: scratch.file("out"))
            : try TestConversion.export([scratch.file("filled.docx")], filter: filter, extension: ext, outputDirectory: scratch.file("out"))[0]
        return [UInt8](try Data(contentsOf: URL(fileURLWithPath: out)))
    }
}

/// One document with every construct the filler writes, read back by LibreOffice.
@Suite struct EveryCaseOpensInLibreOfficeTests {
    @Test(.enabled(if: RequiredTools.present(.libreOffice, .poppler)))
    func everyConstructSurvivesLibreOffice() throws {
        let dir = NSTemporaryDirectory() + "shenbao-fill-all-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try Data(TinyPNG.make(width: 4, height: 4)).write(to: URL(fileURLWithPath: dir + "/seal.png"))
        let box = """
            <w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0" relativeHeight="2" behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1">\
            <wp:simplePos x="0" y="0"/><wp:positionH relativeFrom="column"><wp:posOffset>0</wp:posOffset></wp:positionH><wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset></wp:positionV>\
            <wp:extent cx="1800000" cy="500000"/><wp:effectExtent l="0" t="0" r="0" b="0"/><wp:wrapNone/><wp:docPr id="1" name="框"/><wp:cNvGraphicFramePr/>\
            <a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp><wps:cNvSpPr txBox="1"/><wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="1800000" cy="500000"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></wps:spPr>\
            <wps:txbx><w:txbxContent><w:p>\(run("框内{{编号}}"))</w:p></w:txbxContent></wps:txbx><wps:bodyPr/></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>\
            <mc:Fallback><w:pict><v:shape style="width:140pt;height:40pt"><v:textbox><w:txbxContent><w:p>\(run("框内{{编号}}"))</w:p></w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>
            """
        let control = """
            <w:sdt><w:sdtPr><w:tag w:val="性质=企业"/><w14:checkbox><w14:checked w14:val="0"/><w14:checkedState w14:val="2612"/><w14:uncheckedState w14:val="2610"/></w14:checkbox></w:sdtPr><w:sdtContent><w:r><w:t>☐</w:t></w:r></w:sdtContent></w:sdt>
            """
        let rows = "<w:tr>\(cell(para(run("{{#人员}}{{@index}}"))))\(cell(para(run("{{姓名}}"))))<w:tc><w:tcPr><w:vMerge w:val=\"restart\"/></w:tcPr>\(para(run("{{单位}}{{/人员}}")))</w:tc></w:tr>"
        let body = para(run("{{单位}}申报书")) + "<w:p>\(run("正文"))\(box)</w:p>" + "<w:p>\(control)\(run("企业 {{性质=高校}}高校"))</w:p>"
            + "<w:tbl><w:tblPr><w:tblW w:w=\"0\" w:type=\"auto\"/></w:tblPr><w:tblGrid><w:gridCol w:w=\"2000\"/><w:gridCol w:w=\"2000\"/><w:gridCol w:w=\"2000\"/></w:tblGrid>\(rows)</w:tbl>"
            + para(run("{{#附件}}")) + para(run("附件{{@index}}：{{.}}")) + para(run("{{/附件}}"))
            + para(run("金额：{{经费 | rmb}}（{{日期 | date}}）")) + para(run("申报单位（盖章）{{%公章}}"))
        var doc = DocxBuilder(body)
        doc.headers = [para(run("编号：{{编号}}"))]
        let data = try yaml("""
            单位: 山东大学
            编号: SD-001
            性质: 企业
            人员: [{姓名: 甲}, {姓名: 乙}]
            附件: [证明, 合同]
            经费: '100000'
            日期: 2022-12-10
            公章: seal.png
            """)
        let filled = try TemplateFiller(template: doc.archive()).fill(with: data, dataDirectory: dir)
        let pdf = try LibreOfficeTests.convert(filled, to: "pdf", extension: "pdf")
        try Data(pdf).write(to: URL(fileURLWithPath: dir + "/out.pdf"))
        // pdftotext puts spaces between Chinese and Latin letters or digits: compare without spaces.
        let text = try ExternalTool.run("pdftotext", [dir + "/out.pdf", "-"], timeout: 60).outputText.filter { !$0.isWhitespace }
        // The merged 单位 cell spans both copies of the row: the name shows once in the table.
        #expect(text.components(separatedBy: "山东大学").count - 1 == 2)
        for expected in ["山东大学申报书", "框内SD-001", "编号：SD-001", "☒企业□高校", "附件1：证明", "附件2：合同", "金额：壹拾万元整（2022年12月10日）", "申报单位（盖章）", "乙"] {
            #expect(text.contains(expected), "LibreOffice text lacks \(expected)")
        }
    }
}
