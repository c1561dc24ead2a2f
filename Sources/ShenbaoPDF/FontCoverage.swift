import ShenbaoCore
import ShenbaoOOXML

/// Finds characters that no installed font can draw, before LibreOffice silently prints them as
/// empty boxes (`pdftotext` would still return them, so the check stage cannot see this).
package enum FontCoverage {
    /// The parts whose text is printed: the body, headers, footers, footnotes and endnotes.
    static func printedParts(of docx: ZipArchive) -> [String] {
        let headersAndFooters = docx.names.filter {
            ($0.hasPrefix("word/header") || $0.hasPrefix("word/footer")) && $0.hasSuffix(".xml") && !$0.contains("/_rels/")
        }.sorted { $0.localizedStandardCompare($1) == .orderedAscending }
        return ["word/document.xml"] + headersAndFooters
            + ["word/footnotes.xml", "word/endnotes.xml"].filter { docx[$0] != nil }
    }

    /// Checks every character of the printed text (`w:t` in every printed part) against the
    /// installed fonts.
    ///
    /// - Returns: one error per uncovered character and location (`DocxLocation`), naming the character as
    ///   `U+XXXX「c」` and its place as `word/document.xml, paragraph 12`; an error for a part
    ///   that is not well-formed XML.
    /// - Throws: `PDFSetupError.fontconfigMissing` when installed fonts cannot be listed.
    package static func check(docx: ZipArchive) throws -> [Diagnostic] {
        check(docx: docx, coverage: try InstalledFonts.system().coverage)
    }

    /// Checks the printed text against `coverage` (see `check(docx:)`).
    package static func check(docx: ZipArchive, coverage: CharacterSet21) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let file = SourceLocation.file(docx.path)
        for part in printedParts(of: docx) {
            let root: XMLElement
            do {
                root = try docx.xml(part).root
            } catch {
                diagnostics.append(.error(.unreadablePart, at: file, place: part, "\(error)"))
                continue
            }
            var places = DocxLocationTracker(part: part)
            var reported: [DocxLocation: Set<Unicode.Scalar>] = [:]
            visit(root, &places) { text, location in
                let scalars = Array(text.unicodeScalars)
                for (offset, scalar) in scalars.enumerated() where !isLayoutCharacter(scalar) && !coverage.contains(scalar) {
                    guard reported[location, default: []].insert(scalar).inserted else { continue }
                    diagnostics.append(
                        .error(
                            .uncoveredCharacter, at: file, place: location.description,
                            PDFWording.uncovered(describe(scalar), excerpt: excerpt(scalars, around: offset))))
                }
            }
        }
        return diagnostics
    }

    /// `U+4E00「一」`.
    package static func describe(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "U+\(String(repeating: "0", count: max(0, 4 - hex.count)))\(hex)「\(Character(scalar))」"
    }

    /// A few characters either side of `offset`, quoted, so the place can be found in Word.
    static func excerpt(_ scalars: [Unicode.Scalar], around offset: Int) -> String {
        let start = max(0, offset - 10)
        let end = min(scalars.count, offset + 6)
        var text = String(String.UnicodeScalarView(scalars[start..<end]))
        if start > 0 { text = "…" + text }
        if end < scalars.count { text += "…" }
        return "“\(text)”"
    }

    /// Controls and format characters take no glyph, so fonts need not cover them.
    private static func isLayoutCharacter(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || scalar.properties.generalCategory == .format
            || (0xFE00...0xFE0F).contains(scalar.value)
    }

    /// Calls `body` with the text of each paragraph from its own runs' `w:t`, and its location
    /// (`DocxLocationTracker`: paragraphs in tables and text boxes are visited on their own). The
    /// VML copy of a text box (`mc:Fallback`) repeats the DrawingML one and is skipped.
    private static func visit(_ element: XMLElement, _ places: inout DocxLocationTracker, _ body: (String, DocxLocation) -> Void) {
        for case .element(let child) in element.children where child.name != "mc:Fallback" {
            places.enter(child.name)
            if child.name == "w:p" {
                let location = places.current
                var text = ""
                collectText(child, into: &text, &places, body)
                body(text, location)
            } else {
                visit(child, &places, body)
            }
            places.leave(child.name)
        }
    }

    private static func collectText(
        _ element: XMLElement, into text: inout String, _ places: inout DocxLocationTracker, _ body: (String, DocxLocation) -> Void
    ) {
        for case .element(let child) in element.children where child.name != "mc:Fallback" {
            switch child.name {
            case "w:t": text += child.textContent
            case "w:p", "w:txbxContent": visit(XMLElement("group", children: [.element(child)]), &places, body)
            default:
                places.enter(child.name)
                collectText(child, into: &text, &places, body)
                places.leave(child.name)
            }
        }
    }
}
