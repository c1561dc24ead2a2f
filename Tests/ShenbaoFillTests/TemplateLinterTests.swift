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
        #expect(all.contains("t.docx: word/document.xml, table 1, row 1, cell 2: error: {{主申报单位名}}: no field 主申报单位名 in form sd-lab-2022; did you mean 主申报单位名称?"))
        // Every use was misspelt, so the required field is missing too.
        #expect(all.contains("t.docx: error: required field 主申报单位名称 has no tag in the template: add {{主申报单位名称}}"))
    }

    @Test func unclosedSectionIsReportedWhereItOpens() throws {
        let archive = try Self.labTemplate { $0.replacingOccurrences(of: "{{/人员}}", with: "") }
        #expect(try Self.lint(archive) == ["t.docx: word/document.xml, table 2, row 2, cell 1: error: unclosed section {{#人员}}"])
    }

    @Test func droppedRequiredField() throws {
        let archive = try Self.labTemplate { $0.replacingOccurrences(of: "{{单位地址}}", with: "") }
        #expect(try Self.lint(archive) == ["t.docx: error: required field 单位地址 has no tag in the template: add {{单位地址}}"])
    }

    @Test func checkboxOptionMustBeOneOfTheFields() throws {
        let archive = try Self.labTemplate { $0.replacingOccurrences(of: "{{申报方向=数据开放应用创新}}", with: "{{申报方向=数据开放创新}}") }
        #expect(try Self.lint(archive) == [
            "t.docx: word/document.xml, table 1, row 5, cell 2: error: {{申报方向=数据开放创新}}: 数据开放创新 is not an option of 申报方向 (数据开放应用创新, 数据开放技术创新, 数据开放流通创新, 数据开放其他领域创新); did you mean 数据开放应用创新?"
        ])
    }

    @Test func namesInsideATableSectionAreItsColumns() throws {
        let archive = try Self.labTemplate { $0.replacingOccurrences(of: "{{职称}}", with: "{{职称s}}") }
        let all = try Self.lint(archive)
        #expect(all.contains("t.docx: word/document.xml, table 2, row 2, cell 5: error: {{职称s}}: no field 职称s in 人员 or form sd-lab-2022; did you mean 职称?"))
    }

    @Test func groupChildrenCountThroughTheirDottedPaths() throws {
        let archive = try Self.labTemplate { $0.replacingOccurrences(of: "{{联系人.电话}}", with: "") }
        #expect(try Self.lint(archive) == ["t.docx: error: required field 联系人.电话 has no tag in the template: add {{联系人.电话}}"])
    }

    @Test func imageAndTextTagsMustMatchTheFieldKind() throws {
        let archive = try Self.labTemplate {
            $0.replacingOccurrences(of: "{{%推荐单位公章}}", with: "{{推荐单位公章}}")
                .replacingOccurrences(of: "{{单位地址}}", with: "{{%单位地址}}")
        }
        let all = try Self.lint(archive)
        #expect(all.count == 2)
        #expect(all.contains { $0.hasSuffix("error: {{推荐单位公章}} prints the image field 推荐单位公章 as text: write {{%推荐单位公章}} to place the image") })
        #expect(all.contains("t.docx: word/document.xml, table 1, row 6, cell 2: error: {{%单位地址}} places an image, but 单位地址 is a text field, not an image"))
    }

    @Test func tablesAndGroupsAreNotPrintedAsText() throws {
        let archive = try Self.labTemplate {
            $0.replacingOccurrences(of: "{{单位地址}}", with: "{{单位地址}}{{联系人}}{{人员}}")
        }
        #expect(try Self.lint(archive) == [
            "t.docx: word/document.xml, table 1, row 6, cell 2: error: {{人员}} prints the table 人员 as text: repeat its rows with {{#人员}}…{{/人员}}",
            "t.docx: word/document.xml, table 1, row 6, cell 2: error: {{联系人}} prints the group 联系人 as text: name one of its fields, e.g. {{联系人.姓名}}",
        ])
    }

    /// Paragraphs inside a text box are counted like the body's: the text box's is paragraph 2.
    @Test func imageInATextBoxOrContentControlIsAnError() throws {
        let run = { (text: String) in "<w:r><w:t xml:space=\"preserve\">\(text)</w:t></w:r>" }
        let body = """
            <w:p><w:r><w:pict><v:shape><v:textbox><w:txbxContent><w:p>\(run("{{%公章}}"))</w:p></w:txbxContent></v:textbox></v:shape></w:pict></w:r></w:p>
            <w:sdt><w:sdtPr><w:tag w:val="seal"/></w:sdtPr><w:sdtContent><w:p>\(run("{{%推荐单位公章}}"))</w:p></w:sdtContent></w:sdt>
            """
        let diagnostics = try TemplateLinter.lint(DocxBuilder(body).archive(), path: "t.docx", spec: nil)
        #expect(diagnostics.sorted().map(\.description) == [
            "t.docx: word/document.xml, paragraph 2: error: {{%公章}} stands in a text box, where no image can go: move it into the body or a table cell",
            "t.docx: word/document.xml, paragraph 3: error: {{%推荐单位公章}} stands in a content control, where no image can go: move it out of the control",
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
