import ShenbaoOOXML

/// Compiles a parsed part into a `TemplateProgram`: serializes everything that does not depend
/// on the data once, and leaves slots for values, sections and ids that must stay unique.
struct ProgramCompiler {
    private let parsed: ParsedPart
    let tokens: [XMLToken]
    let structure: TemplateStructure
    /// Paragraph start token → raw XML tag that replaces the paragraph.
    private var rawParagraphs: [Int: Int] = [:]
    /// `w:numId` tokens of numbered paragraphs and their list ids.
    private var numberings: [(token: Int, id: String)] = []
    /// Tokens of Word checkbox content controls bound to data.
    private let checkboxes: [Int: ContentControlCheckboxes.Slot]
    /// `w:sectPr` start tokens of paragraphs holding a `| paragraphs` value.
    private var movableSectionProperties: Set<Int> = []

    init(_ parsed: ParsedPart, checkboxes: [Int: ContentControlCheckboxes.Slot] = [:]) {
        self.parsed = parsed
        self.checkboxes = checkboxes
        self.tokens = parsed.lexed.tokens
        self.structure = parsed.structure
        for (n, kind) in parsed.kinds.enumerated() {
            if case .rawXML = kind, let p = structure.innermost("w:p", of: n, in: tokens) { rawParagraphs[p] = n }
            if Self.splitsParagraphs(kind), let p = structure.innermost("w:p", of: n, in: tokens),
                let sectPr = Self.sectionProperties(ofParagraph: p, in: tokens, structure)
            {
                movableSectionProperties.insert(sectPr)
            }
        }
        var inNumPr = false
        for (i, token) in tokens.enumerated() {
            switch token {
            case .start(let e) where e.name == "w:numPr": inNumPr = true
            case .end("w:numPr"): inNumPr = false
            case .empty(let e) where e.name == "w:numId" && inNumPr:
                if let id = e[attribute: "w:val"] { numberings.append((i, id)) }
            default: break
            }
        }
    }

    /// The program of the whole part, starting with an XML declaration.
    func compile(standalone: Bool) -> TemplateProgram {
        let store = LiteralStore()
        var builder = InstructionBuilder(store)
        builder.append(bytes: "<?xml version=\"1.0\" encoding=\"UTF-8\"\(standalone ? " standalone=\"yes\"" : "")?>\r\n")
        var state = State()
        emit(0..<tokens.count, parsed.sections, stack: [], state: &state, into: &builder)
        let instructions = builder.finish()
        return TemplateProgram(part: parsed.lexed.name, instructions: instructions, literals: store.bytes, tags: parsed.lexed.tags, owned: store.owned)
    }

    struct State {
        var tablesInsideSection = 0
        var ilvl = 0
    }

    private func emit(_ range: Range<Int>, _ sections: [Section], stack: [Section], state: inout State, into b: inout InstructionBuilder) {
        var next = 0
        var i = range.lowerBound
        while i < range.upperBound {
            if next < sections.count, sections[next].outer.lowerBound == i {
                let section = sections[next]
                var body = InstructionBuilder(b.store)
                var inner = State()
                emit(section.inner, section.children, stack: stack + [section], state: &inner, into: &body)
                var prefix = InstructionBuilder(b.store), suffix = InstructionBuilder(b.store)
                if section.dropsTableWhenEmpty {
                    emit(section.outer.lowerBound..<section.inner.lowerBound, [], stack: stack, state: &state, into: &prefix)
                    emit(section.inner.upperBound..<(section.outer.upperBound + 1), [], stack: stack, state: &state, into: &suffix)
                }
                b.append(.section(b.store.keep(SectionProgram(
                    openTag: section.openTag, path: section.path, inverted: section.inverted, level: stack.count + 1,
                    body: body.finish(), literalBytesPerItem: body.literalBytes,
                    whenEmpty: section.needsParagraphWhenEmpty ? Array("<w:p/>".utf8) : [],
                    prefix: prefix.finish(), suffix: suffix.finish()))))
                i = section.outer.upperBound + 1
                next += 1
                continue
            }
            if movableSectionProperties.contains(i) {
                b.append(.movableSectionProperties(serialized(i...structure.matching[i])))
                i = structure.matching[i] + 1
                continue
            }
            if let tag = rawParagraphs[i] {
                b.append(.rawXML(tag: tag, rawPath(tag)))
                i = structure.matching[i] + 1
                continue
            }
            emitToken(i, stack: stack, state: &state, into: &b)
            i += 1
        }
    }

