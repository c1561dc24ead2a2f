import Foundation
import ShenbaoCore
import ShenbaoData
import ShenbaoOOXML
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

        guard let text = try Self.convert(filled, to: "txt:Text (encoded):UTF8", extension: "txt").map({ String(decoding: $0, as: UTF8.self) }) else { return }
        #expect(text.contains("山东大学申报表"))
        #expect(text.contains("联系人：李四"))
        #expect(text.contains("讲师"))
    }

    @Test func libreOfficeShowsRepeatedListsRestartingInEachCopy() throws {
        let numbering = """
            <w:abstractNum w:abstractNumId="3"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum><w:num w:numId="5"><w:abstractNumId w:val="3"/></w:num>
            """
        let item = "<w:p><w:pPr><w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"5\"/></w:numPr></w:pPr>\(run("{{.}}"))</w:p>"
        var doc = DocxBuilder(para(run("{{#项目}}")) + para(run("{{名称}}")) + para(run("{{#步骤}}")) + item + para(run("{{/步骤}}")) + para(run("{{/项目}}")))
        doc.numbering = numbering
        let filled = try fill(doc, try yaml("项目:\n  - {名称: A, 步骤: [a1, a2]}\n  - {名称: B, 步骤: [b1, b2, b3]}\n"))
        guard let bytes = try Self.convert(filled, to: "txt:Text (encoded):UTF8", extension: "txt") else { return }
        let lines = String(decoding: bytes, as: UTF8.self).split(whereSeparator: \.isNewline)
            .map { $0.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "\u{FEFF}", with: "") }
        #expect(lines == ["A", "1. a1", "2. a2", "B", "1. b1", "2. b2", "3. b3"])
    }

    @Test func sealImageReachesThePDF() throws {
        let dir = NSTemporaryDirectory() + "shenbao-fill-seal-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try Data(TinyPNG.make(width: 4, height: 4)).write(to: URL(fileURLWithPath: dir + "/seal.png"))
        let doc = DocxBuilder(para(run("申报单位（盖章）{{%公章}}")) + para(run("{{%照片}}")))
        let filled = try TemplateFiller(template: doc.archive()).fill(with: try yaml("公章: seal.png\n照片: seal.png\n"), dataDirectory: dir)
        guard let pdf = try Self.convert(filled, to: "pdf", extension: "pdf") else { return }
        try Data(pdf).write(to: URL(fileURLWithPath: dir + "/out.pdf"))
        guard ExternalTool.locate("pdfimages") != nil else {
            #expect(ProcessInfo.processInfo.environment["CI"] != "true", "poppler is required under CI=true")
            return
        }
        let list = try ExternalTool.run("pdfimages", ["-list", dir + "/out.pdf"], timeout: 60)
        let types = list.outputText.split(separator: "\n").dropFirst(2).map { $0.split(separator: " ")[2] }
        // Both images, each with its transparency (PNG alpha becomes a soft mask).
        #expect(types == ["image", "smask", "image", "smask"])
    }

    /// The document converted by LibreOffice (`--convert-to FILTER`), or nil when it is missing
    /// on a developer machine (a failure under CI=true).
    static func convert(_ archive: ZipArchive, to filter: String, extension ext: String) throws -> [UInt8]? {
        guard let soffice = ExternalTool.locate("soffice") else {
            #expect(ProcessInfo.processInfo.environment["CI"] != "true", "LibreOffice is required under CI=true")
            return nil
        }
        let dir = NSTemporaryDirectory() + "shenbao-fill-lo-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try archive.write(to: dir + "/filled.docx")
        let result = try ExternalTool.run(soffice, [
            "-env:UserInstallation=file://\(dir)/profile", "--headless", "--norestore", "--convert-to", filter,
            "--outdir", dir, dir + "/filled.docx",
        ], timeout: 180)
        #expect(result.status == 0)
        return FileManager.default.contents(atPath: dir + "/filled." + ext).map { [UInt8]($0) }
    }
}
