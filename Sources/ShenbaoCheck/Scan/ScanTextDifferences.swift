/// Turns a scan alignment into differences and spots to look at.
///
/// A residual run is a difference when every scan character in it, and the box it is in, was
/// read with good confidence (≥ `confidenceThreshold`), no low-confidence box borders it, and it
/// is not only look-alike characters read under `OCRConfusables.confidence`; otherwise each box
/// involved becomes a spot to look at. A DOCX-only run longer than `pageGap` characters is a
/// missing page; pages whose placed text runs backwards are in another order.
struct ScanTextDifferences {
    /// KNOWN.md: real changes were read at 0.997-0.999; false alarms on faithful scans came from
    /// boxes under 0.95, and here from one at 0.989 (a dropped 与), so the line is at 0.99.
    static let confidenceThreshold = 0.99
    /// DOCX-only text this long is reported as a missing page, not as a missing paragraph.
    static let pageGap = 300

    let alignment: ScanAlignment
    let pages: [ScanPage]
    private(set) var differences: [(offset: Int, difference: CheckDifference)] = []
    private(set) var review: [ReviewSpot] = []

    init(alignment: ScanAlignment, pages: [ScanPage]) {
        self.alignment = alignment
        self.pages = pages
        let docx = alignment.docx
        var reviewedBoxes = Set<Int>()
        for run in alignment.runs {
            let boxes = Set(run.scan.map(\.box))
            // A box read with low confidence, or one of the run's own characters.
            var lowBoxes = boxes.filter { alignment.stream.boxes[$0].source.confidence < Self.confidenceThreshold }
            for spot in run.scan where alignment.stream.boxes[spot.box].confidences[spot.char] < Self.confidenceThreshold { lowBoxes.insert(spot.box) }
            let swapped = swappedLookalikes(run)
            lowBoxes.formUnion(swapped)
            if run.scan.isEmpty, let first = run.docx.first {
                // A low-confidence box next to DOCX-only text may have dropped it.
                for neighbour in [alignment.nearestSpot(toDocx: first - 1), alignment.nearestSpot(toDocx: run.docx.last! + 1)].compactMap({ $0 })
                where alignment.stream.boxes[neighbour.box].source.confidence < Self.confidenceThreshold {
                    lowBoxes.insert(neighbour.box)
                }
            }
            let docxText = run.docx.isEmpty ? nil : Self.quote(run.docx, docx)
            let scanText = run.scan.isEmpty ? nil : String(String.UnicodeScalarView(run.scan.map { alignment.stream.boxes[$0.box].scalars[$0.char] }))
            let offset = run.docx.first ?? alignment.nearestDocxOffset(after: run.scan.first!)
            if !lowBoxes.isEmpty && run.docx.count < Self.pageGap {
                for b in lowBoxes.sorted() where reviewedBoxes.insert(b).inserted {
                    let box = alignment.stream.boxes[b].source
                    // The least sure of the box and of its characters in the run.
                    let confidence = run.scan.filter { $0.box == b }.map { alignment.stream.boxes[b].confidences[$0.char] }.reduce(box.confidence, min)
                    review.append(ReviewSpot(
                        box: Self.pageBox(PixelRect(x0: box.box[0], y0: box.box[1], x1: box.box[2], y1: box.box[3]), page: box.page),
                        scan: box.text, confidence: confidence, docx: docxText, docxLocation: docx.location(at: offset),
                        reason: swapped.contains(b) ? "形近字（\(scanText ?? "")／\(docxText ?? "")），识别置信度不足以断定不同" : "识别置信度低，读出的文字与 DOCX 不同"))
                }
                continue
            }
            differences.append((offset, difference(run, docxText: docxText, scanText: scanText, offset: offset)))
        }
        differences += pageOrder()
        if let lost = lostPage() { differences.append(lost) }
        differences.sort { $0.offset < $1.offset }
    }

    /// A run's DOCX characters as written; where they are not one stretch of the DOCX (the
    /// alignment's leftovers from two places), the stretches joined by `…`. Checkbox glyphs,
    /// which are not compared, do not break a stretch.
    static func quote(_ offsets: [Int], _ docx: DocxText) -> String {
        var parts: [String] = []
        var start = offsets[0]
        for (a, b) in zip(offsets, offsets.dropFirst().map { Optional($0) } + [nil]) {
            if let b, b > a, ((a + 1)..<b).allSatisfy({ TextNormalizer.isCheckbox(docx.scalars[$0]) }) { continue }
            parts.append(TextNormalizer.displayText(docx.originals, start..<(a + 1)))
            if let b { start = b }
        }
        return parts.joined(separator: "…")
    }

    /// The boxes of a run whose only differences are look-alike characters (`OCRConfusables`)
    /// each read with a score under that table's bar; empty for any other run.
    private func swappedLookalikes(_ run: ScanAlignment.Run) -> Set<Int> {
        guard !run.docx.isEmpty, run.docx.count == run.scan.count else { return [] }
        var boxes = Set<Int>()
        for (offset, spot) in zip(run.docx, run.scan) {
            let box = alignment.stream.boxes[spot.box]
            let expected = alignment.docx.scalars[offset]
            let read = box.scalars[spot.char]
            if ScanAlignment.fold(expected.value) == ScanAlignment.fold(read.value) { continue }
            guard OCRConfusables.confusable(expected, read), box.confidences[spot.char] < OCRConfusables.confidence else { return [] }
            boxes.insert(spot.box)
        }
        return boxes
    }

