/// A section `{{#path}}…{{/path}}` with the token range it repeats.
struct Section: Sendable {
    /// How the open and close tags' places decide what repeats.
    enum Extent: Sendable {
        /// Both tags in one paragraph (or sibling paragraphs, not alone): the tokens between.
        case inline
        /// Each tag alone in its paragraph: the paragraphs between; the tag paragraphs vanish.
        case paragraphs
        /// In cells of one table row (or in different rows): the rows from first to last.
        case rows
    }

    var openTag: Int
    var closeTag: Int
    var path: DataPath
    var inverted: Bool
    var extent: Extent
    /// Tokens replaced by the section's output.
    var outer: ClosedRange<Int>
    /// Tokens rendered once per item.
    var inner: Range<Int>
    var children: [Section] = []
    /// A paragraph-extent section that holds all of a table cell's paragraphs: when it renders
    /// nothing, the cell still needs an empty paragraph to stay valid.
    var needsParagraphWhenEmpty = false
    /// A rows section that holds every row of its table: the table's tokens. When the section
    /// renders nothing the whole table goes (a table without rows is not valid WordprocessingML).
    var wholeTable: ClosedRange<Int>?
    /// Set when `outer` was widened to `wholeTable`.
    var dropsTableWhenEmpty = false
}
