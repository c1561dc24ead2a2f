import ShenbaoCore
import ShenbaoOOXML

/// Runs a template program over the data: appends literal bytes, fills slots, repeats sections.
/// Problems (missing values, bad values) are collected with the tag's place.
struct ProgramRenderer {
    let program: TemplateProgram
    let options: FillOptions
    let ids: IDAllocator
    /// Makes image drawings; nil when images are not available (tests of text alone).
    var images: (any ImagePlacing)?
    private(set) var diagnostics: [Diagnostic] = []
    private(set) var output: [UInt8] = []
    private var context: DataContext
    private var bookmarks: [String: String] = [:]
    private var lists: [String: String] = [:]
    private var reportedMissing: [Int: Int] = [:]
    /// Per tag, where its first key stood in the map it was found in last (`DataContext.lookup`).
    private var hints: [Int]
    /// Where in the output the last movable `w:sectPr` stands (see `ParagraphSplit`).
    private var movableSectionProperties: Range<Int>?

    /// The most missing-value errors reported for one tag; the rest are counted.
    static let missingReportsPerTag = 3

    init(program: TemplateProgram, data: DataValue, options: FillOptions, ids: IDAllocator, images: (any ImagePlacing)? = nil) {
        self.program = program
        self.options = options
        self.ids = ids
        self.images = images
        self.context = DataContext(root: data)
        self.hints = Array(repeating: 0, count: program.tags.count)
    }

    mutating func render() -> [UInt8] {
        output.reserveCapacity(program.literals.count + 4096)
        let literals = program.literals
        literals.withUnsafeBufferPointer { base in run(program.instructions, base) }
        for (tag, count) in reportedMissing.sorted(by: { $0.key < $1.key }) where count > Self.missingReportsPerTag {
            let t = program.tags[tag]
            diagnostics.append(.error(.missingValue, place: t.place.description, "\(t.raw): 另有 \(count - Self.missingReportsPerTag) 项没有值"))
        }
        return output
    }

    private mutating func run(_ instructions: [Instruction], _ literals: UnsafeBufferPointer<UInt8>) {
        for instruction in instructions {
            switch instruction {
            case .literal(let range): output.append(contentsOf: UnsafeBufferPointer(rebasing: literals[range]))
            case .value(let slot): slot._withUnsafeGuaranteedRef { renderValue($0.tag, $0.path, $0.formatters, $0.split, literals) }
            case .movableSectionProperties(let bytes):
                movableSectionProperties = output.count..<(output.count + bytes.count)
                output.append(contentsOf: bytes)
            case .section(let section): section._withUnsafeGuaranteedRef { renderSection($0, literals) }
            case .index(let tag):
                if let loop = context.innermostLoop {
                    output.append(contentsOf: String(loop.index + 1).utf8)
                } else {
                    report(.indexOutsideLoop, tag, "\(program.tags[tag].raw) 不在任何循环中")
                }
            case .checkbox(let tag, let path, let option): renderCheckbox(tag, path, option)
            case .contentControlCheckbox(let path, let option, let part):
                let checked = isChecked(context.lookup(path).value, option)
                switch part {
                case .glyph(let on, let off):
                    XMLSerializer.appendEscapedText(checked ? on ?? options.checkedGlyph : off ?? options.uncheckedGlyph, into: &output)
                case .checkedValue: output.append(checked ? 0x31 : 0x30)
                }
            case .rawXML(let tag, let path): renderRawXML(tag, path)
            case .image(let tag, let path): renderImage(tag, path)
            case .firstCopyVariant(let first, let other):
                output.append(contentsOf: context.top.index == 0 ? first : other)
            case .uniqueID(let kind, let original): renderID(kind, original)
            case .numberingID(let original, let level, let ilvl):
                let indices = context.frames[1...level].map(\.index)
                if indices.allSatisfy({ $0 == 0 }) {
                    output.append(contentsOf: original.utf8)
                } else {
                    let key = original + "|" + indices.map(String.init).joined(separator: ",")
                    let id = lists[key] ?? ids.list(basedOn: original, ilvl: ilvl)
                    lists[key] = id
                    output.append(contentsOf: id.utf8)
                }
            }
        }
    }

