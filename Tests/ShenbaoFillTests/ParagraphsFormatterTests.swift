import Foundation
import ShenbaoCore
import ShenbaoOOXML
import ShenbaoTestSupport
import Testing

@testable import ShenbaoFill

/// `{{path | paragraphs}}`: each line of a long answer in its own copy of the tag's paragraph,
/// so every paragraph keeps the template's first-line indent. Read back from the produced XML.
@Suite struct ParagraphsFormatterTests {
    static let indent = "<w:ind w:firstLineChars=\"200\" w:firstLine=\"640\"/>"
    static let pPr = "<w:pPr><w:spacing w:line=\"560\" w:lineRule=\"exact\"/>\(indent)</w:pPr>"
    static let rPr = "<w:rPr><w:rFonts w:ascii=\"仿宋_GB2312\" w:eastAsia=\"仿宋_GB2312\"/><w:sz w:val=\"32\"/></w:rPr>"
    static let threeLines = "单位简介: |\n  第一段。\n  第二段。\n  第三段。\n"

    /// An indented paragraph with one run, as a Chinese form holds a long answer.
    static func answer(_ text: String, paraID: String = "1A2B3C4D") -> String {
        "<w:p w14:paraId=\"\(paraID)\" w14:textId=\"77777777\" w:rsidR=\"00AB12CD\">\(pPr)<w:r w:rsidR=\"00AB12CD\">\(rPr)<w:t xml:space=\"preserve\">\(text)</w:t></w:r></w:p>"
    }

    @Test func threeLinesMakeThreeParagraphsWithTheTemplatesProperties() throws {
        let out = try fill(DocxBuilder(Self.answer("简介：{{单位简介 | paragraphs}}（完）")), try yaml(Self.threeLines))
        #expect(try Docx.paragraphs(out) == ["简介：第一段。", "第二段。", "第三段。（完）"])
        let paragraphs = try Self.paragraphElements(out)
        #expect(paragraphs.count == 3)
        for p in paragraphs {
            #expect(p.elements.map(\.name) == ["w:pPr", "w:r"])
            #expect(Self.xml(p.child("w:pPr")) == Self.pPr)
            #expect(Self.xml(p.child("w:r")?.child("w:rPr")) == Self.rPr)
            #expect(p[attribute: "w:rsidR"] == "00AB12CD")
        }
        let ids = paragraphs.compactMap { $0[attribute: "w14:paraId"] }
        #expect(ids.first == "1A2B3C4D")
        #expect(Set(ids).count == 3)
        #expect(paragraphs.filter { $0[attribute: "w14:textId"] != nil }.count == 1)
    }

    @Test func textAroundTheTagStaysInTheFirstAndLastParagraph() throws {
        let body = "<w:p>\(Self.pPr)\(run("申报单位：", bold: true))<w:bookmarkStart w:id=\"0\" w:name=\"简介\"/>"
            + "<w:r>\(Self.rPr)<w:t>{{单位</w:t></w:r><w:r><w:t>简介 | paragraphs}}</w:t></w:r><w:bookmarkEnd w:id=\"0\"/>\(run("（盖章）"))</w:p>"
        let out = try fill(DocxBuilder(body), try yaml(Self.threeLines))
        #expect(try Docx.paragraphs(out) == ["申报单位：第一段。", "第二段。", "第三段。（盖章）"])
        let paragraphs = try Self.paragraphElements(out)
        #expect(paragraphs[0].elements.first { $0.name == "w:r" }?.child("w:rPr").map(Self.xml) == "<w:rPr><w:b/></w:rPr>")
        #expect(paragraphs[1].elements.map(\.name) == ["w:pPr", "w:r"])
        #expect(Self.xml(paragraphs[1].child("w:r")?.child("w:rPr")) == Self.rPr, "the run where the tag began")
        let xml = Docx.xml(out)
        #expect(Docx.count("<w:bookmarkStart", in: xml) == 1)
        #expect(Docx.count("<w:bookmarkEnd", in: xml) == 1)
    }

