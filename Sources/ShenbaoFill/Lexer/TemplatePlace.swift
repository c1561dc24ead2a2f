/// Where a tag stands in a document part, as a person finds it in Word:
/// `word/document.xml, table 2, row 3, cell 4` or `word/header1.xml, paragraph 2`.
public struct TemplatePlace: Sendable, Hashable, CustomStringConvertible {
    public var part: String
    /// 1-based number of the table (all tables of the part in document order), when in a cell.
    public var table: Int?
    public var row: Int?
    public var cell: Int?
    /// 1-based number of the paragraph among the part's paragraphs outside tables.
    public var paragraph: Int?

    public var description: String {
        if let table, let row, let cell { return "\(part), table \(table), row \(row), cell \(cell)" }
        if let paragraph { return "\(part), paragraph \(paragraph)" }
        return part
    }
}

/// Follows start and end tags through a part and knows the current place.
struct PlaceTracker {
    private struct TableState {
        var number: Int
        var rows = 0
        var cells = 0
    }

    let part: String
    private var tableCount = 0
    private var tables: [TableState] = []
    private var paragraphCount = 0
    private var paragraphs: [Int] = []

    init(part: String) { self.part = part }

    mutating func enter(_ name: String) {
        switch name {
        case "w:tbl":
            tableCount += 1
            tables.append(TableState(number: tableCount))
        case "w:tr":
            if !tables.isEmpty {
                tables[tables.count - 1].rows += 1
                tables[tables.count - 1].cells = 0
            }
        case "w:tc":
            if !tables.isEmpty { tables[tables.count - 1].cells += 1 }
        case "w:p":
            if tables.isEmpty {
                paragraphCount += 1
                paragraphs.append(paragraphCount)
            }
        default: break
        }
    }

    mutating func leave(_ name: String) {
        switch name {
        case "w:tbl": if !tables.isEmpty { tables.removeLast() }
        case "w:p": if tables.isEmpty, !paragraphs.isEmpty { paragraphs.removeLast() }
        default: break
        }
    }

    var current: TemplatePlace {
        if let t = tables.last {
            return TemplatePlace(part: part, table: t.number, row: t.rows, cell: t.cells)
        }
        return TemplatePlace(part: part, paragraph: paragraphs.last)
    }
}
