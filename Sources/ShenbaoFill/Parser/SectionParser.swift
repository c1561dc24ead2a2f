import ShenbaoCore

/// A part's tags parsed into a tree: kinds decided by the features, sections matched and
/// expanded to the paragraphs or table rows they repeat.
struct ParsedPart: Sendable {
    var lexed: LexedPart
    var kinds: [TagKind]
    /// Top-level sections, in document order, each with its nested sections.
    var sections: [Section]
    var structure: TemplateStructure
}

/// Parses tags and matches sections, collecting every problem with its place.
struct SectionParser {
    private(set) var diagnostics: [Diagnostic] = []

    mutating func parse(_ part: LexedPart) -> ParsedPart {
        var kinds: [TagKind] = []
        for tag in part.tags {
            do {
                kinds.append(try TagFeatures.kind(of: tag.content))
            } catch {
                report(.badTag, tag, "\(error.message): \(tag.raw)")
                kinds.append(.comment)
            }
        }
        let structure = TemplateStructure(part)
        var open: [(tag: Int, path: DataPath, inverted: Bool, element: String?, children: [Section])] = [(-1, DataPath([]), false, nil, [])]
        for (n, kind) in kinds.enumerated() {
            switch kind {
            case .sectionOpen(let path, let inverted, let element):
                open.append((n, path, inverted, element, []))
            case .sectionClose(let path):
                guard open.count > 1 else {
                    report(.unopenedSection, part.tags[n], "\(part.tags[n].raw) closes no section")
                    continue
                }
                if let path, !open.dropFirst().contains(where: { $0.path == path }) {
                    report(.unopenedSection, part.tags[n], "\(part.tags[n].raw) closes no section")
                    continue
                }
                let top = open.removeLast()
                if let path, path != top.path {
                    report(.mismatchedSection, part.tags[n], "\(part.tags[n].raw) closes \(part.tags[top.tag].raw)")
                }
                if var section = expand(top.tag, n, top.path, top.inverted, top.element, part, structure) {
                    section.children = top.children
                    open[open.count - 1].children.append(section)
                }
            default: break
            }
        }
        for unclosed in open.dropFirst() {
            report(.unclosedSection, part.tags[unclosed.tag], "unclosed section \(part.tags[unclosed.tag].raw)")
        }
        let sections = Self.widenToTables(open[0].children, within: 0..<part.tokens.count)
        checkNesting(sections, within: 0..<part.tokens.count, part)
        return ParsedPart(lexed: part, kinds: kinds, sections: sections, structure: structure)
    }

    /// The extent of a section from where its tags stand.
    private mutating func expand(
        _ o: Int, _ c: Int, _ path: DataPath, _ inverted: Bool, _ element: String?, _ part: LexedPart, _ s: TemplateStructure
    ) -> Section? {
        let tokens = part.tokens
        let oTok = part.tags[o].token, cTok = part.tags[c].token
        let ao = s.ancestors[o], ac = s.ancestors[c]
        var common = 0
        while common < ao.count, common < ac.count, ao[common] == ac[common] { common += 1 }
        func section(_ extent: Section.Extent, _ outer: ClosedRange<Int>, _ inner: Range<Int>) -> Section {
            Section(openTag: o, closeTag: c, path: path, inverted: inverted, extent: extent, outer: outer, inner: inner)
        }
        // An explicit element (`{{-w:tr path}}`): from the open tag's element to the close tag's.
        if let element {
            guard let eo = s.innermost(element, of: o, in: tokens), let ec = s.innermost(element, of: c, in: tokens),
                let lo = ao.firstIndex(of: eo), let lc = ac.firstIndex(of: ec), lo == lc
            else {
                report(.misplacedSection, part.tags[o], "\(part.tags[o].raw) and \(part.tags[c].raw) are not both inside a \(element)")
                return nil
            }
            return section(.rows, eo...s.matching[ec], eo..<(s.matching[ec] + 1))
        }
        // Same paragraph: the tokens between the tags.
        if let po = s.innermost("w:p", of: o, in: tokens), po == s.innermost("w:p", of: c, in: tokens) {
            return section(.inline, oTok...cTok, (oTok + 1)..<cTok)
        }
        // The deepest shared table element decides between rows and paragraphs.
        let tableLevel = ao[..<common].lastIndex { ["w:tbl", "w:tr", "w:tc"].contains(tokens[$0].elementName ?? "") }
        if let level = tableLevel, tokens[ao[level]].elementName != "w:tc" {
            let rowO: Int, rowC: Int
            if tokens[ao[level]].elementName == "w:tr" {
                rowO = ao[level]
                rowC = ao[level]
            } else {
                guard level + 1 < ao.count, level + 1 < ac.count else { return nil }
                rowO = ao[level + 1]
                rowC = ac[level + 1]
            }
            let end = s.matching[rowC]
            var rows = section(.rows, rowO...end, rowO..<(end + 1))
            let table = tokens[ao[level]].elementName == "w:tbl" ? ao[level] : (level > 0 ? ao[level - 1] : nil)
            if let table, tokens[table].elementName == "w:tbl", Self.rowsOutside(rowO...end, of: table, tokens, s) == 0 {
                rows.wholeTable = table...s.matching[table]
            }
            return rows
        }
        let po = s.innermost("w:p", of: o, in: tokens), pc = s.innermost("w:p", of: c, in: tokens)
        if let po, let pc, s.tagAloneParagraphs.contains(po), s.tagAloneParagraphs.contains(pc),
            let lo = ao.firstIndex(of: po), let lc = ac.firstIndex(of: pc), lo == lc, lo == common
        {
            let poEnd = s.matching[po]
            // A tag paragraph that ends a document section stays (without its tag), or the
            // section break would go with it.
            let keepOpen = s.sectionEndingParagraphs.contains(po), keepClose = s.sectionEndingParagraphs.contains(pc)
            let lower = keepOpen ? poEnd + 1 : po, upper = keepClose ? pc - 1 : s.matching[pc]
            guard lower <= upper else { return nil }
            var section = section(.paragraphs, lower...upper, (poEnd + 1)..<pc)
            if common > 0, tokens[ao[common - 1]].elementName == "w:tc" {
                let cell = ao[common - 1]
                section.needsParagraphWhenEmpty = !Self.hasParagraph(tokens, s, in: (cell + 1)..<s.matching[cell], outside: section.outer)
            }
            return section
        }
        if ao.count == ac.count {
            return section(.inline, oTok...cTok, (oTok + 1)..<cTok)
        }
        report(.misplacedSection, part.tags[o], "\(part.tags[o].raw) and \(part.tags[c].raw) stand at different levels of the document (one in a table or text box, the other not): put both in one paragraph, each alone in its own paragraph, or in cells of the rows to repeat")
        return nil
    }

