import ShenbaoOOXML

/// Builds DOCX packages by hand (document.xml and friends written as text), so that the check's
/// tests control every element: paragraphs, tables, text boxes with their VML fallback copy,
/// checkbox glyphs, an anchored seal picture, headers and footers, the embedded data digest.
struct TestDocx {
    /// Body blocks, each a `w:p` or `w:tbl` written out.
    var blocks: [String] = []
    var header: String? = "2026年度科技计划项目申报书"
    /// Footer "— PAGE —" with a PAGE field.
    var pageNumberFooter = true
    /// The data digest recorded in customXml and core.xml keywords.
    var digest: String?
    var dataJSON = "{}"
    /// Page size and margins in twips (A4 and GB/T 9704 margins by default).
    var pageWidth = 11_906
    var pageHeight = 16_838
    var margins = (top: 2_098, right: 1_474, bottom: 1_984, left: 1_588)
    /// Default font size in half-points.
    var fontSize = 32
    /// Footnote texts; `TestDocx.footnoteReference(n)` refers to the n-th (from 1).
    var footnotes: [String] = []
    /// Endnote texts, one paragraph each; `TestDocx.endnoteReference(n)` refers to the n-th (from 1).
    var endnotes: [String] = []
    /// The seal picture, when some block uses `TestDocx.sealParagraph`.
    var sealPNG: [UInt8]?

    static let w = #"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" xmlns:v="urn:schemas-microsoft-com:vml" xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math" mc:Ignorable="wps""#

    // MARK: - Blocks

    static func escape(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
    }

