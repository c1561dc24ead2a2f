import Foundation
import ShenbaoCore
import ShenbaoOOXML
import ShenbaoTestSupport
import Testing

/// scripts/make_templates.py is the one source of truth for templates/*/template.docx: the
/// committed files are exactly what it makes, each says it is generated, and a template edited
/// after generation (by a clerk in Word or WPS) is never overwritten silently.
@Suite("template source", .enabled(if: RequiredTools.present(.python)))
struct TemplateSourceTests {
    func generator(_ arguments: [String], root: String = Checkout.root) throws -> ToolResult {
        try ExternalTool.run("python3", [root + "/scripts/make_templates.py"] + arguments, timeout: 120)
    }

    @Test func everyCommittedTemplateIsWhatTheScriptMakes() throws {
        let result = try generator(["--check"])
        #expect(result.status == 0, "\(result.errorText)")
    }

    @Test(arguments: Checkout.shippedForms) func eachTemplateSaysItIsGenerated(form: String) throws {
        let core = String(decoding: try ZipArchive(contentsOf: Checkout.template(form) + "/template.docx").bytes(of: "docProps/core.xml"), as: UTF8.self)
        #expect(core.contains("<dc:description>由 scripts/make_templates.py 生成，请勿直接编辑"))
        #expect(core.range(of: "<cp:contentStatus>shenbao-generated sha256:[0-9a-f]{64}</cp:contentStatus>", options: .regularExpression) != nil)
    }

    @Test func anEditedTemplateIsNotOverwritten() throws {
        let scratch = try Scratch("template-source")
        defer { scratch.remove() }
        let fm = FileManager.default
        try fm.copyItem(atPath: Checkout.path("scripts"), toPath: scratch.file("scripts"))
        try fm.createDirectory(atPath: scratch.file("templates/sz-lab"), withIntermediateDirectories: true)
        let path = scratch.file("templates/sz-lab/template.docx")
        // A clerk changes a label in Word: the document part differs from the recorded fingerprint.
        var archive = try ZipArchive(contentsOf: Checkout.template("sz-lab") + "/template.docx")
        let document = String(decoding: try archive.bytes(of: "word/document.xml"), as: UTF8.self)
        #expect(document.contains("申报单位名称"))
        archive["word/document.xml"] = Array(document.replacingOccurrences(of: "申报单位名称", with: "申报主体名称").utf8)
        try archive.write(to: path)
        let edited = try Data(contentsOf: URL(fileURLWithPath: path))

        let refused = try generator(["sz-lab"], root: scratch.path)
        #expect(refused.status == 1)
        #expect(refused.errorText.contains("templates/sz-lab/template.docx 在生成之后被改过（各部件与记录的生成指纹不符），没有覆盖"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == edited)

        let checked = try generator(["--check", "sz-lab"], root: scratch.path)
        #expect(checked.status == 1)
        #expect(checked.errorText.contains("以下模板与脚本生成的不一致"))

        let forced = try generator(["--force", "sz-lab"], root: scratch.path)
        #expect(forced.status == 0, "\(forced.errorText)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == Data(contentsOf: URL(fileURLWithPath: Checkout.template("sz-lab") + "/template.docx")))
    }
}
