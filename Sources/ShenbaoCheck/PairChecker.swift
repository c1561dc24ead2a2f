import Foundation
import ShenbaoCore

/// Checks that a PDF says what its DOCX says: the text character by character (wrapping, page
/// breaks, page numbers, repeated headers/footers and spaces aside), every checkbox, the seals
/// and their pages, the data digests, that the DOCX shows its embedded data (`DataConsistency`),
/// embedded fonts and A4 pages.
///
/// ```swift
/// let report = try PairChecker.check(docx: "form.docx", pdf: "form.pdf", data: nil)
/// if !report.matches { print(report.renderText()) }
/// ```
public enum PairChecker {
    /// Checks one pair.
    /// - Parameters:
    ///   - data: the application data the pair should have been made from; its `digest` is
    ///     compared with the digests the DOCX and PDF record.
    ///   - templatesDirectory: a folder of form packages searched first for the form's template,
    ///     which is refilled with the DOCX's embedded data to prove the DOCX shows its data
    ///     (`DataConsistency`; a template not found is a warning).
    /// - Throws: `CheckError.unreadable` when a file cannot be read (not a DOCX, not a PDF,
    ///   missing), `CheckError.several` when both cannot, `CheckError.toolMissing` when poppler
    ///   is not installed.
    ///   - scan: for a PDF with pages that have no text layer (a scan): the OCR cache and the
    ///     evidence folder.
    public static func check(docx: String, pdf: String, data: DataValue? = nil, templatesDirectory: String? = nil,
                             scan: ScanOptions = ScanOptions()) throws -> CheckReport {
        let docxRead = DocxReading(path: docx, templatesDirectory: templatesDirectory)
        do {
            try requirePDFHeader(pdf)
        } catch {
            docxRead.run()
            if case .failure(let docxError) = docxRead.result { throw CheckError.combining([docxError, error]) }
            throw error
        }
        // The poppler tools run while the DOCX is read.
        let pdfRead = PDFReading(path: pdf)
        ParallelJobs.run([{ pdfRead.runText() }, { pdfRead.runInfo() }, { pdfRead.runFonts() }, { pdfRead.runImages() }, { docxRead.run() }])
        let pdfResults = Result { try pdfRead.results() }
        if case .failure(let docxError) = docxRead.result, case .failure(let pdfError) = pdfResults {
            throw CheckError.combining([docxError, pdfError])
        }
        let docxText = try docxRead.result.get()
        let (rawText, info, fonts, images) = try pdfResults.get()
        let scanned = scannedPages(words: rawText, pageCount: info.pageCount)
        var report = scanned.isEmpty
            ? compare(docx: docxText, docxPath: docx, pdfWords: rawText, pdfPath: pdf, info: info, fonts: fonts, images: images, data: data)
            : try ScanChecker.check(docx: docxText, docxPath: docx, pdf: pdf, words: rawText, info: info, scanned: scanned, data: data, options: scan)
        report.differences += docxRead.consistency.differences
        report.warnings += docxRead.consistency.warnings
        return report
    }

    /// The pages (1-based) with no text layer: `pdftotext` finds no word on them. A blank page
    /// counts too (OCR finds nothing there either).
    static func scannedPages(words: String, pageCount: Int) -> Set<Int> {
        let pages = PDFWordLayout.pages(fromBBoxOutput: words)
        var out = Set<Int>()
        for number in 1...max(1, pageCount) where number > pages.count || pages[number - 1].allSatisfy({ TextNormalizer.normalize($0).isEmpty }) {
            out.insert(number)
        }
        return pageCount == 0 ? [] : out
    }

    /// Fails fast, before any tool runs, on a file that is missing or does not start like a PDF
    /// (poppler would try to reconstruct it and report only a broken trailer).
    private static func requirePDFHeader(_ path: String) throws {
        // Only a regular file: a FIFO named .pdf would block the reader (and poppler) for ever.
        do {
            try InputFile.requireRegular(path, what: "PDF")
        } catch let error as InputFileError {
            throw CheckError.unreadable(path: path, reason: error.cause)
        }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw CheckError.unreadable(path: path, reason: CheckWording.noSuchFile)
        }
        defer { try? handle.close() }
        let head = (try? handle.read(upToCount: 1024)) ?? Data()
        guard head.range(of: Data("%PDF-".utf8)) != nil else {
            throw CheckError.unreadable(path: path, reason: CheckWording.notPDF)
        }
    }

    /// The comparison itself, on already extracted inputs: what `check` does after running the
    /// tools. Usable without poppler (tests feed it recorded tool output).
    package static func compare(
        docx: DocxText, docxPath: String, pdfWords: String, pdfPath: String, info: PDFInfo,
        fonts: [PDFFont], images: [PDFImage], data: DataValue?
    ) -> CheckReport {
        let pdf = PDFText.parse(bboxOutput: pdfWords, headerFooter: docx.headerFooterLines)
        let comparison = TextComparison(docx: docx, pdf: pdf)
        var differences = comparison.differences()
        differences += LayoutChecks.headerFooter(docx, pdf)
        differences += DigestCheck.differences(docx: docx, pdfKeywords: info.keywords, dataDigest: data?.digest)
        differences += LayoutChecks.seals(comparison, images, pageCount: max(info.pageCount, pdf.pageCount))
        differences += LayoutChecks.fonts(fonts)
        differences += LayoutChecks.pageSizes(info)
        return CheckReport(
            docx: docxPath, pdf: pdfPath, differences: differences, pageCount: max(info.pageCount, pdf.pageCount),
            docxCharacters: docx.scalars.count, pdfCharacters: pdf.scalars.count)
    }
}

/// Reads the DOCX on its own thread, then refills its form with its embedded data and compares.
private final class DocxReading: @unchecked Sendable {
    let path: String
    let templatesDirectory: String?
    var result: Result<DocxText, Error> = .failure(CheckError.unreadable(path: "", reason: CheckWording.notRun))
    var consistency = DataConsistency.Findings()
    init(path: String, templatesDirectory: String?) {
        self.path = path
        self.templatesDirectory = templatesDirectory
    }
    func run() {
        result = Result {
            let archive = try DocxReader.open(path)
            let text = try DocxReader.read(archive)
            consistency = DataConsistency.check(archive, shown: text, templatesDirectory: templatesDirectory)
            return text
        }
    }
}

/// The four poppler tools on one PDF, run concurrently; results read after `run()` returns.
private final class PDFReading: @unchecked Sendable {
    let path: String
    private var text: Result<String, Error> = .failure(CheckError.unreadable(path: "", reason: CheckWording.notRun))
    private var info: Result<PDFInfo, Error> = .failure(CheckError.unreadable(path: "", reason: CheckWording.notRun))
    private var fonts: Result<[PDFFont], Error> = .failure(CheckError.unreadable(path: "", reason: CheckWording.notRun))
    private var images: Result<[PDFImage], Error> = .failure(CheckError.unreadable(path: "", reason: CheckWording.notRun))

    init(path: String) { self.path = path }

    // Each job writes only its own result; `ParallelJobs.run` returns after all of them.
    func runText() { text = Result { try Poppler.words(path) } }
    func runInfo() { info = Result { try Poppler.info(path) } }
    func runFonts() { fonts = Result { try Poppler.fonts(path) } }
    func runImages() { images = Result { try Poppler.images(path) } }

    func results() throws -> (String, PDFInfo, [PDFFont], [PDFImage]) {
        // pdfinfo's failure says best why a file is not a PDF.
        let info = try self.info.get()
        return (try text.get(), info, try fonts.get(), try images.get())
    }
}
