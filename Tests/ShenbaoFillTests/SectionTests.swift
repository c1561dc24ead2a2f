import Foundation
import ShenbaoCore
import ShenbaoOOXML
import ShenbaoData
import Testing

@testable import ShenbaoFill

@Suite struct SectionTests {
    @Test func inlineLoopRepeatsTheTextBetween() throws {
        let out = try fill(DocxBuilder(para(run("成员：{{#人员}}{{姓名}}、{{/}}等"))), try yaml("人员: [{姓名: 甲}, {姓名: 乙}]"))
        #expect(try Docx.paragraphs(out) == ["成员：甲、乙、等"])
    }

    @Test func tagsAloneInParagraphsRepeatTheParagraphsBetweenAndVanish() throws {
        let doc = DocxBuilder(para(run("前")) + para(run("{{#项目}}")) + para(run("{{@index}}. {{名称}}（{{单位}}）")) + para(run("说明")) + para(run("{{/项目}}")) + para(run("后")))
        let out = try fill(doc, try yaml("单位: 外层\n项目: [{名称: A}, {名称: B}]"))
        #expect(try Docx.paragraphs(out) == ["前", "1. A（外层）", "说明", "2. B（外层）", "说明", "后"])
    }

    @Test func conditionsAndInvertedSections() throws {
        let doc = DocxBuilder(para(run("联合申报单位：{{#联合单位}}{{名称}}{{/联合单位}}{{^联合单位}}无{{/联合单位}}")) + para(run("{{#有}}显示{{/有}}{{#空}}不显示{{/空}}{{#没有}}不显示{{/没有}}")))
        let none = try fill(doc, try yaml("有: true\n空: []\n"))
        #expect(try Docx.paragraphs(none) == ["联合申报单位：无", "显示"])
        let some = try fill(doc, try yaml("有: true\n空: []\n联合单位: {名称: 山大}"))
        #expect(try Docx.paragraphs(some) == ["联合申报单位：山大", "显示"])
    }

