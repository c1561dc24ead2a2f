import ShenbaoOOXML

/// One way in which the PDF does not say what the DOCX says.
public struct CheckDifference: Sendable, Hashable, Codable, CustomStringConvertible {
    /// What was compared; the JSON `kind`.
    public enum Kind: String, Sendable, Codable {
        /// Characters changed, missing from the PDF or only in the PDF.
        case text
        /// A checkbox ticked on one side and not on the other.
        case checkbox
        /// A header or footer line that no page shows.
        case headerFooter = "header-footer"
        /// The data digests of the DOCX, the PDF and the data file disagree.
        case digest
        /// A seal (anchored picture) missing from the PDF or on another page.
        case seal
        /// A font not embedded in the PDF.
        case font
        /// A page that is not A4.
        case pageSize = "page-size"
        /// A scan's page missing, extra, or in another order than the DOCX's text.
        case page
        /// The DOCX's visible text is not what the form's template gives for its embedded data
        /// (edited after filling), or the embedded data cannot be read or checked.
        case data
    }

    public var kind: Kind
    /// What the DOCX says here (text, checkbox glyph, digest); nil when it says nothing.
    public var docx: String?
    /// What the PDF says here; nil when it says nothing.
    public var pdf: String?
    /// What the DOCX should say here (kind `data`: the form's template refilled with the DOCX's
    /// embedded data); nil when it should say nothing.
    public var expected: String?
    /// A few characters around the difference, the difference itself in 【】.
    public var context: String?
    /// Where in the DOCX.
    public var docxLocation: DocxLocation?
    /// The PDF page (1-based).
    public var pdfPage: Int?
    /// The difference in words, without the location.
    public var message: String
    /// Where on the PDF page (scans), in millimetres.
    public var pdfBox: PageBox?

    package init(kind: Kind, docx: String? = nil, pdf: String? = nil, expected: String? = nil, context: String? = nil,
                docxLocation: DocxLocation? = nil, pdfPage: Int? = nil, message: String, pdfBox: PageBox? = nil) {
        self.pdfBox = pdfBox
        self.kind = kind
        self.docx = docx
        self.pdf = pdf
        self.expected = expected
        self.context = context
        self.docxLocation = docxLocation
        self.pdfPage = pdfPage
        self.message = message
    }

    /// `word/document.xml, table 1, row 2, cell 3，PDF 第 1 页：文字：DOCX 为「学」，PDF 为「字」，位于「…」`
    public var description: String {
        var place: [String] = []
        if let docxLocation { place.append(docxLocation.description) }
        if let pdfPage { place.append(CheckWording.pdfPage(pdfPage) + (pdfBox.map { "（\($0)）" } ?? "")) }
        let prefix = place.isEmpty ? "" : place.joined(separator: "，") + "："
        return prefix + CheckWording.label(kind) + "：" + message
    }

    private enum CodingKeys: String, CodingKey {
        case kind, docx, pdf, expected, context, docxLocation, location, pdfPage, message, pdfBox
    }

    /// The JSON object `--format json` prints: the fields above, `location` as printed.
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(kind, forKey: .kind)
        try c.encodeIfPresent(docx, forKey: .docx)
        try c.encodeIfPresent(pdf, forKey: .pdf)
        try c.encodeIfPresent(expected, forKey: .expected)
        try c.encodeIfPresent(context, forKey: .context)
        try c.encodeIfPresent(docxLocation, forKey: .docxLocation)
        try c.encodeIfPresent(docxLocation?.description, forKey: .location)
        try c.encodeIfPresent(pdfPage, forKey: .pdfPage)
        try c.encode(message, forKey: .message)
        try c.encodeIfPresent(pdfBox, forKey: .pdfBox)
    }

    /// Reads back what `encode(to:)` wrote (`location` is derived, so it is not read).
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        kind = try c.decode(Kind.self, forKey: .kind)
        docx = try c.decodeIfPresent(String.self, forKey: .docx)
        pdf = try c.decodeIfPresent(String.self, forKey: .pdf)
        expected = try c.decodeIfPresent(String.self, forKey: .expected)
        context = try c.decodeIfPresent(String.self, forKey: .context)
        docxLocation = try c.decodeIfPresent(DocxLocation.self, forKey: .docxLocation)
        pdfPage = try c.decodeIfPresent(Int.self, forKey: .pdfPage)
        message = try c.decode(String.self, forKey: .message)
        pdfBox = try c.decodeIfPresent(PageBox.self, forKey: .pdfBox)
    }
}
