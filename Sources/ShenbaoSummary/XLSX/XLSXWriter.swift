import Foundation
import ShenbaoOOXML

/// Writes a summary as an XLSX workbook through ShenbaoOOXML (libzip + the XML serializer):
/// one sheet 推荐汇总表 (one sheet per recommender when there are several, each named after it): a
/// title row, the 推荐单位（盖章） line, a bold, frozen, filterable header row repeated on every
/// printed page (A4 landscape, fitted to the page width), the rows, then the 填表人 line; widths sized to the
/// content (CJK counted double), text in a shared strings table, and numbers as numbers in
/// number columns (序号, 推荐排序, amounts) — phones and codes stay text, so no digits are lost.
/// Deterministic: the same table gives the same bytes.
package enum XLSXWriter {
    static let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    static let pkgRel = "http://schemas.openxmlformats.org/package/2006/relationships"
    static let sheetName = "推荐汇总表"

    /// Cell styles in styles.xml's cellXfs, by index.
    enum Style: Int {
        case plain = 0, header = 1, text = 2, number = 3, title = 4, line = 5
    }

    /// The rows above the header: the title and the 推荐单位（盖章） line.
    static let headerRow = 3

    /// The sheets: one per part of the table, named 推荐汇总表 when there is one part, else after
    /// each recommender (at most 31 characters, without `[]:*?/\`, made unique).
    static func sheets(_ table: SummaryTable) -> [(name: String, part: SummaryTable.Part)] {
        let parts = table.parts.isEmpty ? [SummaryTable.Part(recommender: table.recommender, rows: 0..<0)] : table.parts
        guard parts.count > 1 else { return [(sheetName, parts[0])] }
        var used: Set<String> = []
        return parts.map { part in
            let clean = String(part.recommender.filter { !"[]:*?/\\'".contains($0) }.prefix(28))
            var name = clean.isEmpty ? sheetName : clean
            var n = 2
            while used.contains(name) { name = "\(clean.isEmpty ? sheetName : clean)\(n)"; n += 1 }
            used.insert(name)
            return (name, part)
        }
    }

    /// The workbook's parts, `[Content_Types].xml` first.
    package static func archive(_ table: SummaryTable, path: String = "summary.xlsx") -> ZipArchive {
        var strings = SharedStrings()
        let sheets = Self.sheets(table)
        let parts = sheets.map { XLSXSheet.part(table, $0.part, strings: &strings) }
        let sheetRels = sheets.indices.map { i in ("rId\(i + 3)", "\(rel)/worksheet", "worksheets/sheet\(i + 1).xml") }
        return ZipArchive(path: path, entries: [
            .init(name: "[Content_Types].xml", bytes: XMLBuild.part(contentTypes(sheets: sheets.count))),
            .init(name: "_rels/.rels", bytes: XMLBuild.part(relationships([
                ("rId1", "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument", "xl/workbook.xml"),
                ("rId2", "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties", "docProps/core.xml"),
            ]))),
            .init(name: "docProps/core.xml", bytes: XMLBuild.part(coreProperties(title: table.title))),
            .init(name: "xl/workbook.xml", bytes: XMLBuild.part(workbook(table, sheets: sheets))),
            .init(name: "xl/_rels/workbook.xml.rels", bytes: XMLBuild.part(relationships([
                ("rId1", "\(rel)/styles", "styles.xml"),
                ("rId2", "\(rel)/sharedStrings", "sharedStrings.xml"),
            ] + sheetRels))),
        ] + parts.enumerated().map { i, bytes in .init(name: "xl/worksheets/sheet\(i + 1).xml", bytes: bytes) } + [
            .init(name: "xl/styles.xml", bytes: XMLBuild.part(XLSXStyles.styleSheet())),
            .init(name: "xl/sharedStrings.xml", bytes: XMLBuild.part(strings.part())),
        ])
    }

    /// The workbook's bytes.
    /// - Throws: `ZipError` when libzip fails.
    package static func bytes(_ table: SummaryTable) throws -> [UInt8] { try archive(table).serialized() }

    /// Writes the workbook to `path` atomically.
    /// - Throws: `ZipError` naming the path when it cannot be written.
    package static func write(_ table: SummaryTable, to path: String) throws { try archive(table, path: path).write(to: path) }

    private static func contentTypes(sheets: Int) -> XMLElement {
        let ct = "application/vnd.openxmlformats-officedocument.spreadsheetml"
        return XMLBuild.el("Types", ["xmlns": "http://schemas.openxmlformats.org/package/2006/content-types"], [
            XMLBuild.el("Default", ["Extension": "rels", "ContentType": "application/vnd.openxmlformats-package.relationships+xml"]),
            XMLBuild.el("Default", ["Extension": "xml", "ContentType": "application/xml"]),
            XMLBuild.el("Override", ["PartName": "/xl/workbook.xml", "ContentType": "\(ct).sheet.main+xml"]),
        ] + (1...max(sheets, 1)).map { i in
            XMLBuild.el("Override", ["PartName": "/xl/worksheets/sheet\(i).xml", "ContentType": "\(ct).worksheet+xml"])
        } + [
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

    private static func workbook(_ table: SummaryTable, sheets: [(name: String, part: SummaryTable.Part)]) -> XMLElement {
        let lastColumn = XLSXSheet.columnName(max(table.columns.count, 1) - 1)
        var names: [XMLElement] = []
        for (i, sheet) in sheets.enumerated() {
            let lastRow = headerRow + sheet.part.rows.count
            names.append(XMLBuild.text("definedName", ["name": "_xlnm._FilterDatabase", "localSheetId": String(i), "hidden": "1"],
                                       "'\(sheet.name)'!$A$\(headerRow):$\(lastColumn)$\(lastRow)"))
            names.append(XMLBuild.text("definedName", ["name": "_xlnm.Print_Titles", "localSheetId": String(i)],
                                       "'\(sheet.name)'!$\(headerRow):$\(headerRow)"))
        }
        return XMLBuild.el("workbook", ["xmlns": main, "xmlns:r": rel], [
            XMLBuild.el("bookViews", [:], [XMLBuild.el("workbookView", ["activeTab": "0"])]),
            XMLBuild.el("sheets", [:], sheets.enumerated().map { i, sheet in
                XMLBuild.el("sheet", ["name": sheet.name, "sheetId": String(i + 1), "r:id": "rId\(i + 3)"])
            }),
            XMLBuild.el("definedNames", [:], names),
        ])
    }
}
