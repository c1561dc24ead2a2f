import Foundation
import ShenbaoOOXML

/// The checks beside the text: seals on the right pages, fonts embedded, pages A4, header and
/// footer lines shown.
enum LayoutChecks {
    /// A4 in points, and how far a page may be off.
    static let a4 = (width: 595.276, height: 841.89)
    static let sizeTolerance = 1.0
    /// Pixels an image may differ by and still be the same picture.
    static let pixelTolerance = 2

    static func pageSizes(_ info: PDFInfo) -> [CheckDifference] {
        info.pageSizes.enumerated().compactMap { index, size in
            let portrait = abs(size.width - a4.width) <= sizeTolerance && abs(size.height - a4.height) <= sizeTolerance
            let landscape = abs(size.width - a4.height) <= sizeTolerance && abs(size.height - a4.width) <= sizeTolerance
            guard !portrait && !landscape else { return nil }
            return CheckDifference(
                kind: .pageSize, pdf: "\(format(size.width)) x \(format(size.height)) pt", pdfPage: index + 1,
                message: CheckWording.notA4(page: index + 1, size: "\(format(size.width)) × \(format(size.height)) pt"))
        }
    }

    static func fonts(_ fonts: [PDFFont]) -> [CheckDifference] {
        var seen = Set<String>()
        return fonts.compactMap { font in
            guard !font.embedded, seen.insert(font.name).inserted else { return nil }
            return CheckDifference(kind: .font, pdf: font.name, message: CheckWording.fontNotEmbedded(font.name, type: font.type))
        }
    }

    /// Header/footer lines of the DOCX that no page of the PDF shows.
    static func headerFooter(_ docx: DocxText, _ pdf: PDFText) -> [CheckDifference] {
        guard pdf.pageCount > 0 else { return [] }
        let shown = Set(pdf.removedLines.compactMap(\.headerFooterSkeleton))
        var reported = Set<String>()
        // On a one-page document only the first-page header shows, if the document has one.
        let hasFirstPageHeader = docx.headerFooterLines.contains { $0.pages == .first }
        return docx.headerFooterLines.compactMap { line in
            if pdf.pageCount == 1 && (line.pages == .even || (line.pages == .default && hasFirstPageHeader)) { return nil }
            guard !line.skeleton.isEmpty, !shown.contains(line.skeleton), reported.insert(line.skeleton).inserted else { return nil }
            return CheckDifference(
                kind: .headerFooter, docx: line.text, docxLocation: DocxLocation(part: line.part, paragraph: line.paragraph),
                message: CheckWording.headerFooterMissing(line.text))
        }
    }

    /// Each anchored picture must be drawn on the page its anchoring paragraph is on (headers'
    /// pictures on any page), with the same pixel size, and with a soft mask when it has alpha.
    static func seals(_ comparison: TextComparison, _ images: [PDFImage], pageCount: Int) -> [CheckDifference] {
        let drawn = images.enumerated().filter { $0.element.type == "image" }
        var used = Set<Int>()
        var out: [CheckDifference] = []
        // Vector pictures become drawing operators, not images: pdfimages cannot see them.
        let vector: Set<String> = ["emf", "wmf", "emz", "wmz", "svg"]
        for seal in comparison.docx.seals where !vector.contains(seal.media.split(separator: ".").last.map { $0.lowercased() } ?? "") {
            let allowed: ClosedRange<Int>
            if let range = seal.streamRange {
                let first = comparison.pdfOffset(forDocx: range.lowerBound)
                let last = comparison.pdfOffset(forDocx: max(range.upperBound - 1, range.lowerBound))
                let low = comparison.pdf.page(at: range.isEmpty ? first - 1 : first)
                let high = comparison.pdf.page(at: range.isEmpty ? first : last)
                allowed = min(low, high)...max(low, high)
            } else {
                allowed = 1...max(pageCount, 1)
            }
            let name = seal.media.split(separator: "/").last.map(String.init) ?? seal.media
            let expected = CheckWording.pages(allowed)
            let candidates = drawn.filter { !used.contains($0.offset) && sameSize(seal, $0.element) }
            if let hit = candidates.first(where: { allowed.contains($0.element.page) }) {
                if seal.streamRange != nil { used.insert(hit.offset) }
                let masked = images.contains { $0.type == "smask" && $0.page == hit.element.page && abs($0.width - hit.element.width) <= pixelTolerance }
                if seal.hasAlpha && !masked {
                    out.append(CheckDifference(
                        kind: .seal, docx: seal.media, docxLocation: seal.location, pdfPage: hit.element.page,
                        message: CheckWording.sealLostTransparency(name)))
                }
            } else if let elsewhere = candidates.first {
                used.insert(elsewhere.offset)
                out.append(CheckDifference(
                    kind: .seal, docx: seal.media, pdf: CheckWording.pages(elsewhere.element.page...elsewhere.element.page), docxLocation: seal.location,
                    pdfPage: elsewhere.element.page,
                    message: CheckWording.sealOnOtherPage(name, page: elsewhere.element.page, expected: expected)))
            } else {
                let size = seal.pixelWidth.map { CheckWording.pixelSize($0, seal.pixelHeight ?? 0) } ?? ""
                out.append(CheckDifference(
                    kind: .seal, docx: seal.media, docxLocation: seal.location, pdfPage: allowed.lowerBound,
                    message: CheckWording.sealMissing(name, pixels: size, expected: expected)))
            }
        }
        return out
    }

    /// Same picture: same pixel size, or (if the PDF writer resampled it) same aspect ratio.
    private static func sameSize(_ seal: SealAnchor, _ image: PDFImage) -> Bool {
        guard let w = seal.pixelWidth, let h = seal.pixelHeight, w > 0, h > 0, image.height > 0 else { return true }
        if abs(w - image.width) <= pixelTolerance && abs(h - image.height) <= pixelTolerance { return true }
        let ratio = Double(w) / Double(h)
        let imageRatio = Double(image.width) / Double(image.height)
        return image.width < w && abs(ratio - imageRatio) / ratio < 0.02
    }

    private static func format(_ x: Double) -> String {
        x == x.rounded() ? String(Int(x)) : String(format: "%.1f", x)
    }
}
