import ShenbaoOOXML

/// Reads back what a spreadsheet application reads: one sheet's cells (the first by default),
/// resolving shared strings, with each cell's type and style. A summary sheet's rows are the
/// title, the 推荐单位（盖章） line, the header, the data rows and the 填表人 line.
struct XLSXReader {
    struct Cell: Equatable {
        var text: String
        /// `s` for a shared string, nil for a number.
        var type: String?
        var style: Int
    }

    let archive: ZipArchive
    let sheet: XMLElement
    let rows: [[Cell]]

    init(path: String, sheet number: Int = 1) throws {
        archive = try ZipArchive(contentsOf: path)
        sheet = try archive.xml("xl/worksheets/sheet\(number).xml").root
        let shared = try archive.xml("xl/sharedStrings.xml").root.elements.map(\.textContent)
        var rows: [[Cell]] = []
        for row in sheet.child("sheetData")?.elements ?? [] {
            var cells: [Cell] = []
            for c in row.elements {
                let column = Self.columnIndex(c[attribute: "r"] ?? "")
                while cells.count < column { cells.append(Cell(text: "", type: nil, style: 0)) }
                let v = c.child("v")?.textContent ?? ""
                let type = c[attribute: "t"]
                cells.append(Cell(text: type == "s" ? shared[Int(v)!] : v, type: type, style: Int(c[attribute: "s"] ?? "0")!))
            }
            rows.append(cells)
        }
        self.rows = rows
    }

    /// The texts, row by row.
    var texts: [[String]] { rows.map { $0.map(\.text) } }

    /// The header and data rows' texts (between the 推荐单位 line and the 填表人 line).
    var tableTexts: [[String]] { Array(texts.dropFirst(2).dropLast()) }

    /// `C7` → 2.
    static func columnIndex(_ ref: String) -> Int {
        var n = 0
        for u in ref.unicodeScalars where u.value >= 65 && u.value <= 90 { n = n * 26 + Int(u.value - 64) }
        return n - 1
    }
}
