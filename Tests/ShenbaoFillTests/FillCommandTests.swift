import Foundation
import ShenbaoTestSupport
import ShenbaoCore
import ShenbaoOOXML
import Testing

@testable import ShenbaoFill

/// The built `shenbao` binary, run as a user runs it: exit codes, messages, files written or not.
@Suite(.enabled(if: RequiredTools.present(.shenbao)))
struct FillCommandTests {
    private func workspace() throws -> String {
        let dir = NSTemporaryDirectory() + "shenbao-fill-cli-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let doc = DocxBuilder(para(run("{{单位.名称}}申报表")) + "<w:tbl><w:tr>\(cell(para(run("{{#人员}}{{@index}}"))))\(cell(para(run("{{姓名}}{{/人员}}"))))</w:tr></w:tbl>")
        try doc.archive().write(to: dir + "/template.docx")
        try "单位: {名称: 山东大学}\n人员: [{姓名: 甲}, {姓名: 乙}]\n".write(toFile: dir + "/data.yaml", atomically: true, encoding: .utf8)
        try "人员: [{姓名: 甲}, {}]\n".write(toFile: dir + "/bad.yaml", atomically: true, encoding: .utf8)
        return dir
    }

    private func shenbao(_ arguments: [String]) throws -> ToolResult {
        try ShenbaoCommand.run(arguments, timeout: 60)
    }

    @Test func fillsTagsAndPrintsTheDataBack() throws {
        let dir = try workspace()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let filled = try shenbao(["fill", dir + "/template.docx", dir + "/data.yaml", "-o", dir + "/out.docx"])
        #expect(filled.status == 0)
        let out = try ZipArchive(contentsOf: dir + "/out.docx")
        #expect(try Docx.paragraphs(out) == ["山东大学申报表", "1", "甲", "2", "乙"])
        let tags = try #require(try shenbao(["tags", dir + "/template.docx"]))
        #expect(tags.outputText == """
            {{单位.名称}}  [value]  word/document.xml, paragraph 1
            {{#人员}}  [section]  word/document.xml, table 1, row 1, cell 1
              {{@index}}  [index]  word/document.xml, table 1, row 1, cell 1
              {{姓名}}  [value]  word/document.xml, table 1, row 1, cell 2

            """)
        let json = try #require(try shenbao(["tags", dir + "/template.docx", "--format", "json"]))
        let tree = try #require(try JSONSerialization.jsonObject(with: Data(json.outputText.utf8)) as? [[String: Any]])
        #expect(tree.map { $0["tag"] as? String } == ["{{单位.名称}}", "{{#人员}}"])
        #expect((tree[1]["children"] as? [[String: Any]])?.map { $0["path"] as? String } == [nil, "姓名"])
        #expect(tree[1]["place"] as? String == "word/document.xml, table 1, row 1, cell 1")
        let yamlOut = try #require(try shenbao(["data", dir + "/out.docx"]))
        // Yams (libyaml) writes a block sequence inside a mapping without indenting its dashes.
        #expect(yamlOut.outputText.hasSuffix("单位:\n  名称: 山东大学\n人员:\n- 姓名: 甲\n- 姓名: 乙\n"))
        let data = try #require(try shenbao(["data", dir + "/out.docx", "--format", "json"]))
        #expect(data.outputText == "{\"单位\":{\"名称\":\"山东大学\"},\"人员\":[{\"姓名\":\"甲\"},{\"姓名\":\"乙\"}]}\n")
    }

    @Test func withoutASpecTheEmbeddedDataNamesTheDataFilesForm() throws {
        let dir = try workspace()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try "form: sd-lab-2022\n单位: {名称: 山东大学}\n人员: []\n".write(toFile: dir + "/named.yaml", atomically: true, encoding: .utf8)
        let filled = try shenbao(["fill", dir + "/template.docx", dir + "/named.yaml", "-o", dir + "/out.docx"])
        #expect(filled.status == 0)
        let embedded = try #require(try EmbeddedData.read(from: ZipArchive(contentsOf: dir + "/out.docx")))
        #expect(embedded.form == "sd-lab-2022")
    }

    @Test func errorsExitNonZeroAndWriteNothing() throws {
        let dir = try workspace()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let result = try shenbao(["fill", dir + "/template.docx", dir + "/bad.yaml", "-o", dir + "/out.docx", "--annotate", dir + "/annotated.docx"])
        #expect(result.status == 1)
        #expect(result.errorText.contains("word/document.xml, paragraph 1: error: {{单位.名称}} 没有值：数据中缺少「单位.名称」\n"))
        #expect(result.errorText.contains("word/document.xml, table 1, row 1, cell 2: error: {{姓名}} 没有值：数据中缺少「人员[1].姓名」\n"))
        #expect(result.errorText.hasSuffix("2 个错误，0 个警告\n"))
        #expect(!FileManager.default.fileExists(atPath: dir + "/out.docx"))
        let annotated = try ZipArchive(contentsOf: dir + "/annotated.docx")
        #expect(Docx.count("<w:comment ", in: Docx.xml(annotated, "word/comments.xml")) == 2)
        let overwrite = try #require(try shenbao(["fill", dir + "/template.docx", dir + "/data.yaml", "-o", dir + "/template.docx"]))
        #expect(overwrite.status != 0)
        #expect(overwrite.errorText.contains("会把它覆盖"))
    }
}
