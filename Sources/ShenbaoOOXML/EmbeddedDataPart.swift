import ShenbaoCore

/// The data a filled DOCX carries (contract in docs/form-spec.md), the one type that writes,
/// finds and verifies it: a custom XML part `<sb:data xmlns:sb="https://shenbao.dev/ns/data/1"
/// form=".." sha256="..">canonical JSON</sb:data>` related to the main document, and
/// `shenbao-sha256:HEX` in the core properties' keywords, which LibreOffice carries into the PDF.
package struct EmbeddedDataPart: Sendable, Equatable {
    package static let namespace = "https://shenbao.dev/ns/data/1"
    package static let keywordPrefix = "shenbao-sha256:"
    static let customXMLType = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXml"
    static let customXMLPropsType = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXmlProps"
    static let corePropertiesType = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties"

    /// The part's name, e.g. `customXml/item1.xml`.
    package var part: String
    /// The form id recorded in `form=`, if any.
    package var form: String?
    /// The digest recorded in `sha256=`, lowercase; "" when missing.
    package var recordedDigest: String
    /// The embedded canonical JSON text.
    package var json: String

    /// SHA-256 of the JSON text as it is now.
    package var contentDigest: String { SHA256.hex(Array(json.utf8)) }
    /// True when the recorded digest still describes the content (the part was not edited).
    package var isIntact: Bool { recordedDigest == contentDigest }

    /// The package's data part, or nil when it carries none: among the main document's
    /// `customXml` relationships first, then the `customXml/itemN.xml` parts, the first whose root
    /// is `data` in shenbao's namespace.
    /// - Throws: `XMLError` when that part is not well-formed XML.
    package static func find(in archive: ZipArchive) throws -> EmbeddedDataPart? {
        let related = WordPackage.mainDocumentPart(of: archive).map { main in
            WordPackage.relationships(of: main, in: archive).filter { $0.kind == "customXml" && !$0.isExternal }.map(\.target)
        } ?? []
        var seen = Set<String>()
        for name in related + archive.names.filter(isItemName) where seen.insert(name).inserted {
            guard let bytes = archive[name], String(decoding: bytes.prefix(400), as: UTF8.self).contains(namespace) else { continue }
            let root = try XMLParser.parse(bytes, part: name).root
            guard root.localName == "data", root.attributes.contains(where: { $0.name.hasPrefix("xmlns") && $0.value == namespace }) else { continue }
            return EmbeddedDataPart(part: name, form: root[attribute: "form"], recordedDigest: (root[attribute: "sha256"] ?? "").lowercased(), json: root.textContent)
        }
        return nil
    }

    /// `customXml/item1.xml`, `customXml/item12.xml`; not `itemProps1.xml` nor relationship parts.
    package static func isItemName(_ name: String) -> Bool {
        guard name.hasPrefix("customXml/item"), name.hasSuffix(".xml") else { return false }
        let middle = name.dropFirst("customXml/item".count).dropLast(4)
        return !middle.isEmpty && middle.allSatisfy(\.isNumber)
    }

    /// Adds (or replaces) the data part holding `json` (canonical JSON whose SHA-256 is `digest`)
    /// and the keyword, deterministically: the same data gives the same bytes.
    /// - Throws: `XMLError` when the package's plumbing parts cannot be read.
    package static func write(json: String, digest: String, form: String?, into archive: inout ZipArchive) throws {
        let existing = try? find(in: archive)
        let number = existing.flatMap { Int($0.part.dropFirst("customXml/item".count).dropLast(4)) } ?? freeNumber(in: archive)
        let item = "customXml/item\(number).xml", props = "customXml/itemProps\(number).xml"
        var attributes = [XMLAttribute("xmlns:sb", namespace)]
        if let form { attributes.append(XMLAttribute("form", form)) }
        attributes.append(XMLAttribute("sha256", digest))
        archive.setXML(item, XMLPart(root: XMLElement("sb:data", attributes: attributes, children: [.text(json)])))
        let schemaRef = XMLElement("ds:schemaRef", attributes: [XMLAttribute("ds:uri", namespace)])
        archive.setXML(props, XMLPart(root: XMLElement("ds:datastoreItem", attributes: [
            XMLAttribute("ds:itemID", "{\(guid(from: digest))}"),
            XMLAttribute("xmlns:ds", "http://schemas.openxmlformats.org/officeDocument/2006/customXml"),
        ], children: [.element(XMLElement("ds:schemaRefs", children: [.element(schemaRef)]))]), standalone: false))
        archive.setXML("customXml/_rels/item\(number).xml.rels", XMLPart(root: XMLElement("Relationships", attributes: [
            XMLAttribute("xmlns", "http://schemas.openxmlformats.org/package/2006/relationships"),
        ], children: [.element(XMLElement("Relationship", attributes: [
            XMLAttribute("Id", "rId1"), XMLAttribute("Type", customXMLPropsType), XMLAttribute("Target", "itemProps\(number).xml"),
        ]))])))
        guard let main = WordPackage.mainDocumentPart(of: archive) else { return }
        try WordPackage.addRelationship(from: main, type: customXMLType, target: "../" + item, in: &archive)
        try WordPackage.addOverride("/" + props, type: "application/vnd.openxmlformats-officedocument.customXmlProperties+xml", in: &archive)
        try WordPackage.ensureDefault("xml", type: "application/xml", in: &archive)
        try setKeyword(keywordPrefix + digest, in: &archive)
    }

    private static func freeNumber(in archive: ZipArchive) -> Int {
        var n = 1
        while archive["customXml/item\(n).xml"] != nil || archive["customXml/itemProps\(n).xml"] != nil { n += 1 }
        return n
    }

    /// `docProps/core.xml` keywords with `keyword` replacing any earlier `shenbao-sha256:`.
    private static func setKeyword(_ keyword: String, in archive: inout ZipArchive) throws {
        let name = "docProps/core.xml"
        let keywords: (String) -> XMLElement = { XMLElement("cp:keywords", children: [.text($0)]) }
        guard let bytes = archive[name] else {
            archive.setXML(name, XMLPart(root: XMLElement("cp:coreProperties", attributes: [
                XMLAttribute("xmlns:cp", "http://schemas.openxmlformats.org/package/2006/metadata/core-properties"),
                XMLAttribute("xmlns:dc", "http://purl.org/dc/elements/1.1/"),
                XMLAttribute("xmlns:dcterms", "http://purl.org/dc/terms/"),
                XMLAttribute("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance"),
            ], children: [.element(keywords(keyword))])))
            try WordPackage.addRelationship(from: "", type: corePropertiesType, target: name, in: &archive)
            try WordPackage.addOverride("/" + name, type: "application/vnd.openxmlformats-package.core-properties+xml", in: &archive)
            return
        }
        var part = try XMLParser.parse(bytes, part: name)
        let existing = part.root.child("cp:keywords")?.textContent ?? ""
        let kept = existing.split(separator: " ").filter { !$0.hasPrefix(keywordPrefix) }.map(String.init)
        let element = keywords((kept + [keyword]).joined(separator: " "))
        if let i = part.root.children.firstIndex(where: { if case .element(let e) = $0 { return e.name == "cp:keywords" } else { return false } }) {
            part.root.children[i] = .element(element)
        } else {
            part.root.children.append(.element(element))
        }
        archive.setXML(name, part)
    }

    /// A GUID made from the digest, so the same data gives the same bytes.
    private static func guid(from hex: String) -> String {
        let h = Array(hex.uppercased())
        return "\(String(h[0..<8]))-\(String(h[8..<12]))-\(String(h[12..<16]))-\(String(h[16..<20]))-\(String(h[20..<32]))"
    }
}