    private mutating func renderValue(
        _ tag: Int, _ path: DataPath, _ formatters: [FormatterCall], _ split: ParagraphSplit?, _ literals: UnsafeBufferPointer<UInt8>
    ) {
        let (value, frame) = context.lookup(path, hint: &hints[tag])
        var label: String { context.label(path, in: frame) }
        var text: String?
        if let value {
            switch value.kind {
            case .list, .map:
                report(.notText, tag, "\(program.tags[tag].raw): \(label) 是\(value.list != nil ? "列表" : "映射")，不是文字；请用区块 \(sectionHint(path))", value: value, label: label)
                return
            case .null: text = nil
            default: text = value.text
            }
        }
        if text == nil, !options.defaults.isEmpty { text = options.defaults[label.replacingIndices] ?? options.defaults[path.description] }
        if !formatters.isEmpty {
            do {
                text = try ValueFormatters.apply(formatters, to: text)
            } catch {
                report(.badValue, tag, "\(program.tags[tag].raw): \(label): \(error.message)", value: value, label: label)
                return
            }
        }
        guard let text else {
            if !options.allowMissing { reportMissing(tag, label) }
            return
        }
        guard let split else {
            RunText.append(text, into: &output)
            return
        }
        for (k, line) in ParagraphSplit.lines(of: text).enumerated() {
            if k > 0 {
                if split.movesSectionProperties, let moved = movableSectionProperties {
                    output.removeSubrange(moved)
                    movableSectionProperties = nil
                }
                run(split.instructions, literals)
            }
            RunText.append(String(line), into: &output)
        }
    }

    private func sectionHint(_ path: DataPath) -> String {
        let t = program.tags.first?.raw ?? "{{"
        let open = t.hasPrefix("{{") ? "{{" : String(t.prefix(1))
        let close = open == "{{" ? "}}" : "}"
        return "\(open)#\(path)\(close)…\(open)/\(path)\(close)"
    }

    private mutating func renderSection(_ section: SectionProgram, _ literals: UnsafeBufferPointer<UInt8>) {
        let (value, frame) = section.openTag < hints.count ? context.lookup(section.path, hint: &hints[section.openTag]) : context.lookup(section.path)
        let truthy = value?.isTruthy ?? false
        guard truthy != section.inverted else {
            output.append(contentsOf: section.whenEmpty)
            return
        }
        run(section.prefix, literals)
        if section.inverted {
            var frame = context.top
            frame.index = 0
            frame.isLoop = false
            context.push(frame)
            run(section.body, literals)
            context.pop()
        } else if let value, let items = value.list {
            let label = context.label(section.path, in: frame)
            let needed = output.count + items.count * (section.literalBytesPerItem + 64)
            if needed > output.capacity { output.reserveCapacity(max(needed, output.capacity * 2)) }
            let start = output.count
            for (k, item) in items.enumerated() {
                if k == 1 {
                    // The first item shows what one costs: room for the rest (and a quarter more)
                    // now, instead of the copies growth by doubling makes. Room not written is not memory used.
                    let perItem = output.count - start
                    let needed = output.count + perItem * (items.count - 1) * 5 / 4
                    if needed > output.capacity { output.reserveCapacity(max(needed, output.capacity * 2)) }
                    // The kernel zeroes the pages the rest will fill on the other core meanwhile.
                    Prefault.inBackground(&output, from: output.count, to: output.count + perItem * (items.count - 1))
                }
                context.push(.init(value: item, path: label, index: k, isLoop: true))
                run(section.body, literals)
                context.pop()
            }
        } else if let value {
            context.push(.init(value: value, path: context.label(section.path, in: frame), index: 0, isLoop: false))
            run(section.body, literals)
            context.pop()
        }
        run(section.suffix, literals)
    }

