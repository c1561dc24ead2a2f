import Foundation
import ShenbaoCore
import ShenbaoOOXML
import Testing

/// `shenbao lint` as users run it: the shipped templates pass, a broken copy fails with every
/// problem in text, GitHub annotation and JSON form.
@Suite("shenbao lint command")
struct LintCommandTests {
    static let root = ShenbaoExecutable.root
    static let formIDs: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: root + "/templates")) ?? []
        return names.filter { FileManager.default.fileExists(atPath: "\(root)/templates/\($0)/template.docx") }.sorted()
    }()

    /// sd-lab-2022's template with four mistakes, written to a scratch folder.
    static func brokenTemplate(in directory: String) throws -> String {
        var archive = try ZipArchive(contentsOf: root + "/templates/sd-lab-2022/template.docx")
        var xml = String(decoding: try #require(archive["word/document.xml"]), as: UTF8.self)
        for (from, to) in [
            ("{{主申报单位名称}}", "{{主申报单位名}}"), ("{{/人员}}", ""), ("{{单位地址}}", ""),
            ("{{申报方向=数据开放应用创新}}", "{{申报方向=数据开放创新}}"),
        ] {
            #expect(xml.contains(from))
            xml = xml.replacingOccurrences(of: from, with: to)
        }
        archive["word/document.xml"] = Array(xml.utf8)
        let path = directory + "/template.docx"
        try archive.write(to: path)
        return path
    }

    @Test(arguments: formIDs) func shippedTemplatePasses(formID: String) throws {
        let template = "\(Self.root)/templates/\(formID)/template.docx"
        let result = try ShenbaoExecutable.run(["lint", template])
        #expect(result.status == 0, "\(result.errorText)")
        #expect(result.outputText == "\(template): 通过（表单 \(formID)）\n")
        #expect(result.errorText.isEmpty)
    }

    @Test func brokenTemplateFailsWithEveryProblem() throws {
        let dir = try ShenbaoExecutable.scratchDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let template = try Self.brokenTemplate(in: dir)
        let result = try ShenbaoExecutable.run(["lint", template, "--spec", Self.root + "/templates/sd-lab-2022/form.yaml"])
        #expect(result.status == 1)
        let lines = result.errorText.split(separator: "\n").map(String.init)
        #expect(lines == [
            "\(template): error: 必填字段「主申报单位名称」在模板中没有标签：请加上 {{主申报单位名称}}",
            "\(template): error: 必填字段「单位地址」在模板中没有标签：请加上 {{单位地址}}",
            "\(template): word/document.xml, paragraph 12: error: {{主申报单位名}}: 表单 sd-lab-2022 中没有字段「主申报单位名」，是否应为「主申报单位名称」？",
            "\(template): word/document.xml, table 1, row 1, cell 2: error: {{主申报单位名}}: 表单 sd-lab-2022 中没有字段「主申报单位名」，是否应为「主申报单位名称」？",
            "\(template): word/document.xml, table 1, row 5, cell 2: error: {{申报方向=数据开放创新}}: 「数据开放创新」不是「申报方向」的选项（数据开放应用创新、数据开放技术创新、数据开放流通创新、数据开放其他领域创新），是否应为「数据开放应用创新」？",
            "\(template): word/document.xml, table 2, row 2, cell 1: error: 区块 {{#人员}} 没有结束",
            // With {{/人员}} gone, the rest of the document is inside {{#人员}}.
            "\(template): word/document.xml, table 3, row 1, cell 2: error: {{主申报单位名}}: 「人员」或表单 sd-lab-2022 中没有字段「主申报单位名」，是否应为「主申报单位名称」？",
            "7 个错误，0 个警告",
        ])
        #expect(result.outputText.isEmpty)
    }

    @Test func githubAnnotationsNameTheTemplateFile() throws {
        let dir = try ShenbaoExecutable.scratchDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let template = try Self.brokenTemplate(in: dir)
        let result = try ShenbaoExecutable.run(["lint", template, "--spec", Self.root + "/templates/sd-lab-2022/form.yaml", "--format", "github"])
        #expect(result.status == 1)
        let lines = result.outputText.split(separator: "\n").map(String.init)
        #expect(lines.count == 7)
        #expect(lines.contains("::error file=\(template)::word/document.xml, table 2, row 2, cell 1: 区块 {{#人员}} 没有结束"))
        #expect(lines.allSatisfy { $0.hasPrefix("::error file=\(template)::") })
    }

    @Test func jsonListsEachDiagnosticWithItsPlace() throws {
        let dir = try ShenbaoExecutable.scratchDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let template = try Self.brokenTemplate(in: dir)
        let result = try ShenbaoExecutable.run(["lint", template, "--spec", Self.root + "/templates/sd-lab-2022/form.yaml", "--format", "json"])
        #expect(result.status == 1)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.standardOutput)) as? [String: Any])
        #expect(json["errors"] as? Int == 7)
        let diagnostics = try #require(json["diagnostics"] as? [[String: Any]])
        let option = try #require(diagnostics.first { $0["code"] as? String == "unknown-option" })
        #expect(option["place"] as? String == "word/document.xml, table 1, row 5, cell 2")
        #expect(option["file"] as? String == template)
    }

    @Test func specBesideTheTemplateIsFound() throws {
        let dir = try ShenbaoExecutable.scratchDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let template = try Self.brokenTemplate(in: dir)
        let withoutSpec = try ShenbaoExecutable.run(["lint", template])
        // No form.yaml beside it: only the syntax is checked.
        #expect(withoutSpec.errorText.split(separator: "\n").map(String.init) == [
            "\(template): word/document.xml, table 2, row 2, cell 1: error: 区块 {{#人员}} 没有结束", "1 个错误，0 个警告",
        ])
        try FileManager.default.copyItem(atPath: Self.root + "/templates/sd-lab-2022/form.yaml", toPath: dir + "/form.yaml")
        let withSpec = try ShenbaoExecutable.run(["lint", template])
        #expect(withSpec.status == 1)
        #expect(withSpec.errorText.hasSuffix("7 个错误，0 个警告\n"))
    }

    @Test func unreadableTemplateExitsTwo() throws {
        let result = try ShenbaoExecutable.run(["lint", "/nonexistent/template.docx"])
        #expect(result.status == 2)
        #expect(result.errorText.hasPrefix("/nonexistent/template.docx: error: "))
    }
}