    /// Rows of `table` (its `w:tr` children) outside `range`.
    private static func rowsOutside(_ range: ClosedRange<Int>, of table: Int, _ tokens: [XMLToken], _ s: TemplateStructure) -> Int {
        var count = 0
        var i = table + 1
        while i < s.matching[table] {
            if case .start(let e) = tokens[i] {
                if e.name == "w:tr", !range.contains(i) { count += 1 }
                i = s.matching[i] + 1
                continue
            }
            i += 1
        }
        return count
    }

    /// Sections holding all rows of a table take the whole table, unless their parent repeats
    /// the same table's rows (then the outermost one does).
    private static func widenToTables(_ sections: [Section], within parent: Range<Int>) -> [Section] {
        sections.map { section in
            var s = section
            if let table = s.wholeTable, parent.lowerBound <= table.lowerBound, table.upperBound < parent.upperBound {
                s.outer = table
                s.dropsTableWhenEmpty = true
            }
            s.children = widenToTables(s.children, within: s.inner)
            return s
        }
    }

    private static func hasParagraph(_ tokens: [XMLToken], _ s: TemplateStructure, in range: Range<Int>, outside: ClosedRange<Int>) -> Bool {
        var i = range.lowerBound
        while i < range.upperBound {
            if outside.contains(i) { i = outside.upperBound + 1; continue }
            if case .start(let e) = tokens[i] {
                if e.name == "w:p" { return true }
                i = s.matching[i] + 1
                continue
            }
            if case .empty(let e) = tokens[i], e.name == "w:p" { return true }
            i += 1
        }
        return false
    }

    /// Sections must nest inside their parent's repeated tokens and not overlap their siblings.
    private mutating func checkNesting(_ sections: [Section], within range: Range<Int>, _ part: LexedPart) {
        var previousEnd = range.lowerBound - 1
        var previous: Section?
        for section in sections {
            if section.outer.lowerBound < range.lowerBound || section.outer.upperBound >= range.upperBound
                || section.outer.lowerBound <= previousEnd
            {
                let other = previous.map { part.tags[$0.openTag].raw } ?? "its enclosing section"
                report(.overlappingSections, part.tags[section.openTag], "section \(part.tags[section.openTag].raw) overlaps \(other): the rows or paragraphs they repeat cross")
            }
            checkNesting(section.children, within: section.inner, part)
            previousEnd = section.outer.upperBound
            previous = section
        }
    }

    private mutating func report(_ code: DiagnosticCode, _ tag: LexedTag, _ message: String) {
        diagnostics.append(.error(code, place: tag.place.description, message))
    }
}