    @Test(arguments: [
        ("简介: \"甲\\r\\n\\r\\n乙\\n  \\n丙\\r丁\\n\"", ["前甲", "乙", "丙", "丁后"]),
        ("简介: ''", ["前无后"]),
        ("简介: 只有一段", ["前只有一段后"]),
        ("简介: \"\\n\\n\"", ["前后"]),
        ("其他: 1", ["前无后"]),
        ("简介: \"甲\\n乙\"", ["前甲", "乙后"]),
    ])
    func linesEmptyAndSingleValues(data: String, expected: [String]) throws {
        let out = try fill(DocxBuilder(Self.answer("前{{简介 | default \"无\" | paragraphs}}后")), try yaml(data))
        #expect(try Docx.paragraphs(out) == expected)
        #expect(try Self.paragraphElements(out).allSatisfy { Self.xml($0.child("w:pPr")) == Self.pPr })
    }

    @Test func emptyAndMissingValuesLeaveOneParagraph() throws {
        let doc = DocxBuilder(Self.answer("前{{简介 | paragraphs}}后"))
        #expect(try Docx.paragraphs(fill(doc, try yaml("简介: ''"))) == ["前后"])
        #expect(try Docx.paragraphs(fill(doc, try yaml("简介: \"\\r\\n \\n\""))) == ["前后"])
        #expect(try Docx.paragraphs(fill(doc, try yaml("其他: 1")) { $0.allowMissing = true }) == ["前后"])
        #expect(throws: DiagnosticsError.self) { try fill(doc, try yaml("其他: 1")) }
    }

    @Test func withoutTheFormatterANewlineStaysALineBreak() throws {
        let out = try fill(DocxBuilder(Self.answer("{{单位简介}}")), try yaml(Self.threeLines))
        #expect(try Docx.paragraphs(out) == ["第一段。\n第二段。\n第三段。\n"])
    }

    @Test func insideATableCell() throws {
        let answerCell = "<w:tc><w:tcPr><w:tcW w:w=\"6000\" w:type=\"dxa\"/></w:tcPr>\(Self.answer("{{单位简介 | paragraphs}}"))</w:tc>"
        let out = try fill(DocxBuilder(Self.table("<w:tr>\(cell(para(run("单位简介"))))\(answerCell)</w:tr>")), try yaml(Self.threeLines))
        var cells: [XMLElement] = []
        try Self.root(out).forEachElement { if $0.name == "w:tc" { cells.append($0) } }
        #expect(cells[1].elements.map(\.name) == ["w:tcPr", "w:p", "w:p", "w:p"])
        #expect(try Docx.paragraphs(out) == ["单位简介", "第一段。", "第二段。", "第三段。"])
    }

