import Foundation
import ShenbaoOOXML

/// One worksheet of the summary workbook: title row, 推荐单位（盖章） line, header (frozen, repeated
/// on printed pages), the part's rows, a blank row and the 填表人 line.
enum XLSXSheet {
    /// The worksheet part for `part` of `table`; texts go into `strings`.
    static func part(_ table: SummaryTable, _ part: SummaryTable.Part, strings: inout SharedStrings) -> [UInt8] {
        let columnCount = max(table.columns.count, 1)
        let last = columnName(columnCount - 1)
        let header = XLSXWriter.headerRow
        let lastDataRow = header + part.rows.count
        let contactRow = lastDataRow + 2
        var rows: [XMLElement] = []
        rows.append(row(1, [cell(0, 1, table.title, kind: .text, style: .title, strings: &strings)], height: 30))
        rows.append(row(2, [cell(0, 2, "推荐单位（盖章）：" + table.sealUnit(of: part), kind: .text, style: .line, strings: &strings)]))
        rows.append(row(header, table.header.enumerated().map { i, label in
            cell(i, header, label, kind: .text, style: .header, strings: &strings)
        }))
        for (r, index) in part.rows.enumerated() {
            let n = header + 1 + r
            rows.append(row(n, table.rows[index].enumerated().map { i, value in
                let kind = i < table.columns.count ? table.columns[i].kind : .text
                return cell(i, n, value, kind: kind, style: kind == .number ? .number : .text, strings: &strings)
            }))
        }
        rows.append(row(contactRow, [cell(0, contactRow, table.contact.line, kind: .text, style: .line, strings: &strings)]))
        let merged = [1, 2, contactRow].map { XMLBuild.el("mergeCell", ["ref": "A\($0):\(last)\($0)"]) }
        let worksheet = XMLBuild.el("worksheet", ["xmlns": XLSXWriter.main, "xmlns:r": XLSXWriter.rel], [
            XMLBuild.el("sheetPr", [:], [XMLBuild.el("pageSetUpPr", ["fitToPage": "1"])]),
            XMLBuild.el("dimension", ["ref": "A1:\(last)\(contactRow)"]),
            XMLBuild.el("sheetViews", [:], [XMLBuild.el("sheetView", ["tabSelected": part == table.parts.first || table.parts.isEmpty ? "1" : "0", "workbookViewId": "0"], [
                XMLBuild.el("pane", ["ySplit": String(header), "topLeftCell": "A\(header + 1)", "activePane": "bottomLeft", "state": "frozen"]),
                XMLBuild.el("selection", ["pane": "bottomLeft", "activeCell": "A\(header + 1)", "sqref": "A\(header + 1)"]),
            ])]),
            XMLBuild.el("sheetFormatPr", ["defaultRowHeight": "15"]),
            XMLBuild.el("cols", [:], widths(table).enumerated().map { i, w in
                XMLBuild.el("col", ["min": String(i + 1), "max": String(i + 1), "width": format(w), "customWidth": "1"])
            }),
            XMLBuild.el("sheetData", [:], rows),
            XMLBuild.el("autoFilter", ["ref": "A\(header):\(last)\(lastDataRow)"]),
            XMLBuild.el("mergeCells", ["count": String(merged.count)], merged),
            XMLBuild.el("printOptions", ["horizontalCentered": "1"]),
            XMLBuild.el("pageMargins", ["left": "0.5", "right": "0.5", "top": "0.75", "bottom": "0.75", "header": "0.3", "footer": "0.3"]),
            XMLBuild.el("pageSetup", ["paperSize": "9", "orientation": "landscape", "fitToWidth": "1", "fitToHeight": "0"]),
        ])
        return XMLBuild.part(worksheet)
    }

    /// `A`, `B`, … `Z`, `AA`, … for a 0-based column index.
    static func columnName(_ index: Int) -> String {
        var n = index + 1
        var name = ""
        while n > 0 {
            let r = (n - 1) % 26
            name = String(UnicodeScalar(UInt8(65 + r))) + name
            n = (n - 1) / 26
        }
        return name
    }

    /// Column widths in Excel's character units: the spec's width, or the widest line of the
    /// column's header and cells (CJK counted 2) plus padding, between 6 and 50; longer text wraps.
    static func widths(_ table: SummaryTable) -> [Double] {
        table.columns.enumerated().map { i, column in
            if let w = column.width { return w }
            var widest = XMLBuild.displayWidth(column.label)
            for row in table.rows where i < row.count {
                for line in row[i].split(separator: "\n") { widest = max(widest, XMLBuild.displayWidth(String(line))) }
            }
            return min(max(Double(widest) + 2, 6), 50)
        }
    }

    private static func row(_ n: Int, _ cells: [XMLElement], height: Double? = nil) -> XMLElement {
        var attributes: KeyValuePairs<String, String> = ["r": String(n)]
        if let height { attributes = ["r": String(n), "ht": format(height), "customHeight": "1"] }
        return XMLBuild.el("row", attributes, cells)
    }

    private static func cell(
        _ column: Int, _ row: Int, _ value: String, kind: SummaryColumn.Kind, style: XLSXWriter.Style,
        strings: inout SharedStrings
    ) -> XMLElement {
        let ref = "\(columnName(column))\(row)"
        if kind == .number, let number = numberLiteral(value) {
            return XMLBuild.el("c", ["r": ref, "s": String(style.rawValue)], [XMLBuild.text("v", number)])
        }
        if value.isEmpty { return XMLBuild.el("c", ["r": ref, "s": String(style.rawValue)]) }
        let i = strings.reference(value)
        return XMLBuild.el("c", ["r": ref, "s": String(style.rawValue), "t": "s"], [XMLBuild.text("v", String(i))])
    }

    /// The `<v>` text for a cell that is a plain decimal number (`3`, `-2.5`, `1200.00`), or nil:
    /// thousands separators, units and leading zeros (`007`) stay text.
    static func numberLiteral(_ s: String) -> String? {
        let t = s.trimmingCharacters(in: .whitespaces)
        guard let first = t.unicodeScalars.first, !t.isEmpty else { return nil }
        var digitsBeforePoint = ""
        var sawPoint = false
        for (i, u) in t.unicodeScalars.enumerated() {
            switch u {
            case "-" where i == 0: continue
            case ".": if sawPoint { return nil }; sawPoint = true
            case "0"..."9": if !sawPoint { digitsBeforePoint.unicodeScalars.append(u) }
            default: return nil
            }
        }
        guard !digitsBeforePoint.isEmpty, !t.hasSuffix("."), first != "." else { return nil }
        if digitsBeforePoint.count > 1 && digitsBeforePoint.first == "0" { return nil }
        guard let d = Double(t), d.isFinite, t.count <= 17 else { return nil }
        return t
    }

    private static func format(_ w: Double) -> String {
        w == w.rounded() ? String(Int(w)) : String(w)
    }
}