    private mutating func renderCheckbox(_ tag: Int, _ path: DataPath, _ option: String) {
        let (value, frame) = context.lookup(path, hint: &hints[tag])
        let label = context.label(path, in: frame)
        if value == nil && !options.allowMissing {
            reportMissing(tag, label)
        }
        XMLSerializer.appendEscapedText(isChecked(value, option) ? options.checkedGlyph : options.uncheckedGlyph, into: &output)
    }

    private func isChecked(_ value: DataValue?, _ option: String) -> Bool {
        guard let value else { return false }
        if let items = value.list { return items.contains { $0.text == option } }
        if case .bool(let b) = value.kind { return b == ["是", "true", "yes", "有"].contains(option) }
        return value.text == option
    }

    private mutating func renderRawXML(_ tag: Int, _ path: DataPath) {
        let (value, frame) = context.lookup(path)
        let label = context.label(path, in: frame)
        guard let value, !value.isNull else { return }
        guard case .string(let xml) = value.kind else {
            report(.notXml, tag, "\(program.tags[tag].raw): \(label) 应为 WordprocessingML 文字", value: value, label: label)
            return
        }
        output.append(contentsOf: xml.utf8)
    }

    private mutating func renderImage(_ tag: Int, _ path: DataPath) {
        let (value, frame) = context.lookup(path)
        let label = context.label(path, in: frame)
        guard let value, !value.isNull else {
            if !options.allowMissing { reportMissing(tag, label) }
            return
        }
        guard let images else {
            report(.imageUnavailable, tag, "\(program.tags[tag].raw): 这里不能放图片")
            return
        }
        do {
            let xml = try images.drawing(for: value, key: path.components.last ?? "", label: label.replacingIndices, part: program.part, ids: ids)
            output.append(contentsOf: xml)
        } catch {
            report(.badImage, tag, "\(program.tags[tag].raw): \(label): \(error)", value: value, label: label)
        }
    }

    private mutating func renderID(_ kind: UniqueIDKind, _ original: String) {
        let copying = context.copyDepth > 0
        switch kind {
        case .drawing:
            output.append(contentsOf: (copying ? ids.drawing() : original).utf8)
        case .paragraph:
            output.append(contentsOf: (copying ? ids.paragraph() : original).utf8)
        case .addedParagraph:
            output.append(contentsOf: ids.paragraph().utf8)
        case .bookmarkStart:
            let id = copying ? ids.bookmark() : original
            bookmarks[original] = id
            output.append(contentsOf: id.utf8)
        case .bookmarkEnd:
            output.append(contentsOf: (bookmarks[original] ?? original).utf8)
        }
    }

    /// Reports a missing value, unless the spec lets the data leave this field out.
    private mutating func reportMissing(_ tag: Int, _ label: String) {
        if !options.optionalFields.isEmpty, let step = context.firstMissingStep(label), options.optionalFields.contains(step) { return }
        let count = reportedMissing[tag, default: 0] + 1
        reportedMissing[tag] = count
        guard count <= Self.missingReportsPerTag else { return }
        let fieldLabel = options.labels.isEmpty ? nil : options.labels[label.replacingIndices]
        diagnostics.append(.error(.missingValue, place: program.tags[tag].place.description, label: fieldLabel,
                                  "\(program.tags[tag].raw) 没有值：数据中缺少「\(label)」"))
    }

    /// Reports at the tag's place and, when the problem is a value, at the data file's line and
    /// column where the value came from, named by the spec's label.
    private mutating func report(_ code: DiagnosticCode, _ tag: Int, _ message: String, value: DataValue? = nil, label: String? = nil) {
        let fieldLabel = label.flatMap { options.labels[$0.replacingIndices] }
        diagnostics.append(.error(code, at: value?.location, place: program.tags[tag].place.description, label: fieldLabel, message))
    }
}

extension String {
    /// `人员[2].性别` → `人员.性别`: the spec key of a data path.
    var replacingIndices: String {
        var out = ""
        var skipping = false
        for c in self {
            if c == "[" { skipping = true } else if c == "]" { skipping = false } else if !skipping { out.append(c) }
        }
        return out
    }
}
