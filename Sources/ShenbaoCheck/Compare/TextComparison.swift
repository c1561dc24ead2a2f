/// Aligns the DOCX character stream with the PDF's and turns the differing runs into reported
/// differences: changed, missing and extra text, and checkboxes whose state differs.
public struct TextComparison: Sendable {
    public let docx: DocxText
    public let pdf: PDFText
    /// The runs where the streams differ, after forgiving list labels and moved text boxes.
    public private(set) var runs: [EditRun] = []
    /// False when the streams were too different to align within the edit bound.
    public private(set) var aligned = true
    /// Aligned checkbox pairs (DOCX offset, PDF offset) whose states differ.
    public private(set) var checkboxMismatches: [(docx: Int, pdf: Int)] = []

    /// The one code all checkbox glyphs align as, so that a changed state never shifts the
    /// alignment; states are compared afterwards, position by position.
    static let checkboxClass: UInt32 = 0x2610

    /// Characters shown on each side of a difference in its context.
    static let contextLength = 8
    /// Longest text quoted in one difference.
    static let quoteLength = 120

    /// Aligns `docx` with `pdf`.
    public init(docx: DocxText, pdf: PDFText, maximumEdits: Int = CharacterDiff.defaultMaximumEdits) {
        self.docx = docx
        self.pdf = pdf
        let a = docx.scalars.map { TextNormalizer.isCheckbox($0) ? Self.checkboxClass : $0.value }
        let b = pdf.scalars.map { TextNormalizer.isCheckbox($0) ? Self.checkboxClass : $0.value }
        if let runs = CharacterDiff.runs(a, b, maximumEdits: maximumEdits) {
            let slid = RunSliding.slide(runs, a, b, boundaries: docx.locationIndex)
            // Checkboxes are paired along the stretches between ALL runs: a forgiven run (a
            // repeated header row, a moved text box) still shifts the PDF offsets after it.
            checkboxMismatches = Self.findCheckboxMismatches(a, docx: docx, pdf: pdf, runs: slid)
            self.runs = forgiveMovedTextBoxes(forgiveRepeatedTableHeaders(forgiveListLabels(slid)))
        } else {
            aligned = false
            var prefix = 0
            while prefix < min(a.count, b.count) && a[prefix] == b[prefix] { prefix += 1 }
            self.runs = [EditRun(a: prefix..<a.count, b: prefix..<b.count)]
        }
    }

