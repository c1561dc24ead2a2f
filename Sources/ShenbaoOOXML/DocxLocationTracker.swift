/// The one counter behind `DocxLocation`: fed the start and end of each element of a
/// WordprocessingML part (document, header, footer) in document order, it knows the location of
/// what stands there. Fill and lint feed it their token stream, check and the font check their
/// element walks, so every stage numbers a paragraph, table cell or text box alike:
///
/// - paragraphs are counted among the part's top-level ones (not in a table or text box);
/// - tables are counted in document order, nested ones and those in text boxes included; rows
///   and cells within the innermost table;
/// - text boxes (`w:txbxContent`) are counted in document order; their text is placed at the
///   paragraph or table cell the box is anchored in, plus the box's number;
/// - the VML copy of a drawing (`mc:Fallback`) is numbered as its DrawingML twin (`mc:Choice`),
///   and only the twin counts, so a reader that skips the fallback numbers the same.
package struct DocxLocationTracker: Sendable {
    private enum Frame: Sendable {
        case table(number: Int, rows: Int, cells: Int)
        case textBox(number: Int, anchor: Int?)
    }

    private struct Counters: Sendable {
        var paragraphs = 0
        var tables = 0
        var textBoxes = 0
    }

    package let part: String
    private var counters = Counters()
    private var frames: [Frame] = []
    /// The top-level paragraph being walked, when outside every table and text box.
    private var topParagraph: Int?
    /// For each open `mc:AlternateContent`: the counters at its start and after its `mc:Choice`.
    private var alternates: [(start: Counters, afterChoice: Counters?)] = []

    package init(part: String) { self.part = part }

    /// How many text boxes have begun so far.
    package var textBoxCount: Int { counters.textBoxes }

    /// Whether the walk is inside a text box.
    package var isInTextBox: Bool {
        frames.contains { if case .textBox = $0 { true } else { false } }
    }

    /// An element with this qualified name begins (an empty element: `enter` then `leave`).
    package mutating func enter(_ name: String) {
        switch name {
        case "w:p":
            if frames.isEmpty {
                counters.paragraphs += 1
                topParagraph = counters.paragraphs
            }
        case "w:tbl":
            counters.tables += 1
            frames.append(.table(number: counters.tables, rows: 0, cells: 0))
        case "w:tr":
            if let i = innermostTable, case .table(let number, let rows, _) = frames[i] {
                frames[i] = .table(number: number, rows: rows + 1, cells: 0)
            }
        case "w:tc":
            if let i = innermostTable, case .table(let number, let rows, let cells) = frames[i] {
                frames[i] = .table(number: number, rows: rows, cells: cells + 1)
            }
        case "w:txbxContent":
            counters.textBoxes += 1
            frames.append(.textBox(number: counters.textBoxes, anchor: frames.isEmpty ? topParagraph : nil))
        case "mc:AlternateContent":
            alternates.append((counters, nil))
        case "mc:Fallback":
            if let last = alternates.last { counters = last.start }
        default: break
        }
    }

    /// The element with this qualified name ends.
    package mutating func leave(_ name: String) {
        switch name {
        case "w:p":
            if frames.isEmpty { topParagraph = nil }
        case "w:tbl":
            if case .table? = frames.last { frames.removeLast() }
        case "w:txbxContent":
            if case .textBox? = frames.last { frames.removeLast() }
        case "mc:Choice":
            if !alternates.isEmpty { alternates[alternates.count - 1].afterChoice = counters }
        case "mc:AlternateContent":
            if let last = alternates.popLast() { counters = last.afterChoice ?? last.start }
        default: break
        }
    }

    /// Where the walk stands now.
    package var current: DocxLocation {
        var location = DocxLocation(part: part)
        guard let first = frames.first else {
            location.paragraph = topParagraph
            return location
        }
        if case .textBox(_, let anchor) = first { location.paragraph = anchor }
        for frame in frames {
            switch frame {
            case .table(let number, let rows, let cells):
                location.table = number
                location.row = rows
                location.cell = cells
            case .textBox(let number, _):
                location.textBox = number
            }
        }
        return location
    }

    private var innermostTable: Int? {
        frames.lastIndex { if case .table = $0 { true } else { false } }
    }
}
