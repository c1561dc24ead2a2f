import ShenbaoOOXML

/// Finds the parts of a DOCX that hold text to fill: the main document, headers, footers,
/// footnotes and endnotes, through `[Content_Types].xml` and the document's relationships.
enum TemplateParts {
    static let mainDocumentTypes: Set<String> = [
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
        "application/vnd.ms-word.document.macroEnabled.main+xml",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",
        "application/vnd.ms-word.template.macroEnabledTemplate.main+xml",
    ]
    static let otherTypes: Set<String> = [
        "application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.endnotes+xml",
    ]
    static let relationshipTypes: Set<String> = ["header", "footer", "footnotes", "endnotes"]

    /// The main document part's name (`word/document.xml`): the part `[Content_Types].xml`
    /// declares as a main document, else `word/document.xml`.
    /// - Throws: `FillError.missingMainPart` when the declared part is not in the package,
    ///   `FillError.notADocument` when none is declared and there is no `word/document.xml`.
    static func mainDocument(of archive: ZipArchive) throws -> String {
        if let types = try? archive.xml("[Content_Types].xml") {
            for o in types.root.elements where o.localName == "Override" {
                if let name = o[attribute: "PartName"], let type = o[attribute: "ContentType"], mainDocumentTypes.contains(type) {
                    let part = String(name.drop { $0 == "/" })
                    guard archive[part] != nil else { throw FillError.missingMainPart(archive.path, part) }
                    return part
                }
            }
        }
        if archive["word/document.xml"] != nil { return "word/document.xml" }
        throw FillError.notADocument(archive.path)
    }

    /// Parts to fill, in the archive's order: the main document first.
    static func fillable(in archive: ZipArchive) throws -> [String] {
        let main = try mainDocument(of: archive)
        var names: Set<String> = [main]
        if let types = try? archive.xml("[Content_Types].xml") {
            for o in types.root.elements where o.localName == "Override" {
                if let name = o[attribute: "PartName"], let type = o[attribute: "ContentType"], otherTypes.contains(type) {
                    names.insert(String(name.drop { $0 == "/" }))
                }
            }
        }
        for rel in relationships(of: main, in: archive) where relationshipTypes.contains(rel.type) && !rel.external {
            names.insert(resolve(rel.target, from: main))
        }
        return [main] + archive.names.filter { names.contains($0) && $0 != main }
    }

    struct Relationship {
        var id: String
        var type: String
        var target: String
        var external: Bool
    }

    /// The relationships of `part` (from `dir/_rels/name.rels`), type given by its last path segment.
    static func relationships(of part: String, in archive: ZipArchive) -> [Relationship] {
        guard let rels = try? archive.xml(relsName(of: part)) else { return [] }
        return rels.root.elements.filter { $0.localName == "Relationship" }.map { r in
            Relationship(
                id: r[attribute: "Id"] ?? "", type: String((r[attribute: "Type"] ?? "").split(separator: "/").last ?? ""),
                target: r[attribute: "Target"] ?? "", external: r[attribute: "TargetMode"] == "External")
        }
    }

    /// `word/document.xml` → `word/_rels/document.xml.rels`.
    static func relsName(of part: String) -> String {
        let slash = part.lastIndex(of: "/")
        let dir = slash.map { String(part[...$0]) } ?? ""
        let file = slash.map { String(part[part.index(after: $0)...]) } ?? part
        return dir + "_rels/" + file + ".rels"
    }

    /// A relationship target relative to `part`'s folder, as a part name.
    static func resolve(_ target: String, from part: String) -> String {
        if target.hasPrefix("/") { return String(target.dropFirst()) }
        var components = part.split(separator: "/").dropLast().map(String.init)
        for c in target.split(separator: "/") {
            if c == ".." { if !components.isEmpty { components.removeLast() } } else if c != "." { components.append(String(c)) }
        }
        return components.joined(separator: "/")
    }
}