    @Test func rowLoopRepeatsTheRowWithIndexAndKeepsVerticalMerges() throws {
        let header = "<w:tr>\(cell(para(run("序号"))))\(cell(para(run("姓名"))))\(cell(para(run("单位"))))</w:tr>"
        let row = "<w:tr>\(cell(para(run("{{#人员}}{{@index}}"))))\(cell(para(run("{{姓名}}"))))<w:tc><w:tcPr><w:vMerge w:val=\"restart\"/></w:tcPr>\(para(run("{{单位}}{{/人员}}")))</w:tc></w:tr>"
        let after = "<w:tr>\(cell(para(run("合计"))))\(cell(para(run(""))))<w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc></w:tr>"
        let doc = DocxBuilder("<w:tbl>\(header)\(row)\(after)</w:tbl>")
        let out = try fill(doc, try yaml("单位: 山东大学\n人员: [{姓名: 甲}, {姓名: 乙}, {姓名: 丙}]"))
        #expect(try Docx.paragraphs(out) == ["序号", "姓名", "单位", "1", "甲", "山东大学", "2", "乙", "山东大学", "3", "丙", "山东大学", "合计", "", ""])
        let xml = Docx.xml(out)
        #expect(Docx.count("<w:vMerge w:val=\"restart\"/>", in: xml) == 1)
        #expect(Docx.count("<w:vMerge/>", in: xml) == 3)
        #expect(Docx.count("<w:tr>", in: xml) == 5)
    }

    @Test func tagsInDifferentRowsRepeatTheRowsFromFirstToLast() throws {
        let doc = DocxBuilder("<w:tbl><w:tr>\(cell(para(run("{{#项目}}名称"))))\(cell(para(run("{{名称}}"))))</w:tr><w:tr>\(cell(para(run("金额"))))\(cell(para(run("{{金额}}{{/项目}}"))))</w:tr></w:tbl>")
        let out = try fill(doc, try yaml("项目: [{名称: A, 金额: '1'}, {名称: B, 金额: '2'}]"))
        #expect(try Docx.paragraphs(out) == ["名称", "A", "金额", "1", "名称", "B", "金额", "2"])
    }

    @Test func emptyLoopRemovesTheRowAndNestedTablesWork() throws {
        let inner = "<w:tbl><w:tr>\(cell(para(run("{{#子项}}{{.}}"))))\(cell(para(run("{{/子项}}"))))</w:tr></w:tbl>"
        let doc = DocxBuilder("<w:tbl><w:tr>\(cell(para(run("外"))))\(cell(inner + "<w:p/>"))</w:tr><w:tr>\(cell(para(run("{{#空}}x"))))\(cell(para(run("{{/空}}"))))</w:tr></w:tbl>")
        let out = try fill(doc, try yaml("子项: [一, 二]\n空: []"))
        #expect(try Docx.paragraphs(out) == ["外", "一", "", "二", "", ""])
        #expect(Docx.count("<w:tr>", in: Docx.xml(out)) == 3)
    }

    @Test func aSectionEmptyingACellLeavesItAParagraph() throws {
        let doc = DocxBuilder("<w:tbl><w:tr>\(cell(para(run("{{#a}}")) + para(run("内容")) + para(run("{{/a}}"))))</w:tr></w:tbl>")
        let out = try fill(doc, try yaml("a: false"))
        #expect(Docx.xml(out).contains("<w:tc><w:tcPr><w:tcW w:w=\"2000\" w:type=\"dxa\"/></w:tcPr><w:p/></w:tc>"))
    }

    @Test func drawingAndBookmarkIdsStayUniqueAfterLoops() throws {
        let drawing = "<w:r><w:drawing><wp:inline><wp:extent cx=\"1\" cy=\"1\"/><wp:docPr id=\"7\" name=\"pic\"/></wp:inline></w:drawing></w:r>"
        let doc = DocxBuilder(para(run("{{#行}}")) + "<w:p><w:bookmarkStart w:id=\"4\" w:name=\"m\"/>\(run("{{.}}"))\(drawing)<w:bookmarkEnd w:id=\"4\"/></w:p>" + para(run("{{/行}}")) + "<w:p>\(drawing.replacingOccurrences(of: "7", with: "9"))</w:p>")
        let out = try fill(doc, try yaml("行: [a, b, c]"))
        let xml = Docx.xml(out)
        let docPrIDs = xml.matches(of: /<wp:docPr id="(\d+)"/).map { String($0.1) }
        #expect(docPrIDs == ["7", "10", "11", "9"])
        let starts = xml.matches(of: /<w:bookmarkStart w:id="(\d+)"/).map { String($0.1) }
        let ends = xml.matches(of: /<w:bookmarkEnd w:id="(\d+)"/).map { String($0.1) }
        #expect(starts == ["4", "5", "6"])
        #expect(ends == starts)
    }

    @Test func wordParagraphIDsStayUniqueInCopies() throws {
        let doc = DocxBuilder(para(run("{{#行}}")) + "<w:p w14:paraId=\"00000001\" w14:textId=\"77777777\">\(run("{{.}}"))</w:p>" + para(run("{{/行}}")) + "<w:p w14:paraId=\"00000002\"/>")
        let out = try fill(doc, try yaml("行: [a, b, c]"))
        let ids = Docx.xml(out).matches(of: /w14:paraId="([0-9A-F]{8})"/).map { String($0.1) }
        #expect(ids == ["00000001", "00000003", "00000004", "00000002"])
    }

    @Test func numberedListsInsideRepetitionsRestartPerCopy() throws {
        let numbering = """
            <w:abstractNum w:abstractNumId="3"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/></w:lvl></w:abstractNum><w:num w:numId="5"><w:abstractNumId w:val="3"/></w:num>
            """
        let item = "<w:p><w:pPr><w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"5\"/></w:numPr></w:pPr>\(run("{{.}}"))</w:p>"
        var doc = DocxBuilder(para(run("{{#项目}}")) + para(run("{{名称}}")) + para(run("{{#步骤}}")) + item + para(run("{{/步骤}}")) + para(run("{{/项目}}")))
        doc.numbering = numbering
        let out = try fill(doc, try yaml("项目:\n  - {名称: A, 步骤: [a1, a2]}\n  - {名称: B, 步骤: [b1, b2, b3]}\n  - {名称: C, 步骤: [c1]}\n"))
        let xml = Docx.xml(out)
        #expect(xml.matches(of: /<w:numId w:val="(\d+)"\/>/).map { String($0.1) } == ["5", "5", "6", "6", "6", "7"])
        let numberingXML = Docx.xml(out, "word/numbering.xml")
        #expect(numberingXML.contains("<w:num w:numId=\"6\"><w:abstractNumId w:val=\"3\"/><w:lvlOverride w:ilvl=\"0\"><w:startOverride w:val=\"1\"/></w:lvlOverride></w:num>"))
        #expect(numberingXML.contains("<w:num w:numId=\"7\">"))
    }

    @Test func headersAndBothTextBoxCopiesAreFilled() throws {
        let box = """
            <w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor><wp:docPr id="1" name="t"/><a:graphic><a:graphicData><wps:wsp><wps:txbx><w:txbxContent>\
            <w:p>\(run("框：{{名称}}"))</w:p></w:txbxContent></wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>\
            <mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent><w:p>\(run("框：{{名称}}"))</w:p></w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>
            """
        var doc = DocxBuilder("<w:p>\(run("正文"))\(box)</w:p>")
        doc.headers = [para(run("{{名称}}申报书"))]
        let out = try fill(doc, try yaml("名称: 实验室"))
        #expect(try Docx.paragraphs(out) == ["正文", "框：实验室", "框：实验室"])
        #expect(try Docx.paragraphs(out, "word/header1.xml") == ["实验室申报书"])
    }

    @Test func sectionsAtDifferentLevelsAreAnError() throws {
        let doc = DocxBuilder(para(run("{{#a}}")) + "<w:tbl><w:tr>\(cell(para(run("{{/a}}x"))))</w:tr></w:tbl>")
        #expect {
            try TemplateFiller(template: doc.archive())
        } throws: { error in
            (error as? DiagnosticsError)?.diagnostics.first?.code.rawValue == "misplaced-section"
        }
    }
}

@Suite struct MorePartsTests {
    @Test func footnotesAreFilledAndExplicitElementLoopsRepeatTheirElement() throws {
        var doc = DocxBuilder("<w:tbl><w:tr>\(cell(para(run("{{-w:tr 人员}}{{姓名}}{{/人员}}"))))</w:tr></w:tbl>")
        doc.footnotes = "<w:footnote w:id=\"1\">\(para(run("数据来源：{{来源}}")))</w:footnote>"
        let out = try fill(doc, try yaml("来源: 统计局\n人员: [{姓名: 甲}, {姓名: 乙}]"))
        #expect(try Docx.paragraphs(out, "word/footnotes.xml") == ["数据来源：统计局"])
        #expect(try Docx.paragraphs(out) == ["甲", "乙"])
    }

    @Test func specGivesGlyphsOptionsDefaultsImageSizesLabelsAndFormID() throws {
        let spec = try FormSpec.parse(Array("""
            id: sd-lab-2022
            checkbox: { checked: "■", unchecked: "○" }
            fields:
              - { key: 性质, type: choice, options: [高校, 企业] }
              - { key: 联合单位, default: 无 }
              - { key: 备注, default: 暂无 }
              - { key: 人员, type: table, columns: [{ key: 性别, type: choice, options: [男, 女] }] }
              - { key: 单位, type: group, fields: [{ key: 公章, type: image, size_mm: 40 }, { key: 电话, label: 单位电话, required: true }, { key: 传真 }] }
            """.utf8), path: "form.yaml")
        let options = FillOptions(spec: spec)
        #expect(options.formID == "sd-lab-2022")
        #expect(options.defaults == ["联合单位": "无", "备注": "暂无"])
        #expect(options.checkedGlyph == "■" && options.uncheckedGlyph == "○")
        #expect(options.choiceOptions == ["性质": ["高校", "企业"], "人员.性别": ["男", "女"]])
        #expect(options.imageFields["单位.公章"]?.widthMillimetres == 40)
        #expect(options.labels == ["单位.电话": "单位电话"])
        let doc = DocxBuilder("<w:tbl><w:tr>\(cell(para(run("{{#人员}}{{性别=男}}男{{性别=女}}女{{备注}}{{/人员}}{{联合单位}}"))))</w:tr></w:tbl>")
        let out = try TemplateFiller(template: doc.archive(), options: options).fill(with: try yaml("人员: [{性别: 女}]"))
        #expect(try Docx.paragraphs(out) == ["○男■女暂无无"])
        // Optional values, and required ones under a group left out, print blank; a required one
        // missing from a group that is there is reported.
        let blank = try TemplateFiller(template: DocxBuilder(para(run("[{{单位.传真}}][{{单位.电话}}][{{性质=高校}}]"))).archive(), options: options)
            .fill(with: try yaml("人员: []"))
        #expect(try Docx.paragraphs(blank) == ["[][][○]"])
        #expect {
            try TemplateFiller(template: DocxBuilder(para(run("{{单位.电话}}{{单位.传真}}"))).archive(), options: options).fill(with: try yaml("单位: {}"))
        } throws: { error in
            (error as? DiagnosticsError)?.diagnostics.map(\.description) == [
                "word/document.xml, paragraph 1: error: 单位电话: missing value 单位.电话 for {{单位.电话}}"
            ]
        }
    }
}

@Suite struct WholeTableTests {
    @Test func aLoopOverEveryRowOfATableRemovesTheTableWhenEmpty() throws {
        let table = "<w:tbl><w:tblPr><w:tblW w:w=\"0\" w:type=\"auto\"/></w:tblPr><w:tblGrid><w:gridCol w:w=\"2000\"/><w:gridCol w:w=\"2000\"/></w:tblGrid><w:tr>\(cell(para(run("{{#附件}}{{名称}}"))))\(cell(para(run("{{/附件}}"))))</w:tr></w:tbl>"
        let doc = DocxBuilder(para(run("附件：")) + table + para(run("完")))
        let none = try fill(doc, try yaml("附件: []"))
        #expect(!Docx.xml(none).contains("<w:tbl>"))
        #expect(try Docx.paragraphs(none) == ["附件：", "完"])
        let two = try fill(doc, try yaml("附件: [{名称: 甲}, {名称: 乙}]"))
        #expect(Docx.count("<w:tbl>", in: Docx.xml(two)) == 1)
        #expect(Docx.count("<w:tblPr>", in: Docx.xml(two)) == 1)
        #expect(try Docx.paragraphs(two) == ["附件：", "甲", "", "乙", "", "完"])
    }
}

@Suite struct SectionBreakTests {
    @Test func aTagParagraphThatEndsADocumentSectionIsKept() throws {
        let closing = "<w:p><w:pPr><w:sectPr><w:pgSz w:w=\"11906\" w:h=\"16838\"/></w:sectPr></w:pPr>\(run("{{/项目}}"))</w:p>"
        let doc = DocxBuilder(para(run("{{#项目}}")) + para(run("{{.}}")) + closing + para(run("后")))
        let out = try fill(doc, try yaml("项目: [A, B]"))
        #expect(Docx.count("<w:pgSz w:w=\"11906\"", in: Docx.xml(out)) == 1)
        #expect(try Docx.paragraphs(out).filter { !$0.isEmpty } == ["A", "B", "后"])
    }
}

@Suite struct SpecOptionsTests {
    @Test func aSpecGivesGlyphsOptionsImageFieldsSealsLabelsAndDefaults() throws {
        var options = FillOptions()
        options.apply(spec: try FormSpec.parse(Array("""
            id: sd-lab-2022
            checkbox: { checked: "■", unchecked: "○" }
            fields:
              - { key: 性质, type: choice, options: [高校, 企业] }
              - { key: 人员, type: table, columns: [{ key: 性别, type: choice, options: [男, 女] }] }
              - { key: 单位, type: group, fields: [{ key: 公章, type: image, size_mm: 40 }, { key: 电话, label: 单位电话, default: 无 }] }
              - { key: 标志, type: image, seal: true }
              - { key: 照片, type: image }
            """.utf8), path: "form.yaml"))
        #expect(options.formID == "sd-lab-2022")
        #expect(options.checkedGlyph == "■" && options.uncheckedGlyph == "○")
        #expect(options.choiceOptions == ["性质": ["高校", "企业"], "人员.性别": ["男", "女"]])
        #expect(options.imageFields["单位.公章"]?.widthMillimetres == 40)
        #expect(options.imageFields["标志"]?.isSeal == true)
        #expect(options.imageFields["单位.公章"]?.isSeal == true)
        #expect(options.imageFields["照片"]?.isSeal == false)
        #expect(options.labels == ["单位.电话": "单位电话"])
        #expect(options.defaults == ["单位.电话": "无"])
    }
}
