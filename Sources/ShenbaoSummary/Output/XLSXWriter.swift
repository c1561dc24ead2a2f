import Foundation
import ShenbaoOOXML

/// Writes a summary as an XLSX workbook through ShenbaoOOXML (libzip + the XML serializer):
/// one sheet 推荐汇总表 with a bold, frozen, filterable header row, column widths sized to the
/// content (CJK counted double), text in a shared strings table, and numbers as numbers in
/// number columns (序号, 推荐排序, amounts) — phones and codes stay text, so no digits are lost.
/// Deterministic: the same table gives the same bytes.
public enum XLSXWriter {
    static let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    static let pkgRel = "http://schemas.openxmlformats.org/package/2006/relationships"
    static let sheetName = "推荐汇总表"

    /// Cell styles in styles.xml's cellXfs, by index.
    enum Style: Int {
        case plain = 0, header = 1, text = 2, number = 3
    }

    /// The workbook's parts, `[Content_Types].xml` first.
    public static func archive(_ table: SummaryTable, path: String = "summary.xlsx") -> ZipArchive {
        var strings = SharedStrings()
        let sheet = XLSXSheet.part(table, strings: &strings)
        return ZipArchive(path: path, entries: [
            .init(name: "[Content_Types].xml", bytes: XMLBuild.part(contentTypes())),
            .init(name: "_rels/.rels", bytes: XMLBuild.part(relationships([
                ("rId1", "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument", "xl/workbook.xml"),
                ("rId2", "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties", "docProps/core.xml"),
            ]))),
            .init(name: "docProps/core.xml", bytes: XMLBuild.part(coreProperties(title: table.title))),
            .init(name: "xl/workbook.xml", bytes: XMLBuild.part(workbook(table))),
            .init(name: "xl/_rels/workbook.xml.rels", bytes: XMLBuild.part(relationships([
                ("rId1", "\(rel)/worksheet", "worksheets/sheet1.xml"),
                ("rId2", "\(rel)/styles", "styles.xml"),
                ("rId3", "\(rel)/sharedStrings", "sharedStrings.xml"),
            ]))),
            .init(name: "xl/worksheets/sheet1.xml", bytes: sheet),
            .init(name: "xl/styles.xml", bytes: XMLBuild.part(XLSXStyles.styleSheet())),
            .init(name: "xl/sharedStrings.xml", bytes: XMLBuild.part(strings.part())),
        ])
    }

    /// The workbook's bytes.
    /// - Throws: `ZipError` when libzip fails.
    public static func bytes(_ table: SummaryTable) throws -> [UInt8] { try archive(table).serialized() }

    /// Writes the workbook to `path` atomically.
    /// - Throws: `ZipError` naming the path when it cannot be written.
    public static func write(_ table: SummaryTable, to path: String) throws { try archive(table, path: path).write(to: path) }

    private static func contentTypes() -> XMLElement {
        let ct = "application/vnd.openxmlformats-officedocument.spreadsheetml"
        return XMLBuild.el("Types", ["xmlns": "http://schemas.openxmlformats.org/package/2006/content-types"], [
            XMLBuild.el("Default", ["Extension": "rels", "ContentType": "application/vnd.openxmlformats-package.relationships+xml"]),
            XMLBuild.el("Default", ["Extension": "xml", "ContentType": "application/xml"]),
            XMLBuild.el("Override", ["PartName": "/xl/workbook.xml", "ContentType": "\(ct).sheet.main+xml"]),
            XMLBuild.el("Override", ["PartName": "/xl/worksheets/sheet1.xml", "ContentType": "\(ct).worksheet+xml"]),
            XMLBuild.el("Override", ["PartName": "/xl/styles.xml", "ContentType": "\(ct).styles+xml"]),
            XMLBuild.el("Override", ["PartName": "/xl/sharedStrings.xml", "ContentType": "\(ct).sharedStrings+xml"]),
            XMLBuild.el("Override", ["PartName": "/docProps/core.xml", "ContentType": "application/vnd.openxmlformats-package.core-properties+xml"]),
        ])
    }

    static func relationships(_ items: [(id: String, type: String, target: String)]) -> XMLElement {
        XMLBuild.el("Relationships", ["xmlns": pkgRel], items.map {
            XMLBuild.el("Relationship", ["Id": $0.id, "Type": $0.type, "Target": $0.target])
        })
    }

    static func coreProperties(title: String) -> XMLElement {
        XMLBuild.el("cp:coreProperties", [
            "xmlns:cp": "http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
            "xmlns:dc": "http://purl.org/dc/elements/1.1/",
        ], [XMLBuild.text("dc:title", title), XMLBuild.text("dc:creator", "shenbao")])
    }

    private static func workbook(_ table: SummaryTable) -> XMLElement {
        let lastColumn = XLSXSheet.columnName(max(table.columns.count, 1) - 1)
        let lastRow = table.rows.count + 1
        return XMLBuild.el("workbook", ["xmlns": main, "xmlns:r": rel], [
            XMLBuild.el("bookViews", [:], [XMLBuild.el("workbookView", ["activeTab": "0"])]),
            XMLBuild.el("sheets", [:], [XMLBuild.el("sheet", ["name": sheetName, "sheetId": "1", "r:id": "rId1"])]),
            XMLBuild.el("definedNames", [:], [
                XMLBuild.text("definedName", ["name": "_xlnm._FilterDatabase", "localSheetId": "0", "hidden": "1"],
                              "'\(sheetName)'!$A$1:$\(lastColumn)$\(lastRow)"),
                XMLBuild.text("definedName", ["name": "_xlnm.Print_Titles", "localSheetId": "0"], "'\(sheetName)'!$1:$1"),
            ]),
        ])
    }
}

/// The shared strings table: each distinct text once, referenced by index from the cells.
struct SharedStrings {
    private(set) var strings: [String] = []
    private var index: [String: Int] = [:]
    private(set) var references = 0

    mutating func reference(_ s: String) -> Int {
        references += 1
        if let i = index[s] { return i }
        index[s] = strings.count
        strings.append(s)
        return strings.count - 1
    }

    func part() -> XMLElement {
        XMLBuild.el("sst", ["xmlns": XLSXWriter.main, "count": String(references), "uniqueCount": String(strings.count)],
                    strings.map { s in
                        let preserve = s.first?.isWhitespace == true || s.last?.isWhitespace == true || s.contains("\n")
                        let t = preserve ? XMLBuild.text("t", ["xml:space": "preserve"], s) : XMLBuild.text("t", s)
                        return XMLBuild.el("si", [:], [t])
                    })
    }
}
