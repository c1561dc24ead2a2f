import ShenbaoOOXML

/// Walks one WordprocessingML part (document, header, footer) in reading order and appends its
/// visible text to a `DocxText` (then the text of the endnotes it refers to): paragraphs, tables cell by cell, text boxes where they are
/// anchored (the `mc:Choice` copy only, never the VML fallback), field results but not field
/// codes, `w:sym` characters, no hidden (`w:vanish`) or deleted (`w:del`) text.
struct PartWalker {
    /// How one paragraph came out of the walk.
    struct ParagraphSpan {
        var location: DocxLocation
        var range: Range<Int>
        /// Whether text of nested paragraphs (text boxes) lies inside `range`.
        var hasNested: Bool
    }

    /// The context a block sits in; where in the part it stands is `places`' to know.
    private struct Context {
        /// The footnote number while walking a footnote's own paragraphs.
        var footnote: Int?
        /// The endnote number while walking an endnote's own paragraphs.
        var endnote: Int?
    }

    let part: String
    /// Relationship id → package part name, for pictures.
    let relationships: [String: String]
    /// Reads a media part's bytes (for seal sizes).
    let media: (String) -> [UInt8]?

    private(set) var text = DocxText()
    private(set) var paragraphs: [ParagraphSpan] = []
    /// Numbers paragraphs, tables and text boxes as every stage does.
    private var places: DocxLocationTracker
    private var footnoteCount = 0
    /// The footnotes part's notes by `w:id`, and its name.
    var footnotes: [String: XMLElement] = [:]
    var footnotesPart = "word/footnotes.xml"
    private var endnoteCount = 0
    /// The endnotes part's notes by `w:id`, its name, and how their marks are numbered.
    var endnotes: [String: XMLElement] = [:]
    var endnotesPart = "word/endnotes.xml"
    var endnoteNumbers = NoteNumberFormat()
    /// Endnotes referenced so far (`w:id`, number), walked after the body.
    private var referencedEndnotes: [(id: String, number: Int)] = []
    private var endnoteParagraphCount = 0
    private var locationNumbers: [DocxLocation: Int32] = [:]

    init(part: String, relationships: [String: String], media: @escaping (String) -> [UInt8]?) {
        self.part = part
        self.places = DocxLocationTracker(part: part)
        self.relationships = relationships
        self.media = media
    }

    /// Walks the part's root (`w:document`, `w:hdr`, `w:ftr`).
    mutating func walk(_ root: XMLElement) {
        let body = root.child("w:body") ?? root
        blocks(body, Context())
        walkEndnotes()
    }

    /// The referenced endnotes' text after the body, in reference order, for LibreOffice prints
    /// endnotes at the end of the document. Their text floats, like footnotes.
    private mutating func walkEndnotes() {
        for (id, number) in referencedEndnotes {
            guard let note = endnotes[id] else { continue }
            var context = Context()
            context.endnote = number
            endnoteParagraphCount = 0
            walkNote(note, context)
        }
        referencedEndnotes = []
    }

    /// A note's own blocks, numbered apart from the part's: its paragraphs, tables and text
    /// boxes do not shift the numbers of the body's.
    private mutating func walkNote(_ note: XMLElement, _ context: Context) {
        let body = places
        places = DocxLocationTracker(part: part)
        blocks(note, context)
        places = body
    }

    private mutating func blocks(_ container: XMLElement, _ context: Context) {
        for child in container.elements {
            switch child.name {
            case "w:p":
                places.enter("w:p")
                paragraph(child, context)
                places.leave("w:p")
            case "w:tbl": table(child, context)
            case "w:sdt": if let content = child.child("w:sdtContent") { blocks(content, context) }
            case "w:customXml", "w:ins", "w:moveTo", "w:smartTag": blocks(child, context)
            case "mc:AlternateContent": if let choice = child.child("mc:Choice") { blocks(choice, context) }
            default: break
            }
        }
    }

    private mutating func table(_ tbl: XMLElement, _ context: Context) {
        places.enter("w:tbl")
        defer { places.leave("w:tbl") }
        let tableStart = text.scalars.count
        var headerRowsEnd: Int?
        var inHeaderRows = true
        for tr in Self.flatten(tbl, "w:tr") {
            places.enter("w:tr")
            let repeats = tr.child("w:trPr")?.child("w:tblHeader").map { !["0", "false", "off"].contains($0[attribute: "w:val"] ?? "1") } ?? false
            inHeaderRows = inHeaderRows && repeats
            for tc in Self.flatten(tr, "w:tc") {
                places.enter("w:tc")
                blocks(tc, context)
            }
            if inHeaderRows { headerRowsEnd = text.scalars.count }
        }
        if let end = headerRowsEnd, end > tableStart {
            text.repeatedTableHeaders.append(Array(text.scalars[tableStart..<end]))
        }
    }

    /// Children named `name`, looking through content controls and custom XML wrappers.
    private static func flatten(_ e: XMLElement, _ name: String) -> [XMLElement] {
        var out: [XMLElement] = []
        for child in e.elements {
            if child.name == name {
                out.append(child)
            } else if child.name == "w:sdt", let content = child.child("w:sdtContent") {
                out += flatten(content, name)
            } else if child.name == "w:customXml" || child.name == "w:ins" {
                out += flatten(child, name)
            }
        }
        return out
    }

