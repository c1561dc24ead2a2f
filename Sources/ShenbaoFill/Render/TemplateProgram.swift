/// A part compiled for rendering: literal bytes already serialized, and slots filled from the
/// data. Rendering appends bytes, so a 5,000-row table costs little more than copying it.
struct TemplateProgram: Sendable {
    var part: String
    var instructions: [Instruction]
    /// All literal bytes, one buffer; `.literal` instructions are ranges of it.
    var literals: [UInt8]
    /// The tags of the part, for messages.
    var tags: [LexedTag]
    /// The value slots and sections the instructions name without holding (`Instruction`).
    var owned: [any AnyObject & Sendable] = []
}

/// One step of a template program.
enum Instruction: Sendable {
    /// A range of the program's literal bytes.
    case literal(Range<Int>)
    /// A value: escaped text, newlines as `<w:br/>` within the run; with `| paragraphs`
    /// (`split`), each line in its own copy of the tag's paragraph.
    ///
    /// Slots and sections are named unretained, and kept alive by their program's `owned`: a
    /// loop's body then runs over its instructions without counting references, 40,000 times
    /// for a 5,000-row table.
    case value(Unmanaged<ValueSlot>)
    case section(Unmanaged<SectionProgram>)
    /// `{{@index}}`.
    case index(tag: Int)
    /// `{{path=选项}}` as text.
    case checkbox(tag: Int, DataPath, option: String)
    /// A Word checkbox content control whose tag or alias is `path=选项`: the glyph run text
    /// (`glyph`) or the `w14:checked` value (`checkedValue`).
    case contentControlCheckbox(DataPath, option: String, part: CheckboxPart)
    /// `{{@path}}`: the enclosing paragraph replaced by raw XML from the data.
    case rawXML(tag: Int, DataPath)
    /// `{{%path}}`: an image drawing.
    case image(tag: Int, DataPath)
    /// Bytes that differ in copies 2..n of the innermost section (`w:vMerge` restart → continue).
    case firstCopyVariant(first: [UInt8], other: [UInt8])
    /// An id that must stay unique when copied (`wp:docPr/@id`, bookmark ids): the original in
    /// the first copy, a fresh one in the others.
    case uniqueID(UniqueIDKind, original: String)
    /// The `w:sectPr` of a paragraph holding a `| paragraphs` value: it moves to the last paragraph
    /// the value makes, so the document section still ends where the template's paragraph ended.
    case movableSectionProperties([UInt8])
    /// A list's `w:numId`: copies of `level`'s section get a new list restarting like the template's.
    case numberingID(original: String, level: Int, ilvl: Int)

    enum CheckboxPart: Sendable {
        case glyph(checked: String?, unchecked: String?)
        case checkedValue
    }
}

/// Ids that must stay unique; `addedParagraph` is a paragraph `| paragraphs` adds, which gets
/// a fresh `w14:paraId` even outside a loop.
enum UniqueIDKind: Sendable { case drawing, bookmarkStart, bookmarkEnd, paragraph, addedParagraph }

/// A value slot of a program: the tag, its data path, its formatters and, with `| paragraphs`,
/// the paragraph to copy for each line.
final class ValueSlot: Sendable {
    let tag: Int
    let path: DataPath
    let formatters: [FormatterCall]
    let split: ParagraphSplit?

    init(tag: Int, path: DataPath, formatters: [FormatterCall], split: ParagraphSplit?) {
        self.tag = tag
        self.path = path
        self.formatters = formatters
        self.split = split
    }
}

/// A compiled section: rendered once per item (or once, or never). A class, so that the
/// instruction holding it is one reference to copy.
final class SectionProgram: Sendable {
    let openTag: Int
    let path: DataPath
    let inverted: Bool
    /// Nesting depth, 1 for a top-level section.
    let level: Int
    let body: [Instruction]
    /// Literal bytes one rendering of the body appends (to reserve output space for loops).
    let literalBytesPerItem: Int
    /// Emitted when the section renders nothing (an empty table cell still needs a paragraph).
    let whenEmpty: [UInt8]
    /// Rendered once before the first and after the last item, in the enclosing context (the
    /// table around rows that are all repeated, so an empty loop removes the whole table).
    let prefix: [Instruction]
    let suffix: [Instruction]

    init(openTag: Int, path: DataPath, inverted: Bool, level: Int, body: [Instruction], literalBytesPerItem: Int,
         whenEmpty: [UInt8], prefix: [Instruction] = [], suffix: [Instruction] = []) {
        self.openTag = openTag
        self.path = path
        self.inverted = inverted
        self.level = level
        self.body = body
        self.literalBytesPerItem = literalBytesPerItem
        self.whenEmpty = whenEmpty
        self.prefix = prefix
        self.suffix = suffix
    }
}
