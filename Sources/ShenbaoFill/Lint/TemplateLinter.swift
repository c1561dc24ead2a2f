import ShenbaoCore
import ShenbaoData
import ShenbaoOOXML

/// Checks a template against its form spec before anyone fills it: every tag parses and every
/// section closes, every tag names a field of the form, every required field has a tag, every
/// checkbox option is one of its field's options, and images stand only where an image can go.
///
/// ```swift
/// let problems = try TemplateLinter.lint(ZipArchive(contentsOf: path), path: path, spec: spec)
/// ```
/// Diagnostics carry the template's path as their location and the part, paragraph or table cell
/// as their place: `word/document.xml, table 1, row 2, cell 2: error: {{主申报单位名}}: …`.
public enum TemplateLinter {
    /// Every problem of the template, unsorted.
    /// - Parameters:
    ///   - path: the template's file path, put in each diagnostic's location.
    ///   - spec: the form the template prints; nil checks the tags' syntax and image places only.
    /// - Throws: `FillError` or `XMLError` when the file is not a readable Word document.
    public static func lint(
        _ template: ZipArchive, path: String, spec: FormSpec?, delimiters: Delimiters = .mustache
    ) throws -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var parts: [ParsedPart] = []
        var checkboxes: [(part: String, places: [(DocxLocation, ContentControlCheckboxes.Slot)])] = []
        for name in try TemplateParts.fillable(in: template) {
            guard let bytes = template[name] else { continue }
            let part = try XMLParser.parse(bytes, part: name)
            var lexer = TagLexer(part: name, delimiters: delimiters)
            let lexed = lexer.lex(XMLFlattener.tokens(of: part.root))
            diagnostics += lexer.diagnostics
            let slots = ContentControlCheckboxes.find(in: lexed.tokens)
            if !slots.isEmpty { checkboxes.append((name, Self.places(of: slots, in: lexed.tokens, part: name))) }
            guard !lexed.tags.isEmpty else { continue }
            var parser = SectionParser()
            parts.append(parser.parse(lexed))
            diagnostics += parser.diagnostics
        }
        if parts.isEmpty && checkboxes.isEmpty && !diagnostics.hasErrors {
            diagnostics.append(.templateWithoutTags(path, delimiters: delimiters))
        }
        for part in parts { diagnostics += ImagePlacement.check(part) }
        if let spec {
            var usage = FieldUsage(spec: spec)
            for part in parts { usage.walk(part) }
            for (_, slots) in checkboxes {
                for (place, slot) in slots { usage.contentControl(slot, at: place) }
            }
            diagnostics += usage.diagnostics + usage.missingRequired()
        }
        return diagnostics.map { d in
            var d = d
            d.location = .file(path)
            return d
        }
    }

    /// The place of each checkbox control's `w14:checked` slot (its glyph slot says the same).
    private static func places(
        of slots: [Int: ContentControlCheckboxes.Slot], in tokens: [XMLToken], part: String
    ) -> [(DocxLocation, ContentControlCheckboxes.Slot)] {
        var tracker = DocxLocationTracker(part: part)
        var out: [(DocxLocation, ContentControlCheckboxes.Slot)] = []
        for (i, token) in tokens.enumerated() {
            tracker.follow(token)
            if let slot = slots[i], case .checked = slot { out.append((tracker.current, slot)) }
        }
        return out
    }
}

/// Image tags inside a text box or a content control: the fill stage anchors a picture in the
/// run of its tag, and Word cannot hold a drawing inside a text box's drawing, nor keeps one in a
/// plain-text content control.
enum ImagePlacement {
    static func check(_ part: ParsedPart) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for (n, kind) in part.kinds.enumerated() {
            guard case .image = kind else { continue }
            let tag = part.lexed.tags[n]
            let enclosing = part.structure.ancestors[n].compactMap { part.lexed.tokens[$0].elementName }
            if enclosing.contains("w:txbxContent") {
                out.append(.error(.imageInTextBox, place: tag.place.description,
                    "\(tag.raw) 位于文本框中，那里不能放图片：请移到正文或表格单元格中"))
            } else if enclosing.contains("w:sdtContent") {
                out.append(.error(.imageInContentControl, place: tag.place.description,
                    "\(tag.raw) 位于内容控件中，那里不能放图片：请移出内容控件"))
            }
        }
        return out
    }
}
