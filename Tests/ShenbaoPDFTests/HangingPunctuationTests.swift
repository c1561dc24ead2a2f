import Foundation
import ShenbaoOOXML
import Testing

@testable import ShenbaoPDF

/// The copy LibreOffice converts says `w:overflowPunct w:val="1"` in its paragraph defaults, in
/// schema order, so that a line-end 、 or ， wraps instead of vanishing (LibreOffice 7.4).
@Suite struct HangingPunctuationTests {
    static let namespace = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\""

    static func docx(styles: String?) -> ZipArchive {
        var entries = [ZipArchive.Entry(name: "word/document.xml", bytes: Array("<w:document \(namespace)><w:body/></w:document>".utf8))]
        if let styles { entries.append(.init(name: "word/styles.xml", bytes: Array("<w:styles \(namespace)>\(styles)</w:styles>".utf8))) }
        return ZipArchive(path: "t.docx", entries: entries)
    }

    static func styles(of archive: ZipArchive?) throws -> String {
        String(decoding: try #require(archive?["word/styles.xml"]), as: UTF8.self)
    }

    @Test func addedBeforeTheLaterParagraphProperties() throws {
        let archive = Self.docx(styles: "<w:docDefaults><w:rPrDefault/><w:pPrDefault><w:pPr><w:widowControl w:val=\"0\"/><w:jc w:val=\"both\"/></w:pPr></w:pPrDefault></w:docDefaults><w:style w:styleId=\"a\"/>")
        let styles = try Self.styles(of: try HangingPunctuation.patched(archive))
        #expect(styles.contains("<w:docDefaults><w:rPrDefault/><w:pPrDefault><w:pPr><w:widowControl w:val=\"0\"/><w:overflowPunct w:val=\"1\"/><w:jc w:val=\"both\"/></w:pPr></w:pPrDefault></w:docDefaults><w:style w:styleId=\"a\"/>"))
    }

    @Test func defaultsAreCreatedWhenMissing() throws {
        let styles = try Self.styles(of: try HangingPunctuation.patched(Self.docx(styles: "<w:style w:styleId=\"a\"/>")))
        #expect(styles.contains("<w:docDefaults><w:pPrDefault><w:pPr><w:overflowPunct w:val=\"1\"/></w:pPr></w:pPrDefault></w:docDefaults><w:style w:styleId=\"a\"/>"))
    }

    @Test func leftAloneWhenTheDocumentSaysOrHasNoStyles() throws {
        let explicit = Self.docx(styles: "<w:docDefaults><w:pPrDefault><w:pPr><w:overflowPunct w:val=\"0\"/></w:pPr></w:pPrDefault></w:docDefaults>")
        #expect(try HangingPunctuation.patched(explicit) == nil)
        #expect(try HangingPunctuation.patched(Self.docx(styles: nil)) == nil)
    }
}
