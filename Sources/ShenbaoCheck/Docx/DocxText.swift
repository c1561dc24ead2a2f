import ShenbaoOOXML

/// What the check reads from a DOCX: the body's normalized character stream with a location for
/// every character, and the things compared beside the text.
package struct DocxText: Sendable {
    /// Normalized characters of the body (document part), in reading order: paragraphs, tables
    /// cell by cell, text boxes where they are anchored. No whitespace (see `TextNormalizer`).
    package var scalars: [Unicode.Scalar] = []
    /// For each scalar, the character as written (see `TextNormalizer.continuation`).
    package var originals: [Unicode.Scalar] = []
    /// For each scalar, an index into `locations`.
    package var locationIndex: [Int32] = []
    /// Distinct locations, in reading order.
    package var locations: [DocxLocation] = []
    /// Stream offsets where a numbered paragraph (w:numPr) starts: the PDF shows a list label
    /// there ("一、", "1.") that the DOCX text does not contain.
    package var numberedParagraphStarts: Set<Int> = []
    /// The normalized text of each table's repeated header rows (w:tblHeader): LibreOffice draws
    /// them again at the top of every page the table continues on.
    package var repeatedTableHeaders: [[Unicode.Scalar]] = []
    /// Header and footer paragraphs that are shown on the pages, normalized.
    package var headerFooterLines: [HeaderFooterLine] = []
    /// Anchored pictures (seals) in the document and its headers/footers.
    package var seals: [SealAnchor] = []
    /// The customXml part holding `sb:data`, e.g. `customXml/item1.xml`.
    package var dataPart: String?
    /// The data digest recorded in the customXml `sb:data` part, if any.
    package var recordedDigest: String?
    /// SHA-256 of the `sb:data` part's text, to tell whether the recorded digest still describes it.
    package var embeddedDataDigest: String?
    /// The `shenbao-sha256:HEX` in `docProps/core.xml` keywords, if any.
    package var keywordsDigest: String?

    package init() {}

    /// The location of stream offset `i`; the last location when `i` is past the end.
    package func location(at i: Int) -> DocxLocation? {
        guard !locationIndex.isEmpty else { return locations.first }
        return locations[Int(locationIndex[min(max(i, 0), locationIndex.count - 1)])]
    }

    /// Appends `text` normalized, attributed to location number `location`.
    mutating func append(_ text: String, location: Int32) {
        let n = TextNormalizer.append(text, to: &scalars, originals: &originals)
        if n > 0 { locationIndex.append(contentsOf: repeatElement(location, count: n)) }
    }
}

/// One header or footer paragraph: its text normalized, digits folded to `#` (page numbers change
/// from page to page), so that PDF lines repeating it can be recognised on every page.
package struct HeaderFooterLine: Sendable, Hashable {
    /// Which pages the part is referenced for (`w:headerReference w:type`).
    package enum Pages: String, Sendable, Hashable {
        case `default`, first, even
    }

    package var part: String
    package var pages: Pages = .default
    package var paragraph: Int
    package var text: String
    package var skeleton: String

    package init(part: String, paragraph: Int, text: String) {
        self.part = part
        self.paragraph = paragraph
        self.text = text
        self.skeleton = HeaderFooterLine.skeleton(of: text)
    }

    /// Normalized text with every run of digits replaced by one `#`.
    package static func skeleton(of text: String) -> String {
        var out = String.UnicodeScalarView()
        var inDigits = false
        for s in TextNormalizer.normalize(text) {
            if s.value >= 0x30 && s.value <= 0x39 {
                if !inDigits { out.append("#") }
                inDigits = true
            } else {
                out.append(s)
                inDigits = false
            }
        }
        return String(out)
    }
}

/// A picture anchored (floating) in the document or a header: what a seal is in a filled form.
package struct SealAnchor: Sendable, Hashable {
    /// The part holding the anchor.
    package var part: String
    /// The media part the picture shows, e.g. `word/media/image1.png`.
    package var media: String
    /// The picture's size in pixels, read from the PNG/JPEG header; nil when unreadable.
    package var pixelWidth: Int?
    package var pixelHeight: Int?
    /// Whether the image has an alpha channel (a transparent seal needs an soft mask in the PDF).
    package var hasAlpha: Bool
    /// Where the anchoring paragraph is.
    package var location: DocxLocation
    /// The body stream offsets the anchoring paragraph covers (empty paragraphs give an empty
    /// range at the offset where they sit); nil for header/footer anchors, shown on every page.
    package var streamRange: Range<Int>?
}
