/// The XML pieces `SpecimenForm` is assembled from.
enum SpecimenParts {
    static let namespaces = """
        xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" \
        xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" \
        xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" \
        xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" \
        xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"
        """

    /// A run in `font` for Chinese text (Latin letters and digits in Times New Roman) at `halfPoints`.
    static func run(_ font: String, _ halfPoints: Int, _ text: String) -> String {
        "<w:r><w:rPr><w:rFonts w:ascii=\"Times New Roman\" w:hAnsi=\"Times New Roman\" w:eastAsia=\"\(font)\"/>"
            + "<w:sz w:val=\"\(halfPoints)\"/><w:szCs w:val=\"\(halfPoints)\"/></w:rPr>"
            + "<w:t xml:space=\"preserve\">\(text)</w:t></w:r>"
    }

    static func paragraph(_ runs: [String], centred: Bool = false, right: Bool = false, indentFirstLine: Bool = false) -> String {
        var properties = "<w:spacing w:line=\"560\" w:lineRule=\"exact\"/>"
        if indentFirstLine { properties += "<w:ind w:firstLineChars=\"200\" w:firstLine=\"640\"/>" }
        if centred { properties += "<w:jc w:val=\"center\"/>" } else if right { properties += "<w:jc w:val=\"right\"/>" }
        return "<w:p><w:pPr>\(properties)</w:pPr>\(runs.joined())</w:p>"
    }

    static func table(_ rows: [(String, String, String, String)]) -> String {
        let widths = [2000, 2600, 2000, 2240]
        func cell(_ text: String, _ width: Int) -> String {
            "<w:tc><w:tcPr><w:tcW w:w=\"\(width)\" w:type=\"dxa\"/><w:vAlign w:val=\"center\"/></w:tcPr>"
                + "<w:p><w:pPr><w:jc w:val=\"center\"/></w:pPr>\(run("宋体", 24, text))</w:p></w:tc>"
        }
        let border = ["top", "left", "bottom", "right", "insideH", "insideV"]
            .map { "<w:\($0) w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>" }.joined()
        let grid = widths.map { "<w:gridCol w:w=\"\($0)\"/>" }.joined()
        let body = rows.map { row in
            "<w:tr><w:trPr><w:trHeight w:val=\"567\"/></w:trPr>"
                + cell(row.0, widths[0]) + cell(row.1, widths[1]) + cell(row.2, widths[2]) + cell(row.3, widths[3]) + "</w:tr>"
        }.joined()
        return "<w:tbl><w:tblPr><w:tblW w:w=\"8840\" w:type=\"dxa\"/><w:jc w:val=\"center\"/><w:tblBorders>\(border)</w:tblBorders>"
            + "</w:tblPr><w:tblGrid>\(grid)</w:tblGrid>\(body)</w:tbl>"
    }

    /// A run holding the seal: a floating `wp:anchor` picture in front of the text, shifted up and
    /// left so that it covers the unit's name and the date.
    static func seal(millimetres: Double) -> String {
        let emu = Int(millimetres * 36_000)
        return """
            <w:r><w:drawing><wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0" relativeHeight="251659264" \
            behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1"><wp:simplePos x="0" y="0"/>\
            <wp:positionH relativeFrom="margin"><wp:align>right</wp:align></wp:positionH>\
            <wp:positionV relativeFrom="paragraph"><wp:posOffset>-\(emu * 3 / 4)</wp:posOffset></wp:positionV>\
            <wp:extent cx="\(emu)" cy="\(emu)"/><wp:effectExtent l="0" t="0" r="0" b="0"/><wp:wrapNone/>\
            <wp:docPr id="1" name="公章"/><wp:cNvGraphicFramePr/><a:graphic><a:graphicData \
            uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic><pic:nvPicPr><pic:cNvPr id="1" \
            name="seal.png"/><pic:cNvPicPr/></pic:nvPicPr><pic:blipFill><a:blip r:embed="rIdSeal"/><a:stretch>\
            <a:fillRect/></a:stretch></pic:blipFill><pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="\(emu)" \
            cy="\(emu)"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr></pic:pic>\
            </a:graphicData></a:graphic></wp:anchor></w:drawing></w:r>
            """
    }

    static let header = """
        <w:hdr \(namespaces)>\(paragraph([run("宋体", 21, "江苏省工业和信息化厅制")], right: true))</w:hdr>
        """

    static let footer = """
        <w:ftr \(namespaces)><w:p><w:pPr><w:jc w:val="center"/></w:pPr>\(run("宋体", 28, "— "))\
        <w:fldSimple w:instr=" PAGE ">\(run("宋体", 28, "1"))</w:fldSimple>\(run("宋体", 28, " —"))</w:p></w:ftr>
        """

    static let contentTypes = """
        <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
        <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
        <Default Extension="xml" ContentType="application/xml"/><Default Extension="png" ContentType="image/png"/>\
        <Override PartName="/word/document.xml" \
        ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>\
        <Override PartName="/word/header1.xml" \
        ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>\
        <Override PartName="/word/footer1.xml" \
        ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>\
        <Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>\
        </Types>
        """

    static let packageRelationships = """
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
        <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" \
        Target="word/document.xml"/><Relationship Id="rId2" \
        Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" \
        Target="docProps/core.xml"/></Relationships>
        """

    static let documentRelationships = """
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
        <Relationship Id="rIdSeal" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" \
        Target="media/seal.png"/><Relationship Id="rIdHeader" \
        Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/>\
        <Relationship Id="rIdFooter" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" \
        Target="footer1.xml"/></Relationships>
        """

    static func coreProperties(title: String) -> String {
        """
        <cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" \
        xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>\(title)</dc:title><dc:creator>shenbao</dc:creator>\
        </cp:coreProperties>
        """
    }
}
