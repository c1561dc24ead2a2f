import ShenbaoCore
import ShenbaoOOXML

/// Reads what the check compares out of a DOCX package: the body text with locations, the
/// header/footer lines shown on pages, anchored pictures, and the recorded data digest.
package enum DocxReader {
    /// Reads the DOCX at `path`.
    /// - Throws: `CheckError.unreadable` when it is not a readable DOCX.
    package static func read(contentsOf path: String) throws -> DocxText {
        try read(open(path))
    }

    /// Opens the package at `path`.
    /// - Throws: `CheckError.unreadable` when it is not a readable zip file.
    package static func open(_ path: String) throws -> ZipArchive {
        do {
            return try ZipArchive(contentsOf: path)
        } catch {
            var reason = "\(error)"
            if reason.hasPrefix(path + ": ") { reason.removeFirst(path.count + 2) }
            throw CheckError.unreadable(path: path, reason: reason)
        }
    }

    /// Reads an opened package.
    /// - Throws: `CheckError.unreadable` when `word/document.xml` is missing or not XML, or a
    ///   header, footer, footnotes or endnotes part is not XML, shown on a page or not (fill and
    ///   pdf refuse it too).
    package static func read(_ archive: ZipArchive) throws -> DocxText {
        guard let documentPart = WordPackage.mainDocumentPart(of: archive) else {
            throw CheckError.unreadable(path: archive.path, reason: CheckWording.notWord)
        }
        let document: XMLPart
        do {
            document = try archive.xml(documentPart)
        } catch {
            throw CheckError.unreadable(path: archive.path, reason: "\(error)")
        }
        let relationships = WordPackage.targets(of: documentPart, in: archive)
        var walker = PartWalker(part: documentPart, relationships: relationships, media: { archive[$0] })
        if let (part, notes) = try notes(archive, relationships: relationships, kind: "footnote") {
            walker.footnotesPart = part
            walker.footnotes = notes
        }
        if let (part, notes) = try notes(archive, relationships: relationships, kind: "endnote") {
            walker.endnotesPart = part
            walker.endnotes = notes
            walker.endnoteNumbers = NoteNumberFormat.endnotes(document: document.root, settings: try? archive.xml("word/settings.xml").root)
        }
        walker.walk(document.root)
        var text = walker.text

        for (part, type) in shownHeaderFooterParts(document.root, relationships: relationships, archive: archive) {
            guard archive[part] != nil else { continue }
            let xml: XMLPart
            do {
                xml = try archive.xml(part)
            } catch {
                throw CheckError.unreadable(path: archive.path, reason: "\(error)")
            }
            var headerWalker = PartWalker(part: part, relationships: WordPackage.targets(of: part, in: archive), media: { archive[$0] })
            headerWalker.walk(xml.root)
            let headerText = headerWalker.text
            for span in headerWalker.paragraphs where !span.hasNested && !span.range.isEmpty {
                let line = TextNormalizer.displayText(headerText.originals, span.range)
                var headerLine = HeaderFooterLine(part: part, paragraph: span.location.paragraph ?? 0, text: line)
                headerLine.pages = type
                text.headerFooterLines.append(headerLine)
            }
            text.seals += headerText.seals.map { var s = $0; s.streamRange = nil; return s }
        }
        // The text parts no page shows (a header no section references): fill and pdf refuse
        // one that is not XML, so the check does too rather than pass what they would not.
        let read = Set(shownHeaderFooterParts(document.root, relationships: relationships, archive: archive).map(\.0))
            .union([documentPart, walker.footnotesPart, walker.endnotesPart])
        for part in WordPackage.textParts(of: archive, main: documentPart) where !read.contains(part) {
            do {
                _ = try archive.xml(part)
            } catch {
                throw CheckError.unreadable(path: archive.path, reason: "\(error)")
            }
        }
        readDigests(archive, into: &text)
        return text
    }

    /// The footnotes or endnotes part (related to the document; `kind` is `footnote` or
    /// `endnote`) and its notes by `w:id`, without the separator and continuation notes.
    /// - Throws: `CheckError.unreadable` when the part is there but not XML.
    static func notes(_ archive: ZipArchive, relationships: [String: String], kind: String) throws -> (String, [String: XMLElement])? {
        let part = relationships.values.first { $0.hasSuffix("\(kind)s.xml") } ?? "word/\(kind)s.xml"
        guard archive[part] != nil else { return nil }
        let xml: XMLPart
        do {
            xml = try archive.xml(part)
        } catch {
            throw CheckError.unreadable(path: archive.path, reason: "\(error)")
        }
        var notes: [String: XMLElement] = [:]
        for note in xml.root.elements where note.localName == kind {
            guard let id = note[attribute: "w:id"], (note[attribute: "w:type"] ?? "normal") == "normal" else { continue }
            notes[id] = note
        }
        return (part, notes)
    }

    /// Header and footer parts LibreOffice shows: every section's default ones, first-page ones
    /// where the section has `w:titlePg`, even-page ones when settings turn them on.
    static func shownHeaderFooterParts(_ root: XMLElement, relationships: [String: String], archive: ZipArchive) -> [(String, HeaderFooterLine.Pages)] {
        var evenAndOdd = false
        if let settings = try? archive.xml("word/settings.xml") {
            evenAndOdd = settings.root.child("w:evenAndOddHeaders").map { !["0", "false"].contains($0[attribute: "w:val"] ?? "1") } ?? false
        }
        var parts: [(String, HeaderFooterLine.Pages)] = []
        root.forEachElement { e in
            guard e.name == "w:sectPr" else { return }
            let titlePage = e.child("w:titlePg").map { !["0", "false"].contains($0[attribute: "w:val"] ?? "1") } ?? false
            for reference in e.elements where reference.name == "w:headerReference" || reference.name == "w:footerReference" {
                let type = reference[attribute: "w:type"] ?? "default"
                guard type == "default" || (type == "first" && titlePage) || (type == "even" && evenAndOdd) else { continue }
                if let id = reference[attribute: "r:id"], let target = relationships[id], !parts.contains(where: { $0.0 == target }) {
                    parts.append((target, HeaderFooterLine.Pages(rawValue: type) ?? .default))
                }
            }
        }
        return parts
    }

    /// The `sb:data` part's recorded digest and the digest of its content; the keywords digest.
    static func readDigests(_ archive: ZipArchive, into text: inout DocxText) {
        if let part = try? EmbeddedDataPart.find(in: archive) {
            text.dataPart = part.part
            text.recordedDigest = part.recordedDigest.isEmpty ? nil : part.recordedDigest
            text.embeddedDataDigest = part.contentDigest
        }
        if let core = try? archive.xml("docProps/core.xml") {
            var keywords = ""
            core.root.forEachElement { if $0.localName == "keywords" { keywords += $0.textContent } }
            text.keywordsDigest = DigestKeyword.find(in: keywords)
        }
    }
}

/// The `shenbao-sha256:HEX` marker carried in document keywords and the PDF's /Keywords.
package enum DigestKeyword {
    /// How writers spell the marker: `shenbao-sha256:HEX`.
    package static let prefix = "shenbao-sha256:"

    /// The lowercase 64-digit hex after the marker in `keywords`, or nil. LibreOffice splits
    /// keywords at spaces and colons when it writes the PDF ("shenbao-sha256, HEX"), so any
    /// run of `:`, `,`, `;` and spaces may separate the marker from the digest.
    package static func find(in keywords: String) -> String? {
        guard let range = keywords.range(of: "shenbao-sha256") else { return nil }
        let hex = keywords[range.upperBound...].drop { ":,; ".contains($0) }.prefix { $0.isHexDigit }
        return hex.count == 64 ? hex.lowercased() : nil
    }
}
