import Foundation
import ShenbaoCore

/// The result of checking one DOCX against its PDF.
public struct CheckReport: Sendable, Codable {
    /// The paths checked, as given.
    public var docx: String
    public var pdf: String
    /// Every difference found, text differences in reading order first, then the other checks.
    public var differences: [CheckDifference]
    /// What could not be checked and why (e.g. the form's template was not found, so the DOCX's
    /// text was not compared with its embedded data). Printed, but a pair still matches.
    public var warnings: [CheckDifference] = []
    /// The PDF's pages.
    public var pageCount: Int
    /// Characters compared on the DOCX side and the PDF side (whitespace excluded).
    public var docxCharacters: Int
    public var pdfCharacters: Int
    /// Text PDF, scan or mixed.
    public var pdfKind: PDFKind = .text
    /// Low-confidence OCR spots a clerk should look at; never counted as differences.
    public var review: [ReviewSpot] = []

    package init(docx: String, pdf: String, differences: [CheckDifference], pageCount: Int, docxCharacters: Int, pdfCharacters: Int) {
        self.docx = docx
        self.pdf = pdf
        self.differences = differences
        self.pageCount = pageCount
        self.docxCharacters = docxCharacters
        self.pdfCharacters = pdfCharacters
    }

    /// True when the PDF says exactly what the DOCX says and passes every other check.
    public var matches: Bool { differences.isEmpty }

    /// `a.docx ↔ a.pdf：2 处不同（文字 1 处，印章 1 处），4 页` or `…：一致，4 页，3120 个字符`.
    public var summary: String {
        let kind = pdfKind == .text ? "" : "（\(pdfKind.label)）"
        let toReview = review.isEmpty ? "" : CheckWording.toReview(review.count)
        return summaryCore(kind: kind) + toReview
    }

    private func summaryCore(kind: String) -> String {
        let docx = self.docx
        let pdf = self.pdf + kind
        if matches { return CheckWording.match("\(docx) ↔ \(pdf)", pages: pageCount, characters: docxCharacters) }
        var counts: [(CheckDifference.Kind, Int)] = []
        for d in differences {
            if let i = counts.firstIndex(where: { $0.0 == d.kind }) { counts[i].1 += 1 } else { counts.append((d.kind, 1)) }
        }
        return CheckWording.differ("\(docx) ↔ \(pdf)", count: differences.count, kinds: counts, pages: pageCount)
    }

    /// One line per difference, one per warning (`警告：…`), then the summary line.
    public func renderText() -> String {
        (differences.map(\.description) + warnings.map { CheckWording.warningPrefix + $0.description } + review.map(\.description) + [summary])
            .joined(separator: "\n") + "\n"
    }

    /// The report as pretty-printed JSON with sorted keys (`matches`, `differences`, …).
    public func renderJSON() -> String {
        JSONWriter.pretty(jsonValue)
    }

    /// The report as `renderJSON()` prints it, to embed in a larger JSON output.
    package var jsonValue: JSONValue {
        (try? JSONValue(encoding: JSONForm(self))) ?? .object([:])
    }

    private struct JSONForm: Encodable {
        var docx: String
        var pdf: String
        var matches: Bool
        var pageCount: Int
        var docxCharacters: Int
        var pdfCharacters: Int
        var differences: [CheckDifference]
        var warnings: [CheckDifference]
        var summary: String
        var pdfKind: PDFKind
        var review: [ReviewSpot]
        init(_ r: CheckReport) {
            pdfKind = r.pdfKind
            review = r.review
            docx = r.docx
            pdf = r.pdf
            matches = r.matches
            pageCount = r.pageCount
            docxCharacters = r.docxCharacters
            pdfCharacters = r.pdfCharacters
            differences = r.differences
            warnings = r.warnings
            summary = r.summary
        }
    }
}
