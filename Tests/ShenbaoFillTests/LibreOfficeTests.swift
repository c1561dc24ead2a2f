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

        guard let soffice = ExternalTool.locate("soffice") else {
            #expect(ProcessInfo.processInfo.environment["CI"] != "true", "LibreOffice is required under CI=true")
            return
        }
        let dir = NSTemporaryDirectory() + "shenbao-fill-lo-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try filled.write(to: dir + "/filled.docx")
        let result = try ExternalTool.run(soffice, [
            "-env:UserInstallation=file://\(dir)/profile", "--headless", "--norestore", "--convert-to", "txt:Text (encoded):UTF8",
            "--outdir", dir, dir + "/filled.docx",
        ], timeout: 120)
        #expect(result.status == 0)
        let text = try String(contentsOfFile: dir + "/filled.txt", encoding: .utf8)
        #expect(text.contains("山东大学申报表"))
        #expect(text.contains("联系人：李四"))
        #expect(text.contains("讲师"))
    }
}