    private func rawPath(_ tag: Int) -> DataPath {
        if case .rawXML(let path) = parsed.kinds[tag] { return path }
        return DataPath([])
    }

    func emitToken(_ i: Int, stack: [Section], state: inout State, into b: inout InstructionBuilder) {
        if let slot = checkboxes[i] {
            switch (slot, tokens[i]) {
            case (.glyph(let path, let option, let on, let off), _):
                b.append(.contentControlCheckbox(path, option: option, part: .glyph(checked: on, unchecked: off)))
                return
            case (.checked(let path, let option), .empty(let e)), (.checked(let path, let option), .start(let e)):
                emitWithSlot(e, selfClosing: tokens[i].isEmptyElement, attribute: "w14:val",
                             .contentControlCheckbox(path, option: option, part: .checkedValue), into: &b)
                return
            default: break
            }
        }
        switch tokens[i] {
        case .start(let e):
            if e.name == "w:tbl" { state.tablesInsideSection += 1 }
            emitElement(e, selfClosing: false, token: i, stack: stack, state: &state, into: &b)
        case .empty(let e):
            emitElement(e, selfClosing: true, token: i, stack: stack, state: &state, into: &b)
        case .end(let name):
            if name == "w:tbl" { state.tablesInsideSection -= 1 }
            if name == "w:numPr" { state.ilvl = 0 }
            XMLSerializer.writeEndTag(name, into: &b.pending)
        case .text(let t):
            XMLSerializer.appendEscapedText(t, into: &b.pending)
        case .raw(let r):
            b.pending.append(contentsOf: r.utf8)
        case .tag(let n):
            switch parsed.kinds[n] {
            case .value(let path, let formatters):
                let split = Self.splitsParagraphs(parsed.kinds[n]) ? paragraphSplit(of: n, stack: stack, state: state, store: b.store) : nil
                b.append(.value(b.store.keep(ValueSlot(tag: n, path: path, formatters: formatters, split: split))))
            case .index: b.append(.index(tag: n))
            case .checkbox(let path, let option): b.append(.checkbox(tag: n, path, option: option))
            case .image(let path): b.append(.image(tag: n, path))
            case .rawXML, .sectionOpen, .sectionClose, .comment: break
            }
        }
    }

