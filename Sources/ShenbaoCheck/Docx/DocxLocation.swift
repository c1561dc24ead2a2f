/// Where a piece of DOCX text lives: the part, then the paragraph, table cell or text box, as a
/// person opening the document in Word would count them (all numbers start at 1).
public struct DocxLocation: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The part inside the package, e.g. `word/document.xml` or `word/header1.xml`.
    public var part: String
    /// The paragraph among the part's top-level paragraphs (outside tables); nil inside a table.
    public var paragraph: Int?
    /// The table among the part's tables, counted in document order (nested ones included).
    public var table: Int?
    public var row: Int?
    public var cell: Int?
    /// The text box among the part's text boxes, in document order.
    public var textBox: Int?

    public init(part: String, paragraph: Int? = nil, table: Int? = nil, row: Int? = nil, cell: Int? = nil, textBox: Int? = nil) {
        self.part = part
        self.paragraph = paragraph
        self.table = table
        self.row = row
        self.cell = cell
        self.textBox = textBox
    }

    /// `word/document.xml, table 2, row 3, cell 4`, `word/document.xml, paragraph 12, text box 1`.
    public var description: String {
        var out = part
        if let paragraph { out += ", paragraph \(paragraph)" }
        if let table { out += ", table \(table)" }
        if let row { out += ", row \(row)" }
        if let cell { out += ", cell \(cell)" }
        if let textBox { out += ", text box \(textBox)" }
        return out
    }
}
