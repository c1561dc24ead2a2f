import ShenbaoOOXML

/// The WordprocessingML package around the summary layout (the template's parts).
enum SummaryPackage {
    static let w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

    /// A minimal WordprocessingML package around `document`.
    static func docx(document: XMLElement, title: String, path: String) -> ZipArchive {
        let rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
        return ZipArchive(path: path, entries: [
            .init(name: "[Content_Types].xml", bytes: XMLBuild.part(XMLBuild.el(
                "Types", ["xmlns": "http://schemas.openxmlformats.org/package/2006/content-types"], [
                    XMLBuild.el("Default", ["Extension": "rels", "ContentType": "application/vnd.openxmlformats-package.relationships+xml"]),
                    XMLBuild.el("Default", ["Extension": "xml", "ContentType": "application/xml"]),
                    XMLBuild.el("Override", ["PartName": "/word/document.xml",
                                             "ContentType": "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"]),
                    XMLBuild.el("Override", ["PartName": "/word/styles.xml",
                                             "ContentType": "application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"]),
                    XMLBuild.el("Override", ["PartName": "/docProps/core.xml",
                                             "ContentType": "application/vnd.openxmlformats-package.core-properties+xml"]),
                ]))),
            .init(name: "_rels/.rels", bytes: XMLBuild.part(XLSXWriter.relationships([
                ("rId1", "\(rel)/officeDocument", "word/document.xml"),
                ("rId2", "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties", "docProps/core.xml"),
            ]))),
            .init(name: "docProps/core.xml", bytes: XMLBuild.part(XLSXWriter.coreProperties(title: title))),
            .init(name: "word/_rels/document.xml.rels", bytes: XMLBuild.part(XLSXWriter.relationships([
                ("rId1", "\(rel)/styles", "styles.xml"),
            ]))),
            .init(name: "word/document.xml", bytes: XMLBuild.part(document)),
            .init(name: "word/styles.xml", bytes: XMLBuild.part(styles())),
        ])
    }

    /// Document defaults: 仿宋_GB2312 for Chinese, Times New Roman otherwise, 12 pt.
    private static func styles() -> XMLElement {
        XMLBuild.el("w:styles", ["xmlns:w": w], [
            XMLBuild.el("w:docDefaults", [:], [
                XMLBuild.el("w:rPrDefault", [:], [XMLBuild.el("w:rPr", [:], [
                    XMLBuild.el("w:rFonts", ["w:ascii": "Times New Roman", "w:hAnsi": "Times New Roman", "w:eastAsia": "仿宋_GB2312", "w:cs": "Times New Roman"]),
                    XMLBuild.el("w:sz", ["w:val": "24"]), XMLBuild.el("w:szCs", ["w:val": "24"]),
                    XMLBuild.el("w:lang", ["w:val": "en-US", "w:eastAsia": "zh-CN"]),
                ])]),
                XMLBuild.el("w:pPrDefault"),
            ]),
            XMLBuild.el("w:style", ["w:type": "paragraph", "w:default": "1", "w:styleId": "Normal"], [
                XMLBuild.el("w:name", ["w:val": "Normal"]),
            ]),
            XMLBuild.el("w:style", ["w:type": "table", "w:default": "1", "w:styleId": "TableNormal"], [
                XMLBuild.el("w:name", ["w:val": "Normal Table"]),
                XMLBuild.el("w:tblPr", [:], [XMLBuild.el("w:tblCellMar", [:], [
                    XMLBuild.el("w:left", ["w:w": "85", "w:type": "dxa"]), XMLBuild.el("w:right", ["w:w": "85", "w:type": "dxa"]),
                ])]),
            ]),
        ])
    }
}
