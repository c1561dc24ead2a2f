import ShenbaoCore
import ShenbaoData
import ShenbaoOOXML

/// The data a filled DOCX carries (contract in docs/form-spec.md): a custom XML part
/// `<sb:data form=".." sha256="..">canonical JSON</sb:data>` and `shenbao-sha256:HEX` in the
/// core properties' keywords, which LibreOffice carries into the PDF.
public enum EmbeddedData {
    public static let namespace = "https://shenbao.dev/ns/data/1"
    static let customXMLType = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXml"
    static let customXMLPropsType = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXmlProps"
    static let corePropertiesType = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties"

    /// The data embedded in a filled document, or nil when it carries none.
    /// - Throws: `XMLError` or `DiagnosticsError` when the embedded part is damaged.
    public static func read(from docx: ZipArchive) throws -> (form: String?, sha256: String, data: DataValue)? {
        guard let name = existingItem(in: docx) else { return nil }
        let part = try docx.xml(name)
        let json = part.root.textContent
        let data = try DataFile.parse(Array(json.utf8), path: name, format: .json)
        return (part.root[attribute: "form"], part.root[attribute: "sha256"] ?? "", data)
    }

    /// Adds (or replaces) the data part and the keyword in `archive`.
    static func embed(_ data: DataValue, form: String?, into archive: inout ZipArchive) throws {
        let digest = data.digest
        let number = existingItem(in: archive).flatMap { Int($0.dropFirst("customXml/item".count).dropLast(4)) } ?? freeNumber(in: archive)
        let item = "customXml/item\(number).xml", props = "customXml/itemProps\(number).xml"
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\r\n<sb:data xmlns:sb=\"\(namespace)\""
        if let form { xml += " form=\"\(attribute(form))\"" }
        xml += " sha256=\"\(digest)\">"
        var bytes = Array(xml.utf8)
        XMLSerializer.appendEscapedText(String(decoding: data.canonicalJSON(), as: UTF8.self), into: &bytes)
        bytes += Array("</sb:data>".utf8)
        archive[item] = bytes
        let guid = guidFrom(digest)
        archive[props] = Array("""
            <?xml version="1.0" encoding="UTF-8" standalone="no"?>\r\n<ds:datastoreItem ds:itemID="{\(guid)}" xmlns:ds="http://schemas.openxmlformats.org/officeDocument/2006/customXml"><ds:schemaRefs><ds:schemaRef ds:uri="\(namespace)"/></ds:schemaRefs></ds:datastoreItem>
            """.utf8)
        archive["customXml/_rels/item\(number).xml.rels"] = Array("""
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="\(customXMLPropsType)" Target="itemProps\(number).xml"/></Relationships>
            """.utf8)
        let main = try TemplateParts.mainDocument(of: archive)
        try WordPackage.addRelationship(from: main, type: customXMLType, target: "../" + item, in: &archive)
        try WordPackage.addOverride("/" + props, type: "application/vnd.openxmlformats-officedocument.customXmlProperties+xml", in: &archive)
        try WordPackage.ensureDefault("xml", type: "application/xml", in: &archive)
        try setKeyword("shenbao-sha256:" + digest, in: &archive)
    }

    /// The `customXml/itemN.xml` holding `sb:data`, if any.
    static func existingItem(in archive: ZipArchive) -> String? {
        archive.names.first { name in
            guard name.hasPrefix("customXml/item"), !name.contains("Props"), name.hasSuffix(".xml"),
                let bytes = archive[name]
            else { return false }
            return String(decoding: bytes.prefix(300), as: UTF8.self).contains("<sb:data")
        }
    }

    private static func freeNumber(in archive: ZipArchive) -> Int {
        var n = 1
        while archive["customXml/item\(n).xml"] != nil || archive["customXml/itemProps\(n).xml"] != nil { n += 1 }
        return n
    }

    /// `docProps/core.xml` keywords with `keyword` replacing any earlier `shenbao-sha256:`.
    private static func setKeyword(_ keyword: String, in archive: inout ZipArchive) throws {
        let name = "docProps/core.xml"
        guard let bytes = archive[name] else {
            archive[name] = Array("""
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><cp:keywords>\(keyword)</cp:keywords></cp:coreProperties>
                """.utf8)
            try WordPackage.addRelationship(from: "", type: corePropertiesType, target: name, in: &archive)
            try WordPackage.addOverride("/" + name, type: "application/vnd.openxmlformats-package.core-properties+xml", in: &archive)
            return
        }
        var part = try XMLParser.parse(bytes, part: name)
        let existing = part.root.child("cp:keywords")?.textContent ?? ""
        let kept = existing.split(separator: " ").filter { !$0.hasPrefix("shenbao-sha256:") }
        let keywords = XMLElement("cp:keywords", children: [.text((kept.map(String.init) + [keyword]).joined(separator: " "))])
        if let i = part.root.children.firstIndex(where: { if case .element(let e) = $0 { return e.name == "cp:keywords" } else { return false } }) {
            part.root.children[i] = .element(keywords)
        } else {
            part.root.children.append(.element(keywords))
        }
        archive.setXML(name, part)
    }

    private static func attribute(_ s: String) -> String {
        var out = [UInt8]()
        XMLSerializer.appendEscapedAttribute(s, into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// A GUID made from the digest, so the same data gives the same bytes.
    private static func guidFrom(_ hex: String) -> String {
        let h = Array(hex.uppercased())
        return "\(String(h[0..<8]))-\(String(h[8..<12]))-\(String(h[12..<16]))-\(String(h[16..<20]))-\(String(h[20..<32]))"
    }
}
