import Foundation
import ShenbaoCore
import ShenbaoOOXML
import Testing

@testable import ShenbaoFill

@Suite struct FillValueTests {
    @Test func valuesWithChinesePathsSpacesEscapingAndLineBreaks() throws {
        let doc = DocxBuilder(para(run("单位：{{ 单位.名称 }}", bold: true), run("；{{备注}}")) + para(run("无空格{{x}}")))
        let out = try fill(doc, try yaml("单位: {名称: 山东<数据>&公司}\n备注: \"第一行\\n第二行\"\nx: \" 前后有空格 \"\n"))
        #expect(try Docx.paragraphs(out) == ["单位：山东<数据>&公司；第一行\n第二行", "无空格 前后有空格 "])
        let xml = Docx.xml(out)
        #expect(xml.contains("<w:r><w:rPr><w:b/></w:rPr><w:t xml:space=\"preserve\">单位：山东&lt;数据&gt;&amp;公司</w:t></w:r>"))
        #expect(xml.contains("第一行</w:t><w:br/><w:t xml:space=\"preserve\">第二行"))
        #expect(xml.contains("<w:t xml:space=\"preserve\">无空格 前后有空格 </w:t>"))
    }

    @Test func tagSplitAcrossRunsKeepsTheFormattingOfItsFirstRun() throws {
        let doc = DocxBuilder("""
            <w:p><w:r><w:rPr><w:color w:val="FF0000"/></w:rPr><w:t>{{</w:t></w:r><w:proofErr w:type="spellStart"/>\
            <w:bookmarkStart w:id="3" w:name="b"/><w:r w:rsidR="1"><w:t>联系</w:t></w:r><w:proofErr w:type="spellEnd"/>\
            <w:r w:rsidR="2"><w:rPr><w:i/></w:rPr><w:t>人}}</w:t></w:r><w:bookmarkEnd w:id="3"/></w:p>
            """)
        let out = try fill(doc, try yaml("联系人: 张三"))
        let xml = Docx.xml(out)
        #expect(xml.contains("<w:rPr><w:color w:val=\"FF0000\"/></w:rPr><w:t xml:space=\"preserve\">张三</w:t>"))
        #expect(try Docx.paragraphs(out) == ["张三"])
    }

    @Test func sameInputsGiveIdenticalBytesAndUntouchedPartsAreCopied() throws {
        var doc = DocxBuilder(para(run("{{a}}")))
        doc.headers = [para(run("页眉无标签"))]
        let template = doc.archive()
        let data = try yaml("a: 1")
        let first = try TemplateFiller(template: template).fill(with: data).serialized()
        let second = try TemplateFiller(template: template).fill(with: data).serialized()
        #expect(first == second)
        let filled = try ZipArchive(bytes: first, path: "out.docx")
        #expect(filled.names.first == "[Content_Types].xml")
        #expect(filled["word/header1.xml"] == template["word/header1.xml"])
    }

    @Test func missingValuesAreErrorsNamingDataPathAndPlace() throws {
        let doc = DocxBuilder(para(run("{{单位.名称}}")) + "<w:tbl><w:tr>\(cell(para(run("{{#人员}}{{姓名}}"))))\(cell(para(run("{{电话}}{{/人员}}"))))</w:tr></w:tbl>")
        let data = try yaml("单位: {}\n人员:\n  - {姓名: 甲, 电话: '1'}\n  - {姓名: 乙}\n")
        #expect {
            try fill(doc, data)
        } throws: { error in
            (error as? DiagnosticsError)?.diagnostics.map(\.description) == [
                "word/document.xml, paragraph 1: error: {{单位.名称}} 没有值：数据中缺少「单位.名称」",
                "word/document.xml, table 1, row 1, cell 2: error: {{电话}} 没有值：数据中缺少「人员[1].电话」",
            ]
        }
        let out = try fill(doc, data) { $0.allowMissing = true }
        #expect(try Docx.paragraphs(out) == ["", "甲", "1", "乙", ""])
    }

    @Test func malformedTemplatesReportEveryErrorWithItsPlace() throws {
        var doc = DocxBuilder(
            para(run("正文")) + "<w:tbl><w:tr>\(cell(para(run("x"))))</w:tr></w:tbl><w:tbl><w:tr>\(cell(para(run("a"))))</w:tr><w:tr>\(cell(para(run("b"))))</w:tr><w:tr>\(cell(para(run("c"))))\(cell(para(run("d"))))\(cell(para(run("e"))))\(cell(para(run("{{#人员}}"))))</w:tr></w:tbl>"
                + para(run("{{/单位}}")))
        doc.headers = [para(run("页眉")) + para(run("{{名称"))]
        #expect {
            try TemplateFiller(template: doc.archive())
        } throws: { error in
            (error as? DiagnosticsError)?.diagnostics.map(\.description) == [
                "word/document.xml, paragraph 2: error: {{/单位}} 没有对应的区块开始",
                "word/document.xml, table 2, row 3, cell 4: error: 区块 {{#人员}} 没有结束",
                "word/header1.xml, paragraph 2: error: 标签 {{名称 没有闭合（段落结束前没有 }}）",
            ]
        }
    }

    @Test func mismatchedCloseAndBadTagsAreErrors() throws {
        let doc = DocxBuilder(para(run("{{#a}}{{#c}}x{{/a}}{{/b}}")) + para(run("{{ }}{{a | nosuch}}")))
        #expect {
            try fill(doc, try yaml("a: 1"))
        } throws: { error in
            let d = (error as? DiagnosticsError)?.diagnostics.map(\.description) ?? []
            return d.contains("word/document.xml, paragraph 1: error: {{/a}} 结束的是 {{#c}}")
                && d.contains("word/document.xml, paragraph 1: error: {{/b}} 没有对应的区块开始")
                && d.contains("word/document.xml, paragraph 2: error: 空标签: {{ }}")
        }
    }
}
