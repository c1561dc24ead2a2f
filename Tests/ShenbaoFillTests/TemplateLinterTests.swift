import Foundation
import ShenbaoCore
import ShenbaoData
import ShenbaoOOXML
import Testing

@testable import ShenbaoFill

/// `TemplateLinter` on the shipped templates (clean) and on copies with one mistake each, whose
/// messages are asserted word for word with their places.
@Suite("template lint")
struct TemplateLinterTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path
    static let formIDs = FormSpecLocator.availableForms(in: root + "/templates")

    static func spec(_ id: String) throws -> FormSpec { try FormSpec.load(path: "\(root)/templates/\(id)/form.yaml") }
    static func template(_ id: String) throws -> ZipArchive { try ZipArchive(contentsOf: "\(root)/templates/\(id)/template.docx") }

    /// sd-lab-2022's template with `word/document.xml` edited as text.
    static func labTemplate(_ edit: (String) -> String) throws -> ZipArchive {
        var archive = try template("sd-lab-2022")
        let xml = String(decoding: try #require(archive["word/document.xml"]), as: UTF8.self)
        let edited = edit(xml)
        #expect(edited != xml, "the edit changed nothing")
        archive["word/document.xml"] = Array(edited.utf8)
        return archive
    }

    static func lint(_ archive: ZipArchive, spec: FormSpec? = nil) throws -> [String] {
        try TemplateLinter.lint(archive, path: "t.docx", spec: spec ?? Self.spec("sd-lab-2022")).sorted().map(\.description)
    }

    @Test(arguments: formIDs) func shippedTemplateIsClean(formID: String) throws {
        let diagnostics = try TemplateLinter.lint(Self.template(formID), path: "\(formID)/template.docx", spec: Self.spec(formID))
        #expect(diagnostics.isEmpty, "\(diagnostics.map(\.description).joined(separator: "\n"))")
    }

    @Test func misspeltTagNamesTheNearestField() throws {
        let archive = try Self.labTemplate { $0.replacingOccurrences(of: "{{主申报单位名称}}", with: "{{主申报单位名}}") }
        let all = try Self.lint(archive)
        #expect(all.contains("t.docx: word/document.xml, table 1, row 1, cell 2: error: {{主申报单位名}}: 表单 sd-lab-2022 中没有字段「主申报单位名」，是否应为「主申报单位名称」？"))
        // Every use was misspelt, so the required field is missing too.
        #expect(all.contains("t.docx: error: 必填字段「主申报单位名称」在模板中没有标签：请加上 {{主申报单位名称}}"))
    }

    @Test func unclosedSectionIsReportedWhereItOpens() throws {
        let archive = try Self.labTemplate { $0.replacingOccurrences(of: "{{/人员}}", with: "") }
        #expect(try Self.lint(archive) == ["t.docx: word/document.xml, table 2, row 2, cell 1: error: 区块 {{#人员}} 没有结束"])
    }

    @Test func droppedRequiredField() throws {
        let archive = try Self.labTemplate { $0.replacingOccurrences(of: "{{单位地址}}", with: "") }
        #expect(try Self.lint(archive) == ["t.docx: error: 必填字段「单位地址」在模板中没有标签：请加上 {{单位地址}}"])
    }

    @Test func checkboxOptionMustBeOneOfTheFields() throws {
        let archive = try Self.labTemplate { $0.replacingOccurrences(of: "{{申报方向=数据开放应用创新}}", with: "{{申报方向=数据开放创新}}") }
        #expect(try Self.lint(archive) == [
            "t.docx: word/document.xml, table 1, row 5, cell 2: error: {{申报方向=数据开放创新}}: 「数据开放创新」不是「申报方向」的选项（数据开放应用创新、数据开放技术创新、数据开放流通创新、数据开放其他领域创新），是否应为「数据开放应用创新」？"
        ])
    }

    @Test func namesInsideATableSectionAreItsColumns() throws {
        let archive = try Self.labTemplate { $0.replacingOccurrences(of: "{{职称}}", with: "{{职称s}}") }
        let all = try Self.lint(archive)
        #expect(all.contains("t.docx: word/document.xml, table 2, row 2, cell 5: error: {{职称s}}: 「人员」或表单 sd-lab-2022 中没有字段「职称s」，是否应为「职称」？"))
    }

    @Test func groupChildrenCountThroughTheirDottedPaths() throws {
        let archive = try Self.labTemplate { $0.replacingOccurrences(of: "{{联系人.电话}}", with: "") }
        #expect(try Self.lint(archive) == ["t.docx: error: 必填字段「联系人.电话」在模板中没有标签：请加上 {{联系人.电话}}"])
    }

    @Test func imageAndTextTagsMustMatchTheFieldKind() throws {
        let archive = try Self.labTemplate {
            $0.replacingOccurrences(of: "{{%推荐单位公章}}", with: "{{推荐单位公章}}")
                .replacingOccurrences(of: "{{单位地址}}", with: "{{%单位地址}}")
        }
        let all = try Self.lint(archive)
        #expect(all.count == 2)
        #expect(all.contains { $0.hasSuffix("error: {{推荐单位公章}} 把图片字段「推荐单位公章」当作文字填写：放置图片请写 {{%推荐单位公章}}") })
        #expect(all.contains("t.docx: word/document.xml, table 1, row 6, cell 2: error: {{%单位地址}} 放置图片，但「单位地址」是 text 字段，不是图片"))
    }

    @Test func tablesAndGroupsAreNotPrintedAsText() throws {
        let archive = try Self.labTemplate {
            $0.replacingOccurrences(of: "{{单位地址}}", with: "{{单位地址}}{{联系人}}{{人员}}")
        }
        #expect(try Self.lint(archive) == [
            "t.docx: word/document.xml, table 1, row 6, cell 2: error: {{人员}} 把表格「人员」当作文字填写：请用 {{#人员}}…{{/人员}} 重复它的行",
            "t.docx: word/document.xml, table 1, row 6, cell 2: error: {{联系人}} 把分组「联系人」当作文字填写：请写它的一个字段，如 {{联系人.姓名}}",
        ])
    }

    /// A text box's paragraphs are placed at the paragraph the box is anchored in (as check places
    /// them) and do not shift the body's numbers: the content control's paragraph is paragraph 2.
    @Test func imageInATextBoxOrContentControlIsAnError() throws {
        let run = { (text: String) in "<w:r><w:t xml:space=\"preserve\">\(text)</w:t></w:r>" }
        let body = """
            <w:p><w:r><w:pict><v:shape><v:textbox><w:txbxContent><w:p>\(run("{{%公章}}"))</w:p></w:txbxContent></v:textbox></v:shape></w:pict></w:r></w:p>
            <w:sdt><w:sdtPr><w:tag w:val="seal"/></w:sdtPr><w:sdtContent><w:p>\(run("{{%推荐单位公章}}"))</w:p></w:sdtContent></w:sdt>
            """
        let diagnostics = try TemplateLinter.lint(DocxBuilder(body).archive(), path: "t.docx", spec: nil)
        #expect(diagnostics.sorted().map(\.description) == [
            "t.docx: word/document.xml, paragraph 1, text box 1: error: {{%公章}} 位于文本框中，那里不能放图片：请移到正文或表格单元格中",
            "t.docx: word/document.xml, paragraph 2: error: {{%推荐单位公章}} 位于内容控件中，那里不能放图片：请移出内容控件",
        ])
    }

    @Test func withoutASpecOnlySyntaxIsChecked() throws {
        let archive = try Self.labTemplate { $0.replacingOccurrences(of: "{{单位地址}}", with: "{{单位地址") }
        let diagnostics = try TemplateLinter.lint(archive, path: "t.docx", spec: nil)
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.code.rawValue == "unclosed-tag")
        #expect(diagnostics.first?.place == "word/document.xml, table 1, row 6, cell 2")
    }
}
