import Foundation
import ShenbaoCore
import ShenbaoOOXML

/// Fills a DOCX template with application data: the fill stage's facade.
///
/// ```swift
/// let filler = try TemplateFiller(template: ZipArchive(contentsOf: "template.docx"))
/// let filled = try filler.fill(with: DataFile.load("申报数据.yaml"), dataDirectory: ".")
/// try filled.write(to: "out.docx")
/// ```
/// The template is compiled once (`init`) and can fill many data files. Parts without tags are
/// copied byte for byte; the same inputs give byte-identical output.
public struct TemplateFiller: Sendable {
    public let template: ZipArchive
    public private(set) var options: FillOptions
    /// The parts that hold tags, compiled.
    let programs: [TemplateProgram]
    /// Tag trees of every part with tags, for `TemplateTags`.
    let parsedParts: [ParsedPart]
    private let maxIDs: (drawing: Int, bookmark: Int)
    /// Word's `w14:paraId`s in the template, which copies must not reuse.
    private let paragraphIDs: Set<UInt32>

    /// Lexes, parses and compiles every part of `template` that holds text.
    /// - Throws: `DiagnosticsError` listing every malformed tag or section of every part, each
    ///   with its place (`word/document.xml, table 2, row 3, cell 4`), or saying that the template
    ///   holds no tag at all (`template-no-tags`: it would fill into a blank form); `FillError` or
    ///   `XMLError` when the file is not a readable Word document (no main document part).
    public init(template: ZipArchive, options: FillOptions = FillOptions()) throws {
        self.template = template
        self.options = options
        var diagnostics: [Diagnostic] = []
        var programs: [TemplateProgram] = []
        var parsedParts: [ParsedPart] = []
        var maxDrawing = 0, maxBookmark = 0
        var paragraphIDs: Set<UInt32> = []
        for name in try TemplateParts.fillable(in: template) {
            guard let bytes = template[name] else { continue }
            let part = try XMLParser.parse(bytes, part: name)
            let tokens = XMLFlattener.tokens(of: part.root)
            Self.scanIDs(tokens, drawing: &maxDrawing, bookmark: &maxBookmark, paragraphs: &paragraphIDs)
            guard Self.mayHoldTags(bytes, options.delimiters) else { continue }
            var lexer = TagLexer(part: name, delimiters: options.delimiters)
            let lexed = lexer.lex(tokens)
            diagnostics += lexer.diagnostics
            let checkboxes = ContentControlCheckboxes.find(in: lexed.tokens)
            guard !lexed.tags.isEmpty || !checkboxes.isEmpty else { continue }
            var parser = SectionParser()
            let parsed = parser.parse(lexed)
            diagnostics += parser.diagnostics
            diagnostics += CheckboxOptionCheck.check(parsed, controls: checkboxes, options: options)
            parsedParts.append(parsed)
            programs.append(ProgramCompiler(parsed, checkboxes: checkboxes).compile(standalone: part.standalone))
        }
        if programs.isEmpty && !diagnostics.hasErrors { diagnostics.append(.templateWithoutTags(template.path, delimiters: options.delimiters)) }
        if diagnostics.hasErrors { throw DiagnosticsError(diagnostics) }
        self.programs = programs
        self.parsedParts = parsedParts
        self.maxIDs = (maxDrawing, maxBookmark)
        self.paragraphIDs = paragraphIDs
    }

    /// The same compiled template, embedding `formID` as the form its filled documents are of.
    public func naming(formID: String?) -> TemplateFiller {
        var named = self
        named.options.formID = formID
        return named
    }

    /// Fills the template with `data`. `dataDirectory` is where image paths in the data are
    /// relative to (the data file's folder).
    /// - Throws: `DiagnosticsError` with every missing or unusable value, each naming the data
    ///   path and the place in the template.
    public func fill(with data: DataValue, dataDirectory: String? = nil) throws -> ZipArchive {
        var output = template
        // The data's canonical JSON and digest do not depend on the rendering: made on another core meanwhile.
        let embedded = options.embedData ? BackgroundWork { EmbeddedData.payload(of: data) } : nil
        let numbering = try NumberingParts(archive: template)
        let ids = IDAllocator(maxDrawing: maxIDs.drawing, maxBookmark: maxIDs.bookmark, maxNum: numbering.maxNumID, paragraphIDs: paragraphIDs)
        let images = ImageStore(archive: template, dataDirectory: dataDirectory, options: options)
        var diagnostics: [Diagnostic] = []
        for program in programs {
            var renderer = ProgramRenderer(program: program, data: data, options: options, ids: ids, images: images)
            let bytes = renderer.render()
            diagnostics += renderer.diagnostics
            output[program.part] = bytes
        }
        if diagnostics.hasErrors { throw DiagnosticsError(diagnostics) }
        try numbering.addLists(ids.newLists, to: &output)
        try images.write(into: &output)
        if let embedded { try EmbeddedData.embed(embedded.value, form: options.formID, into: &output) }
        return output
    }

    /// Whether a part's bytes can hold a tag or a checkbox content control at all.
    private static func mayHoldTags(_ bytes: [UInt8], _ delimiters: Delimiters) -> Bool {
        guard let first = delimiters.open.utf8.first else { return false }
        if bytes.contains(first) { return true }
        return ContentControlCheckboxes.mayContain(bytes)
    }

    private static func scanIDs(_ tokens: [XMLToken], drawing: inout Int, bookmark: inout Int, paragraphs: inout Set<UInt32>) {
        for token in tokens {
            let e: XMLElement
            switch token {
            case .start(let element), .empty(let element): e = element
            default: continue
            }
            switch e.name {
            case "wp:docPr":
                if let id = e[attribute: "id"].flatMap({ Int($0) }) { drawing = max(drawing, id) }
            case "w:bookmarkStart", "w:bookmarkEnd":
                if let id = e[attribute: "w:id"].flatMap({ Int($0) }) { bookmark = max(bookmark, id) }
            case "w:p", "w:tr":
                if let id = e[attribute: "w14:paraId"].flatMap({ UInt32($0, radix: 16) }) { paragraphs.insert(id) }
            default: break
            }
        }
    }
}
