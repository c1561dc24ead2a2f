import Foundation
import ShenbaoCore

/// How `check` reads a PDF whose pages have no text layer.
public struct ScanOptions: Sendable {
    /// Where OCR results are kept by the PDF's SHA-256 (and each page image's); nil for no cache.
    public var cache: String?
    /// A folder to write one PNG per difference and spot to look at (the scan's crop beside the
    /// expected text); nil for none.
    public var evidence: String?

    /// The cache `check` keeps by default: `ocr-cache` in shenbao's data folder.
    public static var standardCache: String? { OCREnvironment.cacheDirectory() }

    /// Options with `cache` (the standard one unless given) and an `evidence` folder (none).
    public init(cache: String? = ScanOptions.standardCache, evidence: String? = nil) {
        self.cache = cache
        self.evidence = evidence
    }
}

/// Checks a scan (or a PDF with some scanned pages) against its DOCX: OCR text tolerant of how
/// scanning moves, tilts and blurs the page but strict on every character read with good
/// confidence; pages missing, extra or out of order; seals by red ink; ticks by ink in the box.
/// Digest, header/footer, image-seal and font checks do not apply to paper and are not made
/// (a data file's digest is still compared with the DOCX's).
enum ScanChecker {
    static func check(docx: DocxText, docxPath: String, pdf: String, words: String, info: PDFInfo, scanned: Set<Int>,
                      data: DataValue?, options: ScanOptions) throws -> CheckReport {
        let work = NSTemporaryDirectory() + "shenbao-scan-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: work, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: work) }
        let pages = try ScanPages.read(pdf: pdf, pageCount: info.pageCount, scanned: scanned, textLayer: words, cache: options.cache, workDirectory: work)
        let stream = ScanStream(pages: pages, headerFooter: docx.headerFooterLines)
        let alignment = ScanAlignment(docx: docx, stream: stream)
        let text = ScanTextDifferences(alignment: alignment, pages: pages)
        let marks = try ScanMarks(alignment: alignment, pages: pages).judge(pdf: pdf, workDirectory: work)
        var differences = (text.differences.map { ($0.offset, $0.difference) } + marks.differences).sorted { $0.0 < $1.0 }.map(\.1)
        if let digest = docx.recordedDigest ?? docx.keywordsDigest, data != nil {
            differences += DigestCheck.differences(docx: docx, pdfKeywords: "shenbao-sha256:\(digest)", dataDigest: data?.digest)
        }
        var report = CheckReport(
            docx: docxPath, pdf: pdf, differences: differences, pageCount: info.pageCount,
            docxCharacters: docx.scalars.count, pdfCharacters: stream.boxes.reduce(0) { $0 + $1.scalars.count })
        report.pdfKind = scanned.count == info.pageCount ? .scan : .mixed
        report.review = text.review + marks.review
        if let evidence = options.evidence {
            try ScanEvidence.write(report, pages: pages, to: evidence, pdf: pdf, workDirectory: work)
        }
        return report
    }
}

/// `--evidence DIR`: one PNG per difference or spot, the scan's crop beside the expected text.
enum ScanEvidence {
    struct Request: Encodable {
        var image: String
        var page: Int
        var rect: [Double]
        var expected: String?
        var found: String?
        var title: String
        var out: String
    }

    static func write(_ report: CheckReport, pages: [ScanPage], to directory: String, pdf: String, workDirectory: String) throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let stem = ((pdf as NSString).lastPathComponent as NSString).deletingPathExtension
        var requests: [Request] = []
        let spots: [(PageBox, String?, String?, String)] =
            report.differences.compactMap { d in d.pdfBox.map { ($0, d.docx, d.pdf, "差异 \(d.kind.rawValue)：\(d.docxLocation?.description ?? "")") } }
            + report.review.map { ($0.box, $0.docx, $0.scan, "待核对：\($0.reason)") }
        for (n, spot) in spots.enumerated() {
            let (box, expected, found, title) = spot
            guard box.page >= 1 && box.page <= pages.count else { continue }
            let px = 1 / ScanPages.mmPerPixel
            let widen = max(0, 40 - box.width) / 2
            let rect = [(box.x - 4 - widen) * px, (box.y - 4) * px, (box.x + box.width + 4 + widen) * px, (box.y + box.height + 4) * px]
            let out = directory + "/\(stem)-p\(box.page)-\(String(format: "%02d", n + 1)).png"
            requests.append(Request(image: pages[box.page - 1].image, page: box.page, rect: rect, expected: expected, found: found, title: title, out: out))
        }
        struct Written: Decodable { var out: String }
        guard !requests.isEmpty else { return }
        _ = try ScanHelper.run("evidence", requests, pdf: pdf, workDirectory: workDirectory, as: Written.self)
    }
}
