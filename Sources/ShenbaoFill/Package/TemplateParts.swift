import ShenbaoOOXML

/// Finds the parts of a DOCX that hold text to fill: the main document, headers, footers,
/// footnotes and endnotes, through `WordPackage` (content types and the document's relationships).
enum TemplateParts {
    static let otherTypes: Set<String> = [
        "application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.endnotes+xml",
    ]
    static let relationshipTypes: Set<String> = ["header", "footer", "footnotes", "endnotes"]

    /// The main document part's name (`word/document.xml`), found as `WordPackage` finds it.
    /// - Throws: `FillError.missingMainPart` when `[Content_Types].xml` declares a main document
    ///   the package does not hold, `FillError.notADocument` when it has none at all.
    static func mainDocument(of archive: ZipArchive) throws -> String {
        if let main = WordPackage.mainDocumentPart(of: archive) { return main }
        let declared = WordPackage.contentTypeOverrides(archive).filter { WordPackage.mainDocumentTypes.contains($0.value) }
        if let part = declared.keys.sorted().first { throw FillError.missingMainPart(archive.path, part) }
        throw FillError.notADocument(archive.path)
    }

    /// Parts to fill, in the archive's order: the main document first.
    static func fillable(in archive: ZipArchive) throws -> [String] {
        let main = try mainDocument(of: archive)
        var names: Set<String> = [main]
        for (name, type) in WordPackage.contentTypeOverrides(archive) where otherTypes.contains(type) { names.insert(name) }
        for rel in WordPackage.relationships(of: main, in: archive) where relationshipTypes.contains(rel.kind) && !rel.isExternal {
            names.insert(rel.target)
        }
        return [main] + archive.names.filter { names.contains($0) && $0 != main }
    }
}