    static func run(_ text: String) -> String { #"<w:r><w:t xml:space="preserve">\#(escape(text))</w:t></w:r>"# }

    static func paragraph(_ text: String) -> String { "<w:p>\(run(text))</w:p>" }

    static func paragraph(runs: [String]) -> String { "<w:p>\(runs.joined())</w:p>" }

    /// A paragraph numbered through numbering.xml ("一、", "二、", drawn by the renderer only).
    static func numberedParagraph(_ text: String) -> String {
        #"<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr>"# + run(text) + "</w:p>"
    }

    /// A paragraph with Word's symbol-font checkboxes: "是否涉密：□是 ☑否" as w:sym characters.
    static var symbolCheckboxParagraph: String {
        "<w:p>" + run("是否涉密：") + #"<w:r><w:sym w:font="Wingdings 2" w:char="F0A3"/></w:r>"# + run("是 ")
            + #"<w:r><w:sym w:font="Wingdings 2" w:char="F052"/></w:r>"# + run("否") + "</w:p>"
    }

    /// A run holding a reference to footnote `id`, as Word writes it.
    static func footnoteReference(_ id: Int) -> String {
        #"<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteReference w:id="\#(id)"/></w:r>"#
    }

    /// A run holding a reference to endnote `id`, as Word writes it.
    static func endnoteReference(_ id: Int) -> String {
        #"<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:endnoteReference w:id="\#(id)"/></w:r>"#
    }

    static var pageBreak: String { #"<w:p><w:r><w:br w:type="page"/></w:r></w:p>"# }

    static func table(_ rows: [[String]], headerRows: Int = 0) -> String {
        let border = #"w:val="single" w:sz="4" w:space="0" w:color="000000""#
        let columns = rows.map(\.count).max() ?? 1
        let width = 8_800 / columns
        var xml = "<w:tbl><w:tblPr><w:tblW w:w=\"\(width * columns)\" w:type=\"dxa\"/><w:tblBorders><w:top \(border)/><w:left \(border)/><w:bottom \(border)/><w:right \(border)/><w:insideH \(border)/><w:insideV \(border)/></w:tblBorders></w:tblPr><w:tblGrid>"
        xml += String(repeating: "<w:gridCol w:w=\"\(width)\"/>", count: columns) + "</w:tblGrid>"
        for (index, row) in rows.enumerated() {
            xml += (index < headerRows ? "<w:tr><w:trPr><w:tblHeader/></w:trPr>" : "<w:tr>") + row.map { "<w:tc><w:tcPr><w:tcW w:w=\"\(width)\" w:type=\"dxa\"/></w:tcPr>\(paragraph($0))</w:tc>" }.joined() + "</w:tr>"
        }
        return xml + "</w:tbl>"
    }

    /// A paragraph with `text` followed by a floating text box holding `boxText`, written as Word
    /// does: DrawingML in `mc:Choice`, the same text again as VML in `mc:Fallback`.
    static func textBoxParagraph(_ text: String, boxText: String) -> String {
        let content = "<w:txbxContent>\(paragraph(boxText))</w:txbxContent>"
        let drawing = #"<w:drawing><wp:anchor distT="0" distB="0" distL="114300" distR="114300" simplePos="0" relativeHeight="2" behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1"><wp:simplePos x="0" y="0"/><wp:positionH relativeFrom="column"><wp:posOffset>3000000</wp:posOffset></wp:positionH><wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset></wp:positionV><wp:extent cx="2000000" cy="500000"/><wp:effectExtent l="0" t="0" r="0" b="0"/><wp:wrapSquare wrapText="bothSides"/><wp:docPr id="10" name="文本框 1"/><a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp><wps:cNvSpPr txBox="1"/><wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="2000000" cy="500000"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></wps:spPr><wps:txbx>"#
            + content + #"</wps:txbx><wps:bodyPr rot="0" vert="horz" wrap="square" lIns="91440" tIns="45720" rIns="91440" bIns="45720" anchor="t"><a:noAutofit/></wps:bodyPr></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing>"#
        let vml = #"<w:pict><v:shape id="文本框1" style="position:absolute;margin-left:236pt;width:157pt;height:39pt"><v:textbox>"# + content + "</v:textbox></v:shape></w:pict>"
        return "<w:p>\(run(text))<w:r><mc:AlternateContent><mc:Choice Requires=\"wps\">\(drawing)</mc:Choice><mc:Fallback>\(vml)</mc:Fallback></mc:AlternateContent></w:r></w:p>"
    }

    /// A paragraph with `text` and the seal picture (`rIdSeal`) anchored in it, 42 mm across.
    static func sealParagraph(_ text: String) -> String {
        let emu = 1_512_000
        let drawing = #"<w:drawing><wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0" relativeHeight="3" behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1"><wp:simplePos x="0" y="0"/><wp:positionH relativeFrom="column"><wp:posOffset>1800000</wp:posOffset></wp:positionH><wp:positionV relativeFrom="paragraph"><wp:posOffset>-600000</wp:posOffset></wp:positionV>"#
            + "<wp:extent cx=\"\(emu)\" cy=\"\(emu)\"/>"
            + #"<wp:effectExtent l="0" t="0" r="0" b="0"/><wp:wrapNone/><wp:docPr id="20" name="公章"/><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic><pic:nvPicPr><pic:cNvPr id="20" name="seal.png"/><pic:cNvPicPr/></pic:nvPicPr><pic:blipFill><a:blip r:embed="rIdSeal"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill><pic:spPr><a:xfrm><a:off x="0" y="0"/>"#
            + "<a:ext cx=\"\(emu)\" cy=\"\(emu)\"/>"
            + #"</a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr></pic:pic></a:graphicData></a:graphic></wp:anchor></w:drawing>"#
        return "<w:p>\(run(text))<w:r>\(drawing)</w:r></w:p>"
    }

    // MARK: - Package

    func entries() -> [ZipArchive.Entry] {
        func entry(_ name: String, _ text: String) -> ZipArchive.Entry { ZipArchive.Entry(name: name, bytes: Array(text.utf8)) }
        let xmlHeader = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#
        var overrides = [
            ("/word/document.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"),
            ("/word/styles.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"),
            ("/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml"),
        ]
        var documentRels: [(String, String, String)] = [("rIdStyles", "styles", "styles.xml"), ("rIdNumbering", "numbering", "numbering.xml")]
        overrides.append(("/word/numbering.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"))
        var references = ""
        var out: [ZipArchive.Entry] = []
        if let header {
            overrides.append(("/word/header1.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"))
            documentRels.append(("rIdHeader", "header", "header1.xml"))
            references += #"<w:headerReference w:type="default" r:id="rIdHeader"/>"#
            out.append(entry("word/header1.xml", xmlHeader + "<w:hdr \(Self.w)><w:p><w:pPr><w:jc w:val=\"center\"/></w:pPr>\(Self.run(header))</w:p></w:hdr>"))
        }
        if pageNumberFooter {
            overrides.append(("/word/footer1.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"))
            documentRels.append(("rIdFooter", "footer", "footer1.xml"))
            references += #"<w:footerReference w:type="default" r:id="rIdFooter"/>"#
            let field = #"<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>"#
            out.append(entry("word/footer1.xml", xmlHeader + "<w:ftr \(Self.w)><w:p><w:pPr><w:jc w:val=\"center\"/></w:pPr>\(Self.run("— "))\(field)\(Self.run(" —"))</w:p></w:ftr>"))
        }
        if !footnotes.isEmpty {
            overrides.append(("/word/footnotes.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"))
            documentRels.append(("rIdFootnotes", "footnotes", "footnotes.xml"))
            var notes = #"<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote><w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>"#
            for (i, note) in footnotes.enumerated() {
                notes += "<w:footnote w:id=\"\(i + 1)\"><w:p>" + #"<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteRef/></w:r>"# + Self.run(" " + note) + "</w:p></w:footnote>"
            }
            out.append(entry("word/footnotes.xml", xmlHeader + "<w:footnotes \(Self.w)>\(notes)</w:footnotes>"))
        }
        if !endnotes.isEmpty {
            overrides.append(("/word/endnotes.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.endnotes+xml"))
            documentRels.append(("rIdEndnotes", "endnotes", "endnotes.xml"))
            var notes = #"<w:endnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:endnote><w:endnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:endnote>"#
            for (i, note) in endnotes.enumerated() {
                notes += "<w:endnote w:id=\"\(i + 1)\"><w:p>" + #"<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:endnoteRef/></w:r>"# + Self.run(" " + note) + "</w:p></w:endnote>"
            }
            out.append(entry("word/endnotes.xml", xmlHeader + "<w:endnotes \(Self.w)>\(notes)</w:endnotes>"))
        }
        if let sealPNG {
            documentRels.append(("rIdSeal", "image", "media/seal.png"))
            out.append(ZipArchive.Entry(name: "word/media/seal.png", bytes: sealPNG))
        }
        if let digest {
            documentRels.append(("rIdData", "customXml", "../customXml/item1.xml"))
            overrides.append(("/customXml/itemProps1.xml", "application/vnd.openxmlformats-officedocument.customXmlProperties+xml"))
            out.append(entry("customXml/item1.xml", xmlHeader + "<sb:data xmlns:sb=\"https://shenbao.dev/ns/data/1\" form=\"test-form\" sha256=\"\(digest)\">\(Self.escape(dataJSON))</sb:data>"))
            out.append(entry("customXml/itemProps1.xml", xmlHeader + #"<ds:datastoreItem ds:itemID="{6C3C8BC8-F283-45AE-878A-BAB7291924A1}" xmlns:ds="http://schemas.openxmlformats.org/officeDocument/2006/customXml"><ds:schemaRefs><ds:schemaRef ds:uri="https://shenbao.dev/ns/data/1"/></ds:schemaRefs></ds:datastoreItem>"#))
            out.append(entry("customXml/_rels/item1.xml.rels", xmlHeader + #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXmlProps" Target="itemProps1.xml"/></Relationships>"#))
        }
        let keywords = digest.map { "申报书 shenbao-sha256:\($0)" } ?? "申报书"
        out.append(entry("docProps/core.xml", xmlHeader + #"<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>测试申报书</dc:title><cp:keywords>"# + keywords + "</cp:keywords></cp:coreProperties>"))
        out.append(entry("word/styles.xml", xmlHeader + "<w:styles \(Self.w)><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii=\"Noto Serif CJK SC\" w:hAnsi=\"Noto Serif CJK SC\" w:eastAsia=\"Noto Serif CJK SC\"/><w:sz w:val=\"\(fontSize)\"/></w:rPr></w:rPrDefault></w:docDefaults></w:styles>"))
        out.append(entry("word/numbering.xml", xmlHeader + "<w:numbering \(Self.w)>" + #"<w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="singleLevel"/><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="0" w:firstLine="640"/></w:pPr></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>"#))
        let sectPr = "<w:sectPr>\(references)<w:pgSz w:w=\"\(pageWidth)\" w:h=\"\(pageHeight)\"/><w:pgMar w:top=\"\(margins.top)\" w:right=\"\(margins.right)\" w:bottom=\"\(margins.bottom)\" w:left=\"\(margins.left)\" w:header=\"851\" w:footer=\"992\" w:gutter=\"0\"/></w:sectPr>"
        out.append(entry("word/document.xml", xmlHeader + "<w:document \(Self.w)><w:body>\(blocks.joined())\(sectPr)</w:body></w:document>"))
        let types = overrides.map { "<Override PartName=\"\($0.0)\" ContentType=\"\($0.1)\"/>" }.joined()
        out.append(entry("[Content_Types].xml", xmlHeader + #"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Default Extension="png" ContentType="image/png"/>"# + types + "</Types>"))
        out.append(entry("_rels/.rels", xmlHeader + #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>"#))
        let rels = documentRels.map { "<Relationship Id=\"\($0.0)\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/\($0.1)\" Target=\"\($0.2)\"/>" }.joined()
        out.append(entry("word/_rels/document.xml.rels", xmlHeader + #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"# + rels + "</Relationships>"))
        return out
    }

    func write(to path: String) throws { try ZipWriter.write(entries(), to: path) }

    func archive(path: String = "test.docx") -> ZipArchive { ZipArchive(path: path, entries: entries()) }
}
