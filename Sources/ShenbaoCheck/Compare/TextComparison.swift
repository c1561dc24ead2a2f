/// Aligns the DOCX character stream with the PDF's and turns the differing runs into reported
/// differences: changed, missing and extra text, and checkboxes whose state differs.
package struct TextComparison: Sendable {
    /// The two sides compared.
    package let docx: DocxText
    package let pdf: PDFText
    /// The runs where the streams differ, after forgiving list labels and moved text boxes.
    package private(set) var runs: [EditRun] = []
    /// The alignment's runs before anything was forgiven: monotonic on both sides, so they map
    /// DOCX offsets to PDF offsets.
    private(set) var alignmentRuns: [EditRun] = []
    /// The edit bound of each Myers alignment.
    package let maximumEdits: Int
    /// Aligned checkbox pairs (DOCX offset, PDF offset) whose states differ.
    package private(set) var checkboxMismatches: [(docx: Int, pdf: Int)] = []

    /// The one code all checkbox glyphs align as, so that a changed state never shifts the
    /// alignment; states are compared afterwards, position by position.
    static let checkboxClass: UInt32 = 0x2610

    /// Characters shown on each side of a difference in its context.
    static let contextLength = 8
    /// Longest text quoted in one difference.
    static let quoteLength = 120

    /// Aligns `docx` with `pdf`.
    package init(docx: DocxText, pdf: PDFText, maximumEdits: Int = CharacterDiff.defaultMaximumEdits) {
        self.docx = docx
        self.pdf = pdf
        self.maximumEdits = maximumEdits
        let a = docx.scalars.map { TextNormalizer.isCheckbox($0) ? Self.checkboxClass : $0.value }
        let b = pdf.scalars.map { TextNormalizer.isCheckbox($0) ? Self.checkboxClass : $0.value }
        let slid = RunSliding.slide(CharacterDiff.runs(a, b, maximumEdits: maximumEdits), a, b, boundaries: docx.locationIndex)
        alignmentRuns = slid
        runs = forgiveMovedTextBoxes(forgiveRepeatedTableHeaders(forgiveListLabels(slid)))
        checkboxMismatches = findCheckboxMismatches(a)
    }

    /// Where DOCX offset `i` lands in the PDF stream (the start of the replacing text when `i`
    /// lies in a changed run).
    package func pdfOffset(forDocx i: Int) -> Int {
        let runs = alignmentRuns
        var low = 0
        var high = runs.count
        while low < high {
            let mid = (low + high) / 2
            if runs[mid].a.lowerBound <= i { low = mid + 1 } else { high = mid }
        }
        guard low > 0 else { return i }
        let run = runs[low - 1]
        if i < run.a.upperBound { return run.b.lowerBound }
        return i - run.a.upperBound + run.b.upperBound
    }

    /// Walks the equal stretches between the alignment's runs and collects checkboxes whose glyphs differ.
    private func findCheckboxMismatches(_ a: [UInt32]) -> [(docx: Int, pdf: Int)] {
        var out: [(docx: Int, pdf: Int)] = []
        var i = 0
        var j = 0
        for run in alignmentRuns + [EditRun(a: a.count..<a.count, b: pdf.scalars.count..<pdf.scalars.count)] {
            while i < run.a.lowerBound {
                if a[i] == Self.checkboxClass && docx.scalars[i] != pdf.scalars[j] { out.append((i, j)) }
                i += 1
                j += 1
            }
            i = run.a.upperBound
            j = run.b.upperBound
        }
        return out
    }

    /// The text and checkbox differences, in DOCX reading order.
    package func differences() -> [CheckDifference] {
        var items: [(Int, CheckDifference)] = textDifferences()
        for (i, j) in checkboxMismatches {
            let docxGlyph = String(docx.scalars[i])
            let pdfGlyph = String(pdf.scalars[j])
            items.append((i, CheckDifference(
                kind: .checkbox, docx: docxGlyph, pdf: pdfGlyph, context: context(docx.originals, i..<(i + 1)),
                docxLocation: docx.location(at: i), pdfPage: pdf.page(at: j),
                message: CheckWording.checkbox(checkboxField(at: i), docx: docxGlyph, pdf: pdfGlyph))))
        }
        return items.enumerated().sorted { ($0.element.0, $0.offset) < ($1.element.0, $1.offset) }.map(\.element.1)
    }

    /// Text differences keyed by DOCX offset, for ordering.
    private func textDifferences() -> [(Int, CheckDifference)] {
        if pdf.scalars.isEmpty && !docx.scalars.isEmpty {
            return [(0, CheckDifference(
                kind: .text, docx: quote(docx.originals, 0..<docx.scalars.count), docxLocation: docx.location(at: 0), pdfPage: 1,
                message: CheckWording.noTextLayer(docxCharacters: docx.scalars.count)))]
        }
        return runs.map { ($0.a.lowerBound, textDifference($0)) }
    }

    /// One run as a difference: missing from the PDF, only in the PDF, or changed.
    private func textDifference(_ run: EditRun) -> CheckDifference {
        let docxText = quote(docx.originals, run.a)
        let pdfText = quote(pdf.originals, run.b)
        // Text only in the PDF is placed after the DOCX character before it.
        let location = docx.location(at: run.a.isEmpty ? max(run.a.lowerBound - 1, 0) : run.a.lowerBound)
        let page = pdf.page(at: run.b.isEmpty ? max(run.b.lowerBound - 1, 0) : run.b.lowerBound)
        if run.b.isEmpty {
            let context = context(docx.originals, run.a)
            return CheckDifference(
                kind: .text, docx: docxText, context: context, docxLocation: location, pdfPage: page,
                message: CheckWording.missingFromPDF(docxText, in: context))
        }
        if run.a.isEmpty {
            let context = context(pdf.originals, run.b)
            return CheckDifference(
                kind: .text, pdf: pdfText, context: context, docxLocation: location, pdfPage: page,
                message: CheckWording.onlyInPDF(pdfText, in: context))
        }
        let context = context(docx.originals, run.a)
        return CheckDifference(
            kind: .text, docx: docxText, pdf: pdfText, context: context, docxLocation: location, pdfPage: page,
            message: CheckWording.changed(docx: docxText, pdf: pdfText, in: context))
    }

    // MARK: - Quoting

    private func quote(_ s: [Unicode.Scalar], _ r: Range<Int>) -> String {
        let cut = r.count > Self.quoteLength
        let end = cut ? r.lowerBound + Self.quoteLength : r.upperBound
        return TextNormalizer.displayText(s, r.lowerBound..<end) + (cut ? "…" : "")
    }

    private func context(_ s: [Unicode.Scalar], _ r: Range<Int>) -> String {
        let before = TextNormalizer.displayText(s, max(r.lowerBound - Self.contextLength, 0)..<r.lowerBound)
        let after = TextNormalizer.displayText(s, r.upperBound..<min(r.upperBound + Self.contextLength, s.count))
        let middle = r.count > 24
            ? TextNormalizer.displayText(s, r.lowerBound..<(r.lowerBound + 10)) + "…" + TextNormalizer.displayText(s, (r.upperBound - 10)..<r.upperBound)
            : TextNormalizer.displayText(s, r)
        return before + "【" + middle + "】" + after
    }
}
