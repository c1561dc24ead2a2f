import Foundation
import ShenbaoCore
import ShenbaoOOXML

/// Builds a DOCX that carries its data as docs/form-spec.md's contract says (customXml part
/// `sb:data` with form, sha256 and the canonical JSON), the way the fill stage writes it.
enum DOCXSubmission {
    static func bytes(data: DataValue, form: String, tamper: Bool = false) throws -> [UInt8] {
        let json = String(decoding: data.canonicalJSON(), as: UTF8.self)
        let digest = tamper ? String(repeating: "0", count: 64) : data.digest
        let item = XMLElement("sb:data", attributes: [
            XMLAttribute("xmlns:sb", "https://shenbao.dev/ns/data/1"), XMLAttribute("form", form), XMLAttribute("sha256", digest),
        ], children: [.text(json)])
        let w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
        let document = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <w:document xmlns:w="\(w)"><w:body><w:p><w:r><w:t>申报书</w:t></w:r></w:p></w:body></w:document>
            """
        let rels = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
        let archive = ZipArchive(path: "submission.docx", entries: [
            .init(name: "[Content_Types].xml", bytes: Array("""
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/customXml/itemProps1.xml" ContentType="application/vnd.openxmlformats-officedocument.customXmlProperties+xml"/></Types>
                """.utf8)),
            .init(name: "_rels/.rels", bytes: Array("""
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="\(rels)/officeDocument" Target="word/document.xml"/></Relationships>
                """.utf8)),
            .init(name: "word/document.xml", bytes: Array(document.utf8)),
            .init(name: "word/_rels/document.xml.rels", bytes: Array("""
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId9" Type="\(rels)/customXml" Target="../customXml/item1.xml"/></Relationships>
                """.utf8)),
            .init(name: "customXml/item1.xml", bytes: XMLSerializer.serialize(XMLPart(root: item))),
            .init(name: "customXml/itemProps1.xml", bytes: Array("""
                <?xml version="1.0" encoding="UTF-8" standalone="no"?>
                <ds:datastoreItem ds:itemID="{5B1C3F0E-0000-4000-8000-000000000001}" xmlns:ds="http://schemas.openxmlformats.org/officeDocument/2006/customXml"><ds:schemaRefs><ds:schemaRef ds:uri="https://shenbao.dev/ns/data/1"/></ds:schemaRefs></ds:datastoreItem>
                """.utf8)),
            .init(name: "customXml/_rels/item1.xml.rels", bytes: Array("""
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="\(rels)/customXmlProps" Target="itemProps1.xml"/></Relationships>
                """.utf8)),
        ])
        return try archive.serialized()
    }
}