    private mutating func paragraph(_ p: XMLElement, _ context: Context) {
        var location = places.current
        if let endnote = context.endnote {
            endnoteParagraphCount += 1
            location = DocxLocation(part: endnotesPart, paragraph: endnoteParagraphCount, endnote: endnote)
        } else if let footnote = context.footnote {
            location = DocxLocation(part: footnotesPart, footnote: footnote)
        }
        let start = text.scalars.count
        if let numbering = p.child("w:pPr")?.child("w:numPr"), numbering.child("w:numId")?[attribute: "w:val"] != "0" {
            text.numberedParagraphStarts.insert(start)
        }
        let sealsBefore = text.seals.count
        let textBoxesBefore = places.textBoxCount
        inline(p, context, number(of: location))
        let range = start..<text.scalars.count
        paragraphs.append(ParagraphSpan(location: location, range: range, hasNested: places.textBoxCount != textBoxesBefore))
        for i in sealsBefore..<text.seals.count where text.seals[i].location == location && text.seals[i].streamRange == nil {
            text.seals[i].streamRange = range
        }
    }

    private mutating func number(of location: DocxLocation) -> Int32 {
        if let n = locationNumbers[location] { return n }
        let n = Int32(text.locations.count)
        text.locations.append(location)
        locationNumbers[location] = n
        return n
    }

    private mutating func inline(_ e: XMLElement, _ context: Context, _ location: Int32) {
        for child in e.elements {
            switch child.name {
            case "w:r": run(child, context, location)
            case "w:hyperlink", "w:smartTag", "w:ins", "w:fldSimple", "w:customXml", "w:moveTo", "w:dir", "w:bdo", "w:sdtContent":
                inline(child, context, location)
            case "w:sdt": if let content = child.child("w:sdtContent") { inline(content, context, location) }
            case "mc:AlternateContent": if let choice = child.child("mc:Choice") { inline(choice, context, location) }
            case "m:oMathPara", "m:oMath":
                child.forEachElement { if $0.name == "m:t" { text.append($0.textContent, location: location) } }
            default: break
            }
        }
    }

    private mutating func run(_ r: XMLElement, _ context: Context, _ location: Int32) {
        if let vanish = r.child("w:rPr")?.child("w:vanish"), !["0", "false", "off"].contains(vanish[attribute: "w:val"] ?? "1") {
            return
        }
        runContent(r, context, location)
    }

    private mutating func runContent(_ r: XMLElement, _ context: Context, _ location: Int32) {
        for child in r.elements {
            switch child.name {
            case "w:t": text.append(child.textContent, location: location)
            case "w:sym": text.append(SymbolFont.character(font: child[attribute: "w:font"], code: child[attribute: "w:char"]), location: location)
            case "w:noBreakHyphen": text.append("-", location: location)
            case "w:footnoteReference": footnote(child, context, location)
            case "w:footnoteRef": if let n = context.footnote, n > 0 { text.append(String(n), location: location) }
            case "w:endnoteReference": endnote(child, location)
            case "w:endnoteRef": if let n = context.endnote, n > 0 { text.append(endnoteNumbers.mark(n), location: location) }
            case "w:drawing": drawing(child, context)
            case "w:pict", "w:object": textBoxes(in: child, context)
            case "mc:AlternateContent": if let choice = child.child("mc:Choice") { runContent(choice, context, location) }
            default: break  // w:tab, w:br, w:cr: whitespace, dropped anyway; w:instrText, w:delText: not shown
            }
        }
    }

    /// A footnote reference: its number where it stands (unless a custom mark follows), then
    /// the footnote's text as floating text, for LibreOffice draws it at the page's foot.
    private mutating func footnote(_ reference: XMLElement, _ context: Context, _ location: Int32) {
        let customMark = ["1", "true", "on"].contains(reference[attribute: "w:customMarkFollows"] ?? "0")
        if !customMark { footnoteCount += 1 }
        if !customMark { text.append(String(footnoteCount), location: location) }
        guard let id = reference[attribute: "w:id"], let note = footnotes[id] else { return }
        var inner = context
        inner.footnote = customMark ? 0 : footnoteCount
        walkNote(note, inner)
    }

    /// An endnote reference: its mark where it stands (unless a custom mark follows); the text
    /// comes after the body (`walkEndnotes`).
    private mutating func endnote(_ reference: XMLElement, _ location: Int32) {
        let customMark = ["1", "true", "on"].contains(reference[attribute: "w:customMarkFollows"] ?? "0")
        if !customMark {
            endnoteCount += 1
            text.append(endnoteNumbers.mark(endnoteCount), location: location)
        }
        guard let id = reference[attribute: "w:id"] else { return }
        referencedEndnotes.append((id, customMark ? 0 : endnoteCount))
    }

    private mutating func drawing(_ d: XMLElement, _ context: Context) {
        for placement in d.elements {
            textBoxes(in: placement, context)
            guard placement.name == "wp:anchor" else { continue }
            var embed: String?
            placement.forEachElement { e in if embed == nil, e.localName == "blip" { embed = e[attribute: "r:embed"] } }
            guard let id = embed, let target = relationships[id] else { continue }
            let header = media(target).flatMap { try? ImageFile(bytes: $0) }
            let location = places.current
            text.seals.append(SealAnchor(
                part: part, media: target, pixelWidth: header?.width, pixelHeight: header?.height,
                hasAlpha: header?.hasAlpha ?? false, location: location, streamRange: nil))
        }
    }

    /// Walks every `w:txbxContent` under `e` (not inside another one) as a text box.
    private mutating func textBoxes(in e: XMLElement, _ context: Context) {
        for child in e.elements {
            if child.name == "w:txbxContent" {
                places.enter("w:txbxContent")
                blocks(child, context)
                places.leave("w:txbxContent")
            } else if child.name == "mc:AlternateContent" {
                if let choice = child.child("mc:Choice") { textBoxes(in: choice, context) }
            } else {
                textBoxes(in: child, context)
            }
        }
    }
}
