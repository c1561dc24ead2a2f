import Foundation
import ShenbaoCore
import ShenbaoOOXML
import Testing

/// What the commands refuse, as users run them: a template with no tag or no main document part
/// (fill, tags, lint), tampered embedded data (data), a DOCX edited after filling (summary).
@Suite("shenbao refuses templates and documents that do not show their data")
struct RefusalCommandTests {
    static let root = ShenbaoExecutable.root
    static let labTemplate = root + "/templates/sd-lab-2022/template.docx"
    static let labSample = root + "/samples/sd-lab-2022/申报数据.yaml"
    static let labUnit = "山东海岱大学数据科学与工程学院"

    /// The sd-lab-2022 template with `edit` applied to its package, written to `directory`.
    static func labTemplate(in directory: String, _ edit: (inout ZipArchive) throws -> Void) throws -> String {
        var archive = try ZipArchive(contentsOf: labTemplate)
        try edit(&archive)
        let path = directory + "/template.docx"
        try archive.write(to: path)
        return path
    }

    /// The sample filled by `shenbao fill --spec`, written to `directory/申报表.docx`.
    static func filledSample(in directory: String) throws -> String {
        let out = directory + "/申报表.docx"
        let result = try ShenbaoExecutable.run(["fill", labTemplate, labSample, "--spec", root + "/templates/sd-lab-2022/form.yaml", "-o", out])
        #expect(result.status == 0, "\(result.errorText)")
        return out
    }

    @Test func templateWithTheTagsTakenOutIsRefusedByFillTagsAndLint() throws {
        let dir = try ShenbaoExecutable.scratchDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let template = try Self.labTemplate(in: dir) { archive in
            let xml = String(decoding: try archive.bytes(of: "word/document.xml"), as: UTF8.self)
            archive["word/document.xml"] = Array(xml.replacingOccurrences(of: #"\{\{[^<]*?\}\}"#, with: "", options: .regularExpression).utf8)
        }
        let out = dir + "/out.docx"
        let fill = try ShenbaoExecutable.run(["fill", template, Self.labSample, "-o", out])
        #expect(fill.status == 1)
        #expect(fill.errorText.contains("\(template): word/document.xml: error: 模板中没有任何标签（如 {{主申报单位名称}}），也没有复选框控件"), "\(fill.errorText)")
        #expect(!FileManager.default.fileExists(atPath: out))

        let tags = try ShenbaoExecutable.run(["tags", template])
        #expect(tags.status == 1)
        #expect(tags.outputText.isEmpty)
        #expect(tags.errorText.contains("\(template): word/document.xml: error: 模板中没有任何标签"), "\(tags.errorText)")

        let lint = try ShenbaoExecutable.run(["lint", template])
        #expect(lint.status == 1)
        #expect(!lint.outputText.contains("通过"))
        #expect(lint.errorText.contains("\(template): word/document.xml: error: 模板中没有任何标签"), "\(lint.errorText)")
    }

    @Test func templateWithoutDocumentXMLIsRefusedByFillTagsAndLint() throws {
        let dir = try ShenbaoExecutable.scratchDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let template = try Self.labTemplate(in: dir) { $0["word/document.xml"] = nil }
        let out = dir + "/out.docx"
        let fill = try ShenbaoExecutable.run(["fill", template, Self.labSample, "-o", out])
        #expect(fill.status != 0)
        #expect(fill.errorText.contains("\(template): 缺少主文档部件 word/document.xml"), "\(fill.errorText)")
        #expect(!FileManager.default.fileExists(atPath: out))

        let tags = try ShenbaoExecutable.run(["tags", template])
        #expect(tags.status != 0)
        #expect(tags.outputText.isEmpty)
        #expect(tags.errorText.contains("\(template): 缺少主文档部件 word/document.xml"), "\(tags.errorText)")

        let lint = try ShenbaoExecutable.run(["lint", template])
        #expect(lint.status != 0)
        #expect(!lint.outputText.contains("通过"))
        #expect(lint.errorText.contains("\(template): error: 缺少主文档部件 word/document.xml"), "\(lint.errorText)")
    }

    @Test func tamperedCustomXmlMakesShenbaoDataExitNonZeroPrintingNothing() throws {
        let dir = try ShenbaoExecutable.scratchDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let filled = try Self.filledSample(in: dir)
        let faithful = try ShenbaoExecutable.run(["data", filled])
        #expect(faithful.status == 0, "\(faithful.errorText)")
        #expect(faithful.outputText.contains(Self.labUnit))

        var archive = try ZipArchive(contentsOf: filled)
        let part = try #require(archive.names.first { $0.hasPrefix("customXml/item") && !$0.contains("Props") })
        let xml = String(decoding: try archive.bytes(of: part), as: UTF8.self)
        archive[part] = Array(xml.replacingOccurrences(of: Self.labUnit, with: "山东海岱大学软件学院").utf8)
        let tampered = dir + "/tampered.docx"
        try archive.write(to: tampered)
        for format in ["yaml", "json"] {
            let result = try ShenbaoExecutable.run(["data", tampered, "--format", format])
            #expect(result.status == 1)
            #expect(result.outputText.isEmpty)
            #expect(result.errorText.contains("\(tampered): \(part): error: 嵌入数据的校验值不符"), "\(result.errorText)")
            #expect(result.errorText.contains("文件在填写后被改动过"))
        }
    }

    @Test func summaryRefusesTheDocxWhoseUnitNameWasEditedNamingTheFile() throws {
        let dir = try ShenbaoExecutable.scratchDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let filled = try Self.filledSample(in: dir)
        let faithfulSheet = dir + "/faithful.csv"
        let faithful = try ShenbaoExecutable.run(["summary", "--form", "sd-lab-2022", filled, "-o", faithfulSheet])
        #expect(faithful.status == 0, "\(faithful.errorText)")

        var archive = try ZipArchive(contentsOf: filled)
        let xml = String(decoding: try archive.bytes(of: "word/document.xml"), as: UTF8.self)
        archive["word/document.xml"] = Array(xml.replacingOccurrences(of: Self.labUnit, with: "山东海岱大学软件学院").utf8)
        let edited = dir + "/edited.docx"
        try archive.write(to: edited)
        let sheet = dir + "/edited.csv"
        let result = try ShenbaoExecutable.run(["summary", "--form", "sd-lab-2022", edited, "-o", sheet])
        #expect(result.status == 1)
        #expect(result.errorText.contains("\(edited): error: 这份DOCX的正文与它嵌入的数据不符"), "\(result.errorText)")
        #expect(result.errorText.contains("\(edited): word/document.xml, "), "\(result.errorText)")
        #expect(result.errorText.contains("DOCX 显示「软件」，按嵌入数据应为「数据科学与工程」"), "\(result.errorText)")
        #expect(!FileManager.default.fileExists(atPath: sheet))
    }
}
