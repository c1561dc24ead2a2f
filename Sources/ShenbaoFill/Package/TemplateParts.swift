import ShenbaoOOXML

/// Finds the parts of a DOCX that hold text to fill: the main document, headers, footers,
/// footnotes and endnotes, as `WordPackage.textParts` lists them.
enum TemplateParts {
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
        WordPackage.textParts(of: archive, main: try mainDocument(of: archive))
    }
}
