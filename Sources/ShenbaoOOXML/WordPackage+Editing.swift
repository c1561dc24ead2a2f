/// Small edits to a package's plumbing: relationships and content types.
extension WordPackage {
    static let contentTypes = WordPackage.contentTypesPart

    /// Adds a relationship from `part` (`""` for the package) unless one with the same type and
    /// target exists; returns its id.
    @discardableResult
    package static func addRelationship(from part: String, id wanted: String? = nil, type: String, target: String, in archive: inout ZipArchive) throws -> String {
        let name = relsName(of: part)
        var rels = try archive[name].map { try XMLParser.parse($0, part: name) }
            ?? XMLPart(root: XMLElement("Relationships", attributes: [XMLAttribute("xmlns", "http://schemas.openxmlformats.org/package/2006/relationships")]))
        let existing = rels.root.elements.filter { $0.localName == "Relationship" }
        if wanted == nil, let same = existing.first(where: { $0[attribute: "Type"] == type && $0[attribute: "Target"] == target }) {
            return same[attribute: "Id"] ?? ""
        }
        let ids = Set(existing.compactMap { $0[attribute: "Id"] })
        var n = existing.count + 1
        while ids.contains("rId\(n)") { n += 1 }
        let id = wanted ?? "rId\(n)"
        rels.root.children.append(.element(XMLElement("Relationship", attributes: [
            XMLAttribute("Id", id), XMLAttribute("Type", type), XMLAttribute("Target", target),
        ])))
        archive.setXML(name, rels)
        return id
    }

    package static func addOverride(_ partName: String, type: String, in archive: inout ZipArchive) throws {
        var types = try archive.xml(contentTypes)
        if types.root.elements.contains(where: { $0.localName == "Override" && $0[attribute: "PartName"] == partName }) { return }
        types.root.children.append(.element(XMLElement("Override", attributes: [XMLAttribute("PartName", partName), XMLAttribute("ContentType", type)])))
        archive.setXML(contentTypes, types)
    }

    package static func ensureDefault(_ ext: String, type: String, in archive: inout ZipArchive) throws {
        var types = try archive.xml(contentTypes)
        if types.root.elements.contains(where: { $0.localName == "Default" && $0[attribute: "Extension"]?.lowercased() == ext }) { return }
        types.root.children.insert(.element(XMLElement("Default", attributes: [XMLAttribute("Extension", ext), XMLAttribute("ContentType", type)])), at: 0)
        archive.setXML(contentTypes, types)
    }
}
