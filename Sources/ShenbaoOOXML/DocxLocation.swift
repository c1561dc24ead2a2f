/// Where something lives in a DOCX: the part, then the paragraph, table cell or text box, as a
/// person opening the document in Word would count them (all numbers start at 1). The one
/// location model: fill, lint, the font check, check and summary all print it, and
/// `DocxLocationTracker` is the one counter that numbers it.
public struct DocxLocation: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The part inside the package, e.g. `word/document.xml` or `word/header1.xml`.
    public var part: String
    /// The paragraph among the part's top-level paragraphs (outside tables and text boxes); for
    /// text in a text box, the paragraph the box is anchored in (nil when that is in a table).
    public var paragraph: Int?
    /// The table among the part's tables, counted in document order (nested ones included).
    public var table: Int?
    public var row: Int?
    public var cell: Int?
    /// The text box among the part's text boxes, in document order.
    public var textBox: Int?
    /// The footnote's number, in `word/footnotes.xml`.
    public var footnote: Int?
    /// The endnote's number (its order in the document, from 1), in `word/endnotes.xml`;
    /// `paragraph` then counts the endnote's own paragraphs.
    public var endnote: Int?

    public init(part: String, paragraph: Int? = nil, table: Int? = nil, row: Int? = nil, cell: Int? = nil, textBox: Int? = nil, footnote: Int? = nil, endnote: Int? = nil) {
        self.footnote = footnote
        self.endnote = endnote
        self.part = part
        self.paragraph = paragraph
        self.table = table
        self.row = row
        self.cell = cell
        self.textBox = textBox
    }

    /// Text boxes, footnotes and endnotes float: the PDF may draw them away from where the DOCX
    /// has them.
    public var isFloating: Bool { textBox != nil || footnote != nil || endnote != nil }

    /// `word/document.xml, table 2, row 3, cell 4`, `word/document.xml, paragraph 12, text box 1`,
    /// `word/endnotes.xml, endnote 1, paragraph 1`: the one printed form, in diagnostics, in
    /// check's differences and in `--format json` (`place`, `location`).
    public var description: String {
        var out = part
        if let endnote { out += ", endnote \(endnote)" }
        if let paragraph { out += ", paragraph \(paragraph)" }
        if let table { out += ", table \(table)" }
        if let row { out += ", row \(row)" }
        if let cell { out += ", cell \(cell)" }
        if let textBox { out += ", text box \(textBox)" }
        if let footnote { out += ", footnote \(footnote)" }
        return out
    }
}
