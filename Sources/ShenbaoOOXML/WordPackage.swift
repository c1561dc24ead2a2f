/// What every stage knows about a Word package, in one place: the main document part (found by
/// the package relationship `officeDocument`, confirmed by `[Content_Types].xml`), each part's
/// relationships, and part names resolved from relationship targets.
package enum WordPackage {
    package static let contentTypesPart = "[Content_Types].xml"
    package static let officeDocumentType = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
    /// Content types of a main document part (document, macro-enabled, templates).
    package static let mainDocumentTypes: Set<String> = [
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
        "application/vnd.ms-word.document.macroEnabled.main+xml",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",
        "application/vnd.ms-word.template.macroEnabledTemplate.main+xml",
    ]

    /// One relationship of a part: `type` is the full URI, `target` the part name it resolves to.
    package struct Relationship: Sendable, Equatable {
        package var id: String
        package var type: String
        package var target: String
        package var isExternal: Bool

        /// The type's last path segment (`header`, `customXml`, `officeDocument`).
        package var kind: String { String(type.split(separator: "/").last ?? "") }
    }

    /// The main document part (`word/document.xml` as a rule): the target of the package's
    /// `officeDocument` relationship when `[Content_Types].xml` gives it a main document type (or
    /// does not list it); else the part the content types call the main document; else
    /// `word/document.xml` when present; nil when the package has none.
    package static func mainDocumentPart(of archive: ZipArchive) -> String? {
        let overrides = contentTypeOverrides(archive)
        for r in relationships(of: "", in: archive) where r.kind == "officeDocument" && !r.isExternal {
            guard archive[r.target] != nil else { continue }
            if let type = overrides[r.target], !mainDocumentTypes.contains(type) { continue }
            return r.target
        }
        if let listed = archive.names.first(where: { overrides[$0].map(mainDocumentTypes.contains) == true }) { return listed }
        return archive["word/document.xml"] != nil ? "word/document.xml" : nil
    }

    /// Content types of the parts besides the main document that hold text a reader sees:
    /// headers, footers, footnotes, endnotes.
    package static let textPartTypes: Set<String> = [
        "application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.endnotes+xml",
    ]
    /// Relationship kinds from the main document to those parts.
    package static let textPartRelationships: Set<String> = ["header", "footer", "footnotes", "endnotes"]

    /// The parts that hold text, in the archive's order with `main` first: `main`, and every
    /// header, footer, footnotes and endnotes part that `[Content_Types].xml` declares or `main`
    /// relates to (shown on a page or not), when the package holds it. Fill fills these, so every
    /// stage that reads a filled document reads (or at least parses) the same ones.
    package static func textParts(of archive: ZipArchive, main: String) -> [String] {
        var names: Set<String> = [main]
        for (name, type) in contentTypeOverrides(archive) where textPartTypes.contains(type) { names.insert(name) }
        for rel in relationships(of: main, in: archive) where textPartRelationships.contains(rel.kind) && !rel.isExternal {
            names.insert(rel.target)
        }
        return [main] + archive.names.filter { names.contains($0) && $0 != main }
    }

    /// Content types by part name (without the leading `/`), from the `Override` entries.
    package static func contentTypeOverrides(_ archive: ZipArchive) -> [String: String] {
        guard let types = try? archive.xml(contentTypesPart) else { return [:] }
        var out: [String: String] = [:]
        for o in types.root.elements where o.localName == "Override" {
            if let name = o[attribute: "PartName"], let type = o[attribute: "ContentType"] { out[String(name.drop { $0 == "/" })] = type }
        }
        return out
    }

    /// The relationships of `part` (`""` for the package's own, `_rels/.rels`), in file order.
    package static func relationships(of part: String, in archive: ZipArchive) -> [Relationship] {
        guard let rels = try? archive.xml(relsName(of: part)) else { return [] }
        return rels.root.elements.filter { $0.localName == "Relationship" }.map { r in
            let external = r[attribute: "TargetMode"] == "External"
            let target = r[attribute: "Target"] ?? ""
            return Relationship(
                id: r[attribute: "Id"] ?? "", type: r[attribute: "Type"] ?? "",
                target: external ? target : resolve(target, from: part), isExternal: external)
        }
    }

    /// Internal relationship targets of `part` by id.
    package static func targets(of part: String, in archive: ZipArchive) -> [String: String] {
        var map: [String: String] = [:]
        for r in relationships(of: part, in: archive) where !r.isExternal { map[r.id] = r.target }
        return map
    }

    /// `word/document.xml` → `word/_rels/document.xml.rels`; `""` → `_rels/.rels`.
    package static func relsName(of part: String) -> String {
        if part.isEmpty { return "_rels/.rels" }
        let slash = part.lastIndex(of: "/")
        let dir = slash.map { String(part[...$0]) } ?? ""
        let file = slash.map { String(part[part.index(after: $0)...]) } ?? part
        return dir + "_rels/" + file + ".rels"
    }

    /// A relationship target relative to `part`'s folder, as a part name (`/x` from the root).
    package static func resolve(_ target: String, from part: String) -> String {
        var components = target.hasPrefix("/") ? [] : part.split(separator: "/").dropLast().map(String.init)
        for c in target.split(separator: "/") {
            if c == ".." { _ = components.popLast() } else if c != "." { components.append(String(c)) }
        }
        return components.joined(separator: "/")
    }
}