    /// A page's worth of text gone from the scan as a whole, even when the alignment placed its
    /// repeated phrases elsewhere and left only short DOCX-only runs beside unsure boxes (which
    /// alone would be spots to look at): the scan reads `pageGap` or more characters fewer than
    /// the DOCX has. Reported once, at the longest DOCX-only run.
    private func lostPage() -> (offset: Int, difference: CheckDifference)? {
        guard !differences.contains(where: { $0.difference.kind == .page }) else { return nil }
        let read = alignment.stream.boxes.reduce(0) { $0 + $1.scalars.count }
        let shortfall = alignment.docx.scalars.count - read
        guard shortfall >= Self.pageGap,
            let longest = alignment.runs.filter({ $0.scan.isEmpty && !$0.docx.isEmpty }).max(by: { $0.docx.count < $1.docx.count })
        else { return nil }
        let offset = longest.docx.first!
        let page = alignment.nearestSpot(toDocx: offset - 1).map(alignment.page)
        let after = page.map { "扫描件第 \($0) 页之后" } ?? "扫描件中"
        let text = TextNormalizer.displayText(alignment.docx.originals, offset..<(longest.docx.last! + 1))
        let quoted = text.count > TextComparison.quoteLength ? String(text.prefix(TextComparison.quoteLength)) + "…" : text
        return (offset, CheckDifference(
            kind: .page, docx: quoted, pdf: nil, docxLocation: alignment.docx.location(at: offset), pdfPage: page,
            message: "扫描件比 DOCX 少 \(shortfall) 个字符（缺页）：\(after)起缺少「\(quoted)」等内容"))
    }

    private func difference(_ run: ScanAlignment.Run, docxText: String?, scanText: String?, offset: Int) -> CheckDifference {
        let docx = alignment.docx
        let spots = run.scan.isEmpty ? [alignment.nearestSpot(toDocx: offset - 1)].compactMap { $0 } : run.scan
        let page = spots.first.map(alignment.page)
        var rect: PixelRect?
        for spot in spots where alignment.page(spot) == page {
            let r = alignment.rect(spot)
            rect = rect.map { $0.union(r) } ?? r
        }
        let box = rect.flatMap { r in page.map { Self.pageBox(r, page: $0) } }
        let quote = { (s: String) in s.count > TextComparison.quoteLength ? String(s.prefix(TextComparison.quoteLength)) + "…" : s }
        if run.docx.count >= Self.pageGap {
            let after = page.map { "扫描件第 \($0) 页之后" } ?? "扫描件中"
            return CheckDifference(kind: .page, docx: quote(docxText ?? ""), pdf: scanText.map(quote), docxLocation: docx.location(at: offset),
                                   pdfPage: page, message: "\(after)缺少 DOCX 的 \(run.docx.count) 个字符（缺页）：「\(quote(docxText ?? ""))」", pdfBox: box)
        }
        let message: String
        switch (docxText, scanText) {
        case let (d?, s?): message = "DOCX「\(d)」，扫描件「\(s)」"
        case let (d?, nil): message = "扫描件缺少「\(quote(d))」"
        case let (nil, s?): message = "仅扫描件有「\(quote(s))」"
        default: message = ""
        }
        return CheckDifference(kind: .text, docx: docxText.map(quote), pdf: scanText.map(quote), docxLocation: docx.location(at: offset),
                               pdfPage: page, message: message, pdfBox: box)
    }

    /// Pages whose text sits earlier in the DOCX than the page before them.
    private func pageOrder() -> [(offset: Int, difference: CheckDifference)] {
        var medians: [(page: Int, offset: Int)] = []
        for page in pages {
            let offsets = alignment.placedOffsets(onPage: page.number)
            if offsets.count >= 20 { medians.append((page.number, offsets.sorted()[offsets.count / 2])) }
        }
        var out: [(offset: Int, difference: CheckDifference)] = []
        for (a, b) in zip(medians, medians.dropFirst()) where b.offset < a.offset {
            out.append((b.offset, CheckDifference(
                kind: .page, docxLocation: alignment.docx.location(at: b.offset), pdfPage: b.page,
                message: "扫描件第 \(b.page) 页的内容在 DOCX 中位于第 \(a.page) 页之前（页序颠倒）")))
        }
        return out
    }

    static func pageBox(_ r: PixelRect, page: Int) -> PageBox {
        let mm = ScanPages.mmPerPixel
        return PageBox(page: page, x: r.x0 * mm, y: r.y0 * mm, width: (r.x1 - r.x0) * mm, height: (r.y1 - r.y0) * mm)
    }
}

extension ScanAlignment {
    /// DOCX offsets placed on a page's boxes.
    func placedOffsets(onPage page: Int) -> [Int] {
        found.compactMap { stream.boxes[$0.value.box].page == page ? $0.key : nil }
    }

    /// The DOCX offset of the first found character after a scan spot in reading order.
    func nearestDocxOffset(after spot: Spot) -> Int {
        var best: Int?
        for (offset, s) in found where s.box > spot.box || (s.box == spot.box && s.char > spot.char) {
            if let b = best, let bs = found[b], (bs.box, bs.char) < (s.box, s.char) { continue }
            best = offset
        }
        return best ?? docx.scalars.count
    }
}