    private func emitElement(
        _ e: XMLElement, selfClosing: Bool, token: Int, stack: [Section], state: inout State, into b: inout InstructionBuilder
    ) {
        guard let innermost = stack.last else {
            XMLSerializer.writeStartTag(e, selfClosing: selfClosing, into: &b.pending)
            return
        }
        switch e.name {
        case "w:vMerge" where e[attribute: "w:val"] == "restart" && innermost.extent == .rows && state.tablesInsideSection == 0:
            var first = [UInt8](), other = [UInt8]()
            XMLSerializer.writeStartTag(e, selfClosing: selfClosing, into: &first)
            var continued = e
            continued[attribute: "w:val"] = nil
            XMLSerializer.writeStartTag(continued, selfClosing: selfClosing, into: &other)
            b.append(.firstCopyVariant(first: first, other: other))
        case "w:p" where e[attribute: "w14:paraId"] != nil, "w:tr" where e[attribute: "w14:paraId"] != nil:
            emitWithSlot(e, selfClosing: selfClosing, attribute: "w14:paraId", .uniqueID(.paragraph, original: e[attribute: "w14:paraId"]!), into: &b)
        case "wp:docPr" where e[attribute: "id"] != nil:
            emitWithSlot(e, selfClosing: selfClosing, attribute: "id", .uniqueID(.drawing, original: e[attribute: "id"]!), into: &b)
        case "w:bookmarkStart" where e[attribute: "w:id"] != nil:
            emitWithSlot(e, selfClosing: selfClosing, attribute: "w:id", .uniqueID(.bookmarkStart, original: e[attribute: "w:id"]!), into: &b)
        case "w:bookmarkEnd" where e[attribute: "w:id"] != nil:
            emitWithSlot(e, selfClosing: selfClosing, attribute: "w:id", .uniqueID(.bookmarkEnd, original: e[attribute: "w:id"]!), into: &b)
        case "w:ilvl":
            state.ilvl = Int(e[attribute: "w:val"] ?? "0") ?? 0
            XMLSerializer.writeStartTag(e, selfClosing: selfClosing, into: &b.pending)
        case "w:numId":
            if let id = e[attribute: "w:val"], let level = restartLevel(of: id, stack: stack) {
                emitWithSlot(e, selfClosing: selfClosing, attribute: "w:val", .numberingID(original: id, level: level, ilvl: state.ilvl), into: &b)
            } else {
                XMLSerializer.writeStartTag(e, selfClosing: selfClosing, into: &b.pending)
            }
        default:
            XMLSerializer.writeStartTag(e, selfClosing: selfClosing, into: &b.pending)
        }
    }

    /// The section whose copies restart list `id`: the innermost one that repeats more than one
    /// paragraph of the list (a loop over single list items continues the list).
    private func restartLevel(of id: String, stack: [Section]) -> Int? {
        guard id != "0" else { return nil }
        for (depth, section) in stack.enumerated().reversed() {
            let inside = numberings.filter { $0.id == id && section.inner.contains($0.token) }
            let nested = inside.filter { n in section.children.contains { $0.outer.contains(n.token) } }
            if inside.count >= 2 || !nested.isEmpty { return depth + 1 }
        }
        return nil
    }

    /// Writes a start tag with one attribute's value left to a slot.
    func emitWithSlot(_ e: XMLElement, selfClosing: Bool, attribute: String, _ slot: Instruction, into b: inout InstructionBuilder) {
        b.pending.append(0x3C)
        b.pending.append(contentsOf: e.name.utf8)
        for a in e.attributes {
            b.pending.append(0x20)
            b.pending.append(contentsOf: a.name.utf8)
            b.pending.append(contentsOf: "=\"".utf8)
            if a.name == attribute {
                b.append(slot)
            } else {
                XMLSerializer.appendEscapedAttribute(a.value, into: &b.pending)
            }
            b.pending.append(0x22)
        }
        b.pending.append(contentsOf: (selfClosing ? "/>" : ">").utf8)
    }
}

/// The literal bytes of one program, shared by the builders of its sections.
final class LiteralStore {
    var bytes: [UInt8] = []
    /// The slots and sections made for the program, which its instructions name unretained.
    var owned: [any AnyObject & Sendable] = []

    /// `object`, named unretained, kept alive with the program.
    func keep<Object: AnyObject & Sendable>(_ object: Object) -> Unmanaged<Object> {
        owned.append(object)
        return Unmanaged.passUnretained(object)
    }
}

/// Collects instructions, merging adjacent literal bytes.
struct InstructionBuilder {
    let store: LiteralStore
    var pending: [UInt8] = []
    private var instructions: [Instruction] = []
    /// Literal bytes appended by this builder's own instructions.
    private(set) var literalBytes = 0

    init(_ store: LiteralStore) { self.store = store }

    mutating func append(bytes: String) { pending.append(contentsOf: bytes.utf8) }

    mutating func append(_ instruction: Instruction) {
        flush()
        instructions.append(instruction)
    }

    private mutating func flush() {
        if !pending.isEmpty {
            let start = store.bytes.count
            store.bytes.append(contentsOf: pending)
            literalBytes += pending.count
            instructions.append(.literal(start..<store.bytes.count))
            pending = []
        }
    }

    mutating func finish() -> [Instruction] {
        flush()
        return instructions
    }
}