    @Test func insideARowLoop() throws {
        let row = "<w:tr w14:paraId=\"00000010\">\(cell(para(run("{{#人员}}{{姓名}}"))))"
            + "<w:tc><w:tcPr><w:tcW w:w=\"6000\" w:type=\"dxa\"/></w:tcPr>\(Self.answer("{{简历 | paragraphs}}{{/人员}}", paraID: "00000011"))</w:tc></w:tr>"
        let out = try fill(DocxBuilder(Self.table(row)), try yaml("人员:\n  - {姓名: 甲, 简历: \"a1\\na2\"}\n  - {姓名: 乙, 简历: \"b1\\nb2\\nb3\"}\n"))
        #expect(try Docx.paragraphs(out) == ["甲", "a1", "a2", "乙", "b1", "b2", "b3"])
        var ids: [String] = []
        try Self.root(out).forEachElement { if let id = $0[attribute: "w14:paraId"] { ids.append(id) } }
        #expect(ids.count == 2 + 2 + 3, "two rows, five answer paragraphs")
        #expect(Set(ids).count == ids.count, "paragraph ids stay unique: \(ids)")
        #expect(try Self.paragraphElements(out).filter { Self.xml($0.child("w:pPr")) == Self.pPr }.count == 5)
    }

    @Test func insideAParagraphLoopOverNumberedParagraphs() throws {
        let numbered = "<w:p w14:paraId=\"00000041\"><w:pPr><w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"5\"/></w:numPr>\(Self.indent)</w:pPr><w:r>\(Self.rPr)<w:t>{{措施 | paragraphs}}</w:t></w:r></w:p>"
        let body = para(run("{{#阶段}}")) + para(run("{{名称}}")) + numbered + para(run("{{/阶段}}"))
        let out = try fill(DocxBuilder(body), try yaml("阶段:\n  - {名称: 一, 措施: \"m1\\nm2\"}\n  - {名称: 二, 措施: \"n1\\nn2\\nn3\"}\n"))
        #expect(try Docx.paragraphs(out) == ["一", "m1", "m2", "二", "n1", "n2", "n3"])
        let numberedPPr = "<w:pPr><w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"5\"/></w:numPr>\(Self.indent)</w:pPr>"
        #expect(try Self.paragraphElements(out).filter { Self.xml($0.child("w:pPr")) == numberedPPr }.count == 5)
        let ids = try Self.paragraphElements(out).compactMap { $0[attribute: "w14:paraId"] }
        #expect(ids.count == 5 && Set(ids).count == 5, "\(ids)")
    }

    @Test func inBothCopiesOfATextBoxAHeaderAndAFootnote() throws {
        var doc = DocxBuilder("<w:p>\(run("正文"))\(Self.textBox(Self.answer("{{单位简介 | paragraphs}}", paraID: "00000021"), Self.answer("{{单位简介 | paragraphs}}", paraID: "00000022")))</w:p>")
        doc.headers = [Self.answer("页眉{{单位简介 | paragraphs}}", paraID: "00000031")]
        doc.footnotes = "<w:footnote w:id=\"1\">\(Self.answer("注：{{单位简介 | paragraphs}}", paraID: "00000032"))</w:footnote>"
        let out = try fill(doc, try yaml(Self.threeLines))
        #expect(try Docx.paragraphs(out, "word/footnotes.xml") == ["注：第一段。", "第二段。", "第三段。"])
        var boxes: [XMLElement] = []
        try Self.root(out).forEachElement { if $0.name == "w:txbxContent" { boxes.append($0) } }
        #expect(boxes.count == 2)
        for box in boxes {
            #expect(box.elements.map { $0.elements.map(\.name) } == Array(repeating: ["w:pPr", "w:r"], count: 3))
            #expect(box.elements.map(\.textContent) == ["第一段。", "第二段。", "第三段。"])
        }
        #expect(try Docx.paragraphs(out, "word/header1.xml") == ["页眉第一段。", "第二段。", "第三段。"])
        #expect(try Self.paragraphElements(out, "word/header1.xml").allSatisfy { Self.xml($0.child("w:pPr")) == Self.pPr })
        var ids: [String] = []
        for part in ["word/document.xml", "word/header1.xml"] {
            try Self.root(out, part).forEachElement { if let id = $0[attribute: "w14:paraId"] { ids.append(id) } }
        }
        #expect(ids.count == 9 && Set(ids).count == 9, "\(ids)")
    }

    @Test func aDocumentSectionEndsAfterTheLastParagraph() throws {
        let sectPr = "<w:sectPr><w:pgSz w:w=\"11906\" w:h=\"16838\"/></w:sectPr>"
        let body = "<w:p><w:pPr>\(Self.indent)\(sectPr)</w:pPr><w:r><w:t>{{甲 | paragraphs}}/{{乙 | paragraphs}}</w:t></w:r></w:p>" + para(run("下一节"))
        let out = try fill(DocxBuilder(body), try yaml("甲: \"1\\n2\"\n乙: \"3\\n4\"\n"))
        #expect(try Docx.paragraphs(out) == ["1", "2/3", "4", "下一节"])
        let pPrs = try Self.paragraphElements(out).map { Self.xml($0.child("w:pPr")) }
        #expect(pPrs == ["<w:pPr>\(Self.indent)</w:pPr>", "<w:pPr>\(Self.indent)</w:pPr>", "<w:pPr>\(Self.indent)\(sectPr)</w:pPr>", ""])

        let single = try fill(DocxBuilder(body), try yaml("甲: 1\n乙: 2\n"))
        #expect(try Self.paragraphElements(single).map { Self.xml($0.child("w:pPr")) } == ["<w:pPr>\(Self.indent)\(sectPr)</w:pPr>", ""])
    }

    @Test func hyperlinksAndContentControlsAroundTheRunAreReopened() throws {
        let body = "<w:p>\(Self.pPr)<w:hyperlink w:anchor=\"简介\"><w:r>\(Self.rPr)<w:t>{{单位简介 | paragraphs}}</w:t></w:r></w:hyperlink></w:p>"
            + "<w:p>\(Self.pPr)<w:sdt><w:sdtPr><w:id w:val=\"5\"/></w:sdtPr><w:sdtContent><w:r><w:t>{{单位简介 | paragraphs}}</w:t></w:r></w:sdtContent></w:sdt></w:p>"
        let out = try fill(DocxBuilder(body), try yaml(Self.threeLines))
        let paragraphs = try Self.paragraphElements(out)
        #expect(paragraphs.map { $0.elements.map(\.name) } == Array(repeating: ["w:pPr", "w:hyperlink"], count: 3) + Array(repeating: ["w:pPr", "w:sdt"], count: 3))
        #expect(paragraphs.map(\.textContent) == ["第一段。", "第二段。", "第三段。", "第一段。", "第二段。", "第三段。"])
        #expect(Docx.count("<w:id w:val=\"5\"/>", in: Docx.xml(out)) == 1, "the control's properties are not copied")
    }

    @Test func lintAcceptsParagraphsAndRejectsAMisspelling() throws {
        var archive = try TemplateLinterTests.template("sd-lab-2022")
        let xml = String(decoding: try #require(archive["word/document.xml"]), as: UTF8.self)
        #expect(xml.contains("{{单位简介 | paragraphs}}"), "the shipped form prints its multi-line answers as paragraphs")
        #expect(try TemplateLinterTests.lint(archive) == [])
        archive["word/document.xml"] = Array(xml.replacingOccurrences(of: "{{单位简介 | paragraphs}}", with: "{{单位简介 | paragraph}}").utf8)
        let problems = try TemplateLinterTests.lint(archive)
        #expect(problems == [
            "t.docx: error: 必填字段「单位简介」在模板中没有标签：请加上 {{单位简介}}",
            "t.docx: word/document.xml, table 1, row 9, cell 2: error: 未知的格式“paragraph”（可用：default, date, number, rmb, paragraphs）: {{单位简介 | paragraph}}",
        ])
    }

    /// LibreOffice lays out every line as its own paragraph, each with the first-line indent
    /// (2 characters of 16 pt = 32 pt), in the body, a row loop, a text box and a header.
    @Test(.enabled(if: RequiredTools.present(.libreOffice, .poppler)))
    func libreOfficeIndentsEveryParagraph() throws {
        let row = "<w:tr>\(cell(para(run("{{#人员}}{{姓名}}"))))<w:tc><w:tcPr><w:tcW w:w=\"6000\" w:type=\"dxa\"/></w:tcPr>\(Self.answer("{{简历 | paragraphs}}{{/人员}}"))</w:tc></w:tr>"
        var doc = DocxBuilder(Self.answer("简介：{{单位简介 | paragraphs}}（完）") + Self.table(row)
            + "<w:p>\(run("框"))\(Self.textBox(Self.answer("{{单位简介 | paragraphs}}", paraID: "00000021"), Self.answer("{{单位简介 | paragraphs}}", paraID: "00000022")))</w:p>")
        doc.headers = [Self.answer("{{单位简介 | paragraphs}}", paraID: "00000031")]
        let out = try fill(doc, try yaml(Self.threeLines + "人员:\n  - {姓名: 甲, 简历: \"a1\\na2\"}\n"))
        let pdf = try LibreOfficeTests.convert(out, to: "pdf", extension: "pdf")
        let path = NSTemporaryDirectory() + "shenbao-fill-paragraphs-\(UUID().uuidString).pdf"
        try Data(pdf).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let text = try ExternalTool.run("pdftotext", [path, "-"], timeout: 60).outputText
        let lines = text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        let header = ["第一段。", "第二段。", "第三段。"], body = ["简介：第一段。", "第二段。", "第三段。（完）"]
        #expect(lines == header + body + ["甲", "a1", "a2", "框"] + header, "\(lines)")

        let words = try Self.wordPositions(path)
        #expect(words.map(\.text) == lines)
        guard words.count == 13 else { return }
        let margin = words[9].x  // 框: a paragraph without indent
        for line in [0, 1, 2, 3, 4, 5] { #expect(abs(words[line].x - margin - 32) < 0.5, "\(words[line])") }
        #expect(abs(words[8].x - words[7].x) < 0.5, "both lines of the table cell start alike")
        #expect(words[10].x == words[11].x && words[11].x == words[12].x, "text box lines start alike")
    }

    /// Each word pdftotext finds, with its left edge in points.
    static func wordPositions(_ pdf: String) throws -> [(text: String, x: Double)] {
        let xml = try ExternalTool.run("pdftotext", ["-bbox", pdf, "-"], timeout: 60).outputText
        return xml.split(separator: "\n").compactMap { line in
            guard let start = line.range(of: "<word xMin=\""), let quote = line[start.upperBound...].firstIndex(of: "\""),
                let x = Double(line[start.upperBound..<quote]), let open = line.firstIndex(of: ">"),
                let close = line.range(of: "</word>")
            else { return nil }
            return (String(line[line.index(after: open)..<close.lowerBound]), x)
        }
    }

    // MARK: - Building and reading

    static func table(_ rows: String) -> String {
        "<w:tbl><w:tblPr><w:tblW w:w=\"0\" w:type=\"auto\"/></w:tblPr><w:tblGrid><w:gridCol w:w=\"2000\"/><w:gridCol w:w=\"6000\"/></w:tblGrid>\(rows)</w:tbl>"
    }

    /// A run holding a text box, its DrawingML copy holding `choice`, its VML copy `fallback`.
    static func textBox(_ choice: String, _ fallback: String) -> String {
        """
        <w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0" relativeHeight="2" behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1">\
        <wp:simplePos x="0" y="0"/><wp:positionH relativeFrom="column"><wp:posOffset>0</wp:posOffset></wp:positionH><wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset></wp:positionV>\
        <wp:extent cx="3600000" cy="1500000"/><wp:effectExtent l="0" t="0" r="0" b="0"/><wp:wrapNone/><wp:docPr id="1" name="框"/><wp:cNvGraphicFramePr/>\
        <a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp><wps:cNvSpPr txBox="1"/><wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="3600000" cy="1500000"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></wps:spPr>\
        <wps:txbx><w:txbxContent>\(choice)</w:txbxContent></wps:txbx><wps:bodyPr/></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>\
        <mc:Fallback><w:pict><v:shape style="width:280pt;height:120pt"><v:textbox><w:txbxContent>\(fallback)</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>
        """
    }

    /// The part parsed by libxml2 (which proves it well-formed).
    static func root(_ archive: ZipArchive, _ part: String = "word/document.xml") throws -> XMLElement {
        try XMLParser.parse(archive[part] ?? [], part: part).root
    }

    /// Every `w:p` of a part, nested ones included, in document order.
    static func paragraphElements(_ archive: ZipArchive, _ part: String = "word/document.xml") throws -> [XMLElement] {
        var out: [XMLElement] = []
        try root(archive, part).forEachElement { if $0.name == "w:p" { out.append($0) } }
        return out
    }

    static func xml(_ element: XMLElement?) -> String {
        guard let element else { return "" }
        var bytes: [UInt8] = []
        XMLSerializer.write(element, into: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }
}
