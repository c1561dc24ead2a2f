import ShenbaoOOXML

/// How `{{path | paragraphs}}` starts a new paragraph between two lines of its value: it closes
/// the tag's `w:t`, run, the elements between run and paragraph (hyperlink, content control,
/// insertion) and the paragraph, then opens a copy of them: the paragraph's start tag (a fresh
/// `w14:paraId`, no `w14:textId`) and `w:pPr`, the wrappers' start tags, the run's start tag and
/// `w:rPr`, and a `w:t`. Bookmarks, fields and other run content are never copied.
struct ParagraphSplit: Sendable {
    var instructions: [Instruction]
    /// Whether the paragraph ends a document section: its `w:sectPr` then moves to the last copy.
    var movesSectionProperties: Bool

    /// The formatter that asks for it.
    static let formatter = "paragraphs"

    /// The lines of a value, one per paragraph: split at `\n`, `\r\n` and `\r`, blank lines dropped.
    static func lines(of text: String) -> [Substring] {
        text.split { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }.filter { !$0.trimmingSpaces.isEmpty }
    }
}

extension ProgramCompiler {
    /// Whether tag `n` is a value with the `paragraphs` formatter.
    static func splitsParagraphs(_ kind: TagKind) -> Bool {
        guard case .value(_, let formatters) = kind else { return false }
        return formatters.contains { $0.name == ParagraphSplit.formatter }
    }

    /// The start token of the `w:sectPr` in the properties of the paragraph starting at `p`.
    static func sectionProperties(ofParagraph p: Int, in tokens: [XMLToken], _ structure: TemplateStructure) -> Int? {
        guard p + 1 < tokens.count, case .start(let e) = tokens[p + 1], e.name == "w:pPr" else { return nil }
        return (p + 2..<structure.matching[p + 1]).first { tokens[$0].elementName == "w:sectPr" && !isEnd(tokens[$0]) }
    }

    /// The split of value tag `n`, nil when its text does not stand in a run of a paragraph
    /// (then newlines become line breaks, as without the formatter).
    func paragraphSplit(of n: Int, stack: [Section], state: State, store: LiteralStore) -> ParagraphSplit? {
        let ancestors = structure.ancestors[n]
        guard let pIndex = ancestors.lastIndex(where: { tokens[$0].elementName == "w:p" }),
            ancestors.count >= pIndex + 3,
            tokens[ancestors[ancestors.count - 1]].elementName == "w:t",
            case .start(let run) = tokens[ancestors[ancestors.count - 2]], run.name == "w:r",
            case .start(var paragraph) = tokens[ancestors[pIndex]]
        else { return nil }
        let p = ancestors[pIndex]
        let wrappers = ancestors[(pIndex + 1)..<(ancestors.count - 2)]
        var state = state
        var b = InstructionBuilder(store)
        b.append(bytes: "</w:t></w:r>")
        for w in wrappers.reversed() { XMLSerializer.writeEndTag(tokens[w].elementName ?? "", into: &b.pending) }
        b.append(bytes: "</w:p>")
        paragraph[attribute: "w14:textId"] = nil
        if let id = paragraph[attribute: "w14:paraId"] {
            emitWithSlot(paragraph, selfClosing: false, attribute: "w14:paraId", .uniqueID(.addedParagraph, original: id), into: &b)
        } else {
            XMLSerializer.writeStartTag(paragraph, selfClosing: false, into: &b.pending)
        }
        let sectPr = Self.sectionProperties(ofParagraph: p, in: tokens, structure)
        var i = p + 1
        if case .empty(let e) = tokens[i], e.name == "w:pPr" {
            XMLSerializer.writeStartTag(e, selfClosing: true, into: &b.pending)
        } else if case .start(let e) = tokens[i], e.name == "w:pPr" {
            while i <= structure.matching[p + 1] {
                if i == sectPr {
                    b.append(.movableSectionProperties(serialized(i...structure.matching[i])))
                    i = structure.matching[i] + 1
                    continue
                }
                emitToken(i, stack: stack, state: &state, into: &b)
                i += 1
            }
        }
        for w in wrappers {
            if case .start(let e) = tokens[w] { XMLSerializer.writeStartTag(e, selfClosing: false, into: &b.pending) }
        }
        XMLSerializer.writeStartTag(run, selfClosing: false, into: &b.pending)
        let r = ancestors[ancestors.count - 2]
        switch tokens[r + 1] {
        case .empty(let e) where e.name == "w:rPr":
            XMLSerializer.writeStartTag(e, selfClosing: true, into: &b.pending)
        case .start(let e) where e.name == "w:rPr":
            for k in (r + 1)...structure.matching[r + 1] { emitToken(k, stack: stack, state: &state, into: &b) }
        default: break
        }
        b.append(bytes: "<w:t xml:space=\"preserve\">")
        return ParagraphSplit(instructions: b.finish(), movesSectionProperties: sectPr != nil)
    }

    /// Tokens written as XML, for markup that holds no slot (a `w:sectPr`).
    func serialized(_ range: ClosedRange<Int>) -> [UInt8] {
        var out: [UInt8] = []
        for token in tokens[range] {
            switch token {
            case .start(let e): XMLSerializer.writeStartTag(e, selfClosing: false, into: &out)
            case .empty(let e): XMLSerializer.writeStartTag(e, selfClosing: true, into: &out)
            case .end(let name): XMLSerializer.writeEndTag(name, into: &out)
            case .text(let t): XMLSerializer.appendEscapedText(t, into: &out)
            case .raw(let r): out.append(contentsOf: r.utf8)
            case .tag: break
            }
        }
        return out
    }

    private static func isEnd(_ token: XMLToken) -> Bool {
        if case .end = token { return true }
        return false
    }
}
