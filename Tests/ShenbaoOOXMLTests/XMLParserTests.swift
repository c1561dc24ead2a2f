import Testing

@testable import ShenbaoOOXML

@Suite struct XMLParserTests {
    @Test func roundTripsNamespacesAttributesAndText() throws {
        let xml = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r
            <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t xml:space="preserve">a &lt; b &amp; "c" 申报</w:t></w:r><w:p/></w:p><!-- note --></w:body></w:document>
            """
        let part = try XMLParser.parse(Array(xml.utf8), part: "word/document.xml")
        #expect(part.root.name == "w:document")
        #expect(part.root.textContent == "a < b & \"c\" 申报")
        let out = String(decoding: XMLSerializer.serialize(part), as: UTF8.self)
        #expect(out == xml.replacingOccurrences(of: "\"c\"", with: "\"c\""))
    }

    @Test func malformedXMLNamesPartLineAndColumn() {
        let xml = "<a>\n<b></a>"
        #expect {
            try XMLParser.parse(Array(xml.utf8), part: "word/document.xml")
        } throws: { error in
            guard case XMLError.malformed(let part, let line, _, let message) = error else { return false }
            return part == "word/document.xml" && line == 2 && message.contains("mismatch")
        }
    }

    @Test func refusesDoctypeSoNoEntityIsEverExpanded() {
        let laughs = """
            <?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]><a>&lol2;</a>
            """
        #expect(throws: XMLError.doctypeNotAllowed(part: "p.xml")) { try XMLParser.parse(Array(laughs.utf8), part: "p.xml") }
        let xxe = """
            <?xml version="1.0"?><!DOCTYPE a [<!ENTITY x SYSTEM "file:///etc/passwd">]><a>&x;</a>
            """
        #expect(throws: XMLError.doctypeNotAllowed(part: "p.xml")) { try XMLParser.parse(Array(xxe.utf8), part: "p.xml") }
    }
}
