/// The PDF's text as the check compares it: `pdftotext -raw` output (content-stream order, which
/// for LibreOffice's PDFs is the layout order: tables row by row, cell by cell) normalized, with
/// the page of every character, after removing page numbers and the header/footer lines that
/// repeat on every page.
package struct PDFText: Sendable {
    /// A line taken out of the comparison, and why.
    package struct RemovedLine: Sendable, Hashable {
        package var page: Int
        package var text: String
        /// The header/footer skeleton it matched; nil for a page number.
        package var headerFooterSkeleton: String?
    }

    /// Normalized characters of all pages, in reading order (see `TextNormalizer`).
    package var scalars: [Unicode.Scalar] = []
    /// For each scalar, the character as extracted (see `TextNormalizer.continuation`).
    package var originals: [Unicode.Scalar] = []
    /// For each scalar, its page (1-based).
    package var pages: [Int32] = []
    package var pageCount = 0
    /// Header/footer copies and page numbers taken out, page by page.
    package var removedLines: [RemovedLine] = []

    package init() {}

    /// How many lines at the top and at the bottom of a page may be header, footer or page number.
    static let marginLines = 3

    /// Parses plain `pdftotext` output: pages separated by form feeds, lines by newlines.
    /// - Parameter headerFooter: the DOCX header/footer lines whose copies are removed.
    package static func parse(_ output: String, headerFooter: [HeaderFooterLine]) -> PDFText {
        var pageTexts = output.split(separator: "\u{0C}", omittingEmptySubsequences: false)
        if pageTexts.count > 1, pageTexts.last?.allSatisfy(\.isWhitespace) == true { pageTexts.removeLast() }
        return PDFText(pages: pageTexts.map { $0.split(separator: "\n").map(String.init) }, headerFooter: headerFooter)
    }

    /// Parses `pdftotext -bbox -raw` output (see `PDFWordLayout`).
    package static func parse(bboxOutput: String, headerFooter: [HeaderFooterLine]) -> PDFText {
        PDFText(pages: PDFWordLayout.pages(fromBBoxOutput: bboxOutput), headerFooter: headerFooter)
    }

    /// Builds the stream from pages of lines.
    package init(pages pageLines: [[String]], headerFooter: [HeaderFooterLine]) {
        // Each DOCX header/footer line is shown at most once a page: a body line repeating the
        // header's text (a title under a header of the same words) is not taken for a copy.
        var perPage: [String: Int] = [:]
        for line in headerFooter where !line.skeleton.isEmpty { perPage[line.skeleton, default: 0] += 1 }
        pageCount = pageLines.count
        for (index, rawLines) in pageLines.enumerated() {
            let page = index + 1
            let lines = rawLines.filter { !TextNormalizer.normalize($0).isEmpty }
            var keep = [Bool](repeating: true, count: lines.count)
            // Outermost lines first: the top ones downwards, then the bottom ones upwards.
            let top = Array(0..<min(Self.marginLines, lines.count))
            let bottom = Array((max(lines.count - Self.marginLines, top.count)..<lines.count).reversed())
            var remaining = perPage
            var pageNumberSeen = false
            for i in top + bottom {
                let skeleton = HeaderFooterLine.skeleton(of: lines[i])
                let normalized = String(String.UnicodeScalarView(TextNormalizer.normalize(lines[i])))
                if let left = remaining[skeleton], left > 0 {
                    remaining[skeleton] = left - 1
                    keep[i] = false
                    removedLines.append(RemovedLine(page: page, text: normalized, headerFooterSkeleton: skeleton))
                } else if !pageNumberSeen && PageNumber.matches(normalized, page: page) {
                    pageNumberSeen = true
                    keep[i] = false
                    removedLines.append(RemovedLine(page: page, text: normalized, headerFooterSkeleton: nil))
                }
            }
            for (i, line) in lines.enumerated() where keep[i] {
                let before = scalars.count
                TextNormalizer.append(line, to: &scalars, originals: &originals)
                pages.append(contentsOf: repeatElement(Int32(page), count: scalars.count - before))
            }
        }
    }

    /// The page of stream offset `i` (clamped to the stream; page 1 for an empty stream).
    package func page(at i: Int) -> Int {
        pages.isEmpty ? 1 : Int(pages[min(max(i, 0), pages.count - 1)])
    }
}

/// Page-number lines: "— 1 —", "-1-", "第 1 页", "第1页 共5页", "1/5", "Page 1 of 5", and a bare
/// number equal to the page's own number. Matched on the line's skeleton (digits folded to `#`)
/// rather than with regular expressions: this runs on six lines of every page.
enum PageNumber {
    static let dashes: Set<UInt32> = [0x2D, 0x2014, 0x2013, 0x2012, 0x2015, 0x2212, 0x7E, 0x2500, 0xFF0D]
    static let shapes: Set<String> = [
        "第#页", "第#页共#页", "第#页,共#页", "第#页/共#页", "共#页第#页", "共#页,第#页", "#/#", "page#", "page#of#", "#of#",
    ]

    static func matches(_ line: String, page: Int) -> Bool {
        let scalars = Array(line.lowercased().unicodeScalars)
        guard !scalars.isEmpty, scalars.count <= 24 else { return false }
        let body = scalars.filter { !dashes.contains($0.value) }
        let skeleton = HeaderFooterLine.skeleton(of: String(String.UnicodeScalarView(body)))
        if skeleton == "#" {
            // Bare numbers need dashes around them or must equal the page number.
            return body.count < scalars.count || Int(String(String.UnicodeScalarView(body))) == page
        }
        return shapes.contains(skeleton)
    }
}