    /// Where DOCX offset `i` lands in the PDF stream (the start of the replacing text when `i`
    /// lies in a changed run).
    public func pdfOffset(forDocx i: Int) -> Int {
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

    /// Walks the equal stretches between runs and collects checkboxes whose glyphs differ.
    private static func findCheckboxMismatches(
        _ a: [UInt32], docx: DocxText, pdf: PDFText, runs: [EditRun]
    ) -> [(docx: Int, pdf: Int)] {
        var out: [(docx: Int, pdf: Int)] = []
        var i = 0
        var j = 0
        for run in runs + [EditRun(a: a.count..<a.count, b: pdf.scalars.count..<pdf.scalars.count)] {
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
    public func differences() -> [CheckDifference] {
        var items: [(Int, CheckDifference)] = textDifferences()
        for (i, j) in checkboxMismatches {
            let docxGlyph = String(docx.scalars[i])
            let pdfGlyph = String(pdf.scalars[j])
            items.append((i, CheckDifference(
                kind: .checkbox, docx: docxGlyph, pdf: pdfGlyph, context: context(docx.originals, i..<(i + 1)),
                docxLocation: docx.location(at: i), pdfPage: pdf.page(at: j),
                message: "checkbox \(checkboxField(at: i)): DOCX \(docxGlyph), PDF \(pdfGlyph)")))
        }
        return items.enumerated().sorted { ($0.element.0, $0.offset) < ($1.element.0, $1.offset) }.map(\.element.1)
    }

    private func textDifferences() -> [(Int, CheckDifference)] {
        var out: [CheckDifference] = []
        if !aligned {
            let run = runs[0]
            out.append(CheckDifference(
                kind: .text, docx: quote(docx.originals, run.a), pdf: quote(pdf.originals, run.b),
                context: context(docx.originals, run.a), docxLocation: docx.location(at: run.a.lowerBound),
                pdfPage: pdf.page(at: run.b.lowerBound),
                message: "the texts differ too much to align (more than \(CharacterDiff.defaultMaximumEdits) characters) from here on"))
            return [(0, out[0])]
        }
        if pdf.scalars.isEmpty && !docx.scalars.isEmpty {
            return [(0, CheckDifference(
                kind: .text, docx: quote(docx.originals, 0..<docx.scalars.count), docxLocation: docx.location(at: 0), pdfPage: 1,
                message: "the PDF has no text to compare (a scan, or text turned into curves): \(docx.scalars.count) characters of the DOCX are not in it"))]
        }
        var items: [(Int, CheckDifference)] = []
        for run in runs {
            var out: [CheckDifference] = []
            defer { items += out.map { (run.a.lowerBound, $0) } }
            let docxText = quote(docx.originals, run.a)
            let pdfText = quote(pdf.originals, run.b)
            let location = docx.location(at: run.a.isEmpty ? max(run.a.lowerBound - 1, 0) : run.a.lowerBound)
            let page = pdf.page(at: run.b.isEmpty ? max(run.b.lowerBound - 1, 0) : run.b.lowerBound)
            if run.b.isEmpty {
                out.append(CheckDifference(
                    kind: .text, docx: docxText, context: context(docx.originals, run.a), docxLocation: location, pdfPage: page,
                    message: "missing from the PDF: 「\(docxText)」 in 「\(context(docx.originals, run.a))」"))
            } else if run.a.isEmpty {
                out.append(CheckDifference(
                    kind: .text, pdf: pdfText, context: context(pdf.originals, run.b), docxLocation: location, pdfPage: page,
                    message: "only in the PDF: 「\(pdfText)」 in 「\(context(pdf.originals, run.b))」"))
            } else {
                out.append(CheckDifference(
                    kind: .text, docx: docxText, pdf: pdfText, context: context(docx.originals, run.a), docxLocation: location, pdfPage: page,
                    message: "DOCX 「\(docxText)」, PDF 「\(pdfText)」 in 「\(context(docx.originals, run.a))」"))
            }
        }
        return items
    }

    // MARK: - Classifying runs

    /// What a checkbox is for: `主申报单位性质「高校」`, from the label cell before it in the row
    /// (or the paragraph text before the first box) and the option text after it.
    func checkboxField(at i: Int) -> String {
        var j = i + 1
        while j < docx.scalars.count, j - i <= 12, !TextNormalizer.isCheckbox(docx.scalars[j]),
              docx.locationIndex[j] == docx.locationIndex[i] {
            j += 1
        }
        let option = TextNormalizer.displayText(docx.originals, (i + 1)..<j)
        let label = checkboxLabel(at: i)
        return (label.isEmpty ? "" : label) + "「\(String(option))」"
    }

    private func checkboxLabel(at i: Int) -> String {
        let here = docx.locationIndex[i]
        var start = i
        while start > 0 && docx.locationIndex[start - 1] == here { start -= 1 }
        // Text before the first box in the same paragraph or cell: "性质：☑高校□…".
        let firstBox = docx.scalars[start..<i].firstIndex(where: TextNormalizer.isCheckbox) ?? i
        var label = TextNormalizer.displayText(docx.originals, start..<firstBox)
        if label.isEmpty, let location = docx.location(at: i), let cell = location.cell, cell > 1 {
            var previous = location
            previous.cell = cell - 1
            if let n = docx.locations.firstIndex(of: previous),
               let first = docx.locationIndex.firstIndex(of: Int32(n)) {
                var end = first
                while end < docx.locationIndex.count && docx.locationIndex[end] == Int32(n) { end += 1 }
                label = TextNormalizer.displayText(docx.originals, first..<end)
            }
        }
        while let last = label.last, "：:".contains(last) { label.removeLast() }
        return String(label.prefix(30))
    }

    /// A PDF-only run at the start of a numbered paragraph that looks like a list label is the
    /// label LibreOffice drew ("一、", "（1）", "2.", "•"), not a difference.
    private func forgiveListLabels(_ runs: [EditRun]) -> [EditRun] {
        guard !docx.numberedParagraphStarts.isEmpty else { return runs }
        return runs.filter { run in
            guard run.a.isEmpty, docx.numberedParagraphStarts.contains(run.a.lowerBound), run.b.count <= 8 else { return true }
            let label = String(String.UnicodeScalarView(pdf.scalars[run.b]))
            return label.wholeMatch(of: /[(（]?[0-9一二三四五六七八九十百零〇a-zA-ZⅠ-Ⅻⅰ-ⅻ]{1,4}[)）]?[、.．)）]?|[•●◆◇▪►➢○◦·‧-]/) == nil
        }
    }

    /// A PDF-only run that is exactly a table's repeated header rows is the header LibreOffice
    /// draws again on the next page.
    private func forgiveRepeatedTableHeaders(_ runs: [EditRun]) -> [EditRun] {
        guard !docx.repeatedTableHeaders.isEmpty else { return runs }
        let headers = Set(docx.repeatedTableHeaders.map { $0.map(\.value) })
        return runs.filter { run in !(run.a.isEmpty && headers.contains(pdf.scalars[run.b].map(\.value))) }
    }

    /// Text-box text floats: the PDF may draw it elsewhere than its anchor. A run missing from
    /// the PDF that lies wholly in text boxes and reappears verbatim as a PDF-only run is a move.
    private func forgiveMovedTextBoxes(_ runs: [EditRun]) -> [EditRun] {
        var dropped = Set<Int>()
        for (i, run) in runs.enumerated() where run.b.isEmpty && !run.a.isEmpty && !dropped.contains(i) {
            guard run.a.allSatisfy({ docx.locations[Int(docx.locationIndex[$0])].textBox != nil }) else { continue }
            let text = Array(docx.scalars[run.a])
            if let j = runs.indices.first(where: { !dropped.contains($0) && runs[$0].a.isEmpty && Array(pdf.scalars[runs[$0].b]) == text }) {
                dropped.insert(i)
                dropped.insert(j)
            }
        }
        return runs.enumerated().filter { !dropped.contains($0.offset) }.map(\.element)
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
