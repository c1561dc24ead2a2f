/// Aligns the DOCX character stream with a scan's boxes, tolerant of the order boxes are read in.
///
/// 1. Every box whose text occurs in the DOCX stream is placed there: first the boxes whose text
///    occurs once, then the others at the free occurrence nearest to where the box before them
///    (in reading order) ended, boxes of one character last. So table cells read in another
///    order, or pages in another order, still land on their own text.
/// 2. What is left on both sides (DOCX characters no box covers, boxes placed nowhere) is
///    aligned in order with Myers' diff; its differing runs are the candidates for differences.
///
/// A box left over that repeats a table's header row (drawn again on a continuation page) is
/// not compared.
///
/// Checkbox glyphs are left out of the text (ticks are judged by ink, `ScanMarks`); a box read
/// with a box-like character where the DOCX has a checkbox (`口`, `☑`, `√`, …) is placed without it.
struct ScanAlignment {
    /// A scan character: box index and character index in that box.
    struct Spot: Hashable {
        var box: Int
        var char: Int
    }

    /// A residual run: DOCX stream offsets (in order, checkbox glyphs excluded) and scan characters.
    struct Run {
        var docx: [Int]
        var scan: [Spot]
    }

    let docx: DocxText
    let stream: ScanStream
    /// DOCX offsets compared (all but checkbox glyphs), in order.
    private(set) var compared: [Int] = []
    /// Where each DOCX offset was found on the scan.
    private(set) var found: [Int: Spot] = [:]
    /// Boxes placed whole, and where (the offsets into `compared`).
    private(set) var placed: [Int: Range<Int>] = [:]
    /// The residual runs that differ.
    private(set) var runs: [Run] = []

    /// Dashes OCR cannot tell apart (— ― ─ – - 一 －) compare as one character: which dash a
    /// form prints is layout, not content.
    static func fold(_ v: UInt32) -> UInt32 {
        switch v {
        case 0x2014, 0x2015, 0x2500, 0x2013, 0x2012, 0x2212, 0x2D, 0xFF0D, 0x4E00: return 0x4E00
        default: return v
        }
    }

    /// Characters OCR reads a checkbox glyph as.
    static let boxLike: Set<UInt32> = Set("☑☐☒□■口囗√✓✔区図团凶回四]".unicodeScalars.map(\.value))

    init(docx: DocxText, stream: ScanStream) {
        self.docx = docx
        self.stream = stream
        compared = docx.scalars.indices.filter { !TextNormalizer.isCheckbox(docx.scalars[$0]) }
        let text = compared.map { Self.fold(docx.scalars[$0].value) }
        place(text)
        align(text)
    }

    private mutating func place(_ text: [UInt32]) {
        // Bigram index of the DOCX stream.
        var index: [UInt64: [Int]] = [:]
        if text.count >= 2 {
            for i in 0..<(text.count - 1) { index[UInt64(text[i]) << 32 | UInt64(text[i + 1]), default: []].append(i) }
        }
        var covered = [Bool](repeating: false, count: text.count)
        func occurrences(_ t: [UInt32]) -> [Int] {
            guard !t.isEmpty else { return [] }
            if t.count == 1 { return text.indices.filter { text[$0] == t[0] } }
            return (index[UInt64(t[0]) << 32 | UInt64(t[1])] ?? []).filter { start in
                start + t.count <= text.count && (2..<t.count).allSatisfy { text[start + $0] == t[$0] }
            }
        }
        func free(_ start: Int, _ n: Int) -> Bool { !(start..<(start + n)).contains { covered[$0] } }
        let variants: [[UInt32]] = stream.boxes.map { $0.scalars.map { Self.fold($0.value) } }
        func candidates(_ b: Int) -> (text: [UInt32], keep: [Int], starts: [Int]) {
            let t = variants[b]
            let direct = occurrences(t).filter { free($0, t.count) }
            if !direct.isEmpty || !t.contains(where: Self.boxLike.contains) { return (t, Array(t.indices), direct) }
            let keep = t.indices.filter { !Self.boxLike.contains(t[$0]) }
            let stripped = keep.map { t[$0] }
            return (stripped, keep, occurrences(stripped).filter { free($0, stripped.count) })
        }
        func accept(_ b: Int, _ start: Int, _ c: (text: [UInt32], keep: [Int], starts: [Int])) {
            for (k, charIndex) in c.keep.enumerated() {
                covered[start + k] = true
                found[compared[start + k]] = Spot(box: b, char: charIndex)
            }
            placed[b] = start..<(start + c.text.count)
        }
        // Unique texts first (four characters or more), then the rest nearest to their neighbour.
        for b in stream.boxes.indices where variants[b].count >= 4 {
            let c = candidates(b)
            if c.starts.count == 1 && !c.text.isEmpty { accept(b, c.starts[0], c) }
        }
        // Single characters last: a lone digit (a table's row number read on a line of its own)
        // taken first would fill the place of that digit in a longer box.
        for shortest in [2, 1] {
            var expected = 0
            for b in stream.boxes.indices {
                if let range = placed[b] { expected = range.upperBound; continue }
                guard variants[b].count >= shortest else { continue }
                let c = candidates(b)
                guard !c.text.isEmpty, let best = c.starts.min(by: { abs($0 - expected) < abs($1 - expected) }) else { continue }
                accept(b, best, c)
                expected = best + c.text.count
            }
        }
    }

    private mutating func align(_ text: [UInt32]) {
        let leftDocx = compared.indices.filter { found[compared[$0]] == nil }
        var leftScan: [Spot] = []
        // A table's header rows (w:tblHeader) are printed again on every page the table
        // continues on: a box left over that repeats one is that copy.
        let headers = docx.repeatedTableHeaders.map { $0.map { Self.fold($0.value) } }
        func inHeader(_ t: [UInt32]) -> Bool {
            !t.isEmpty && headers.contains { h in h.count >= t.count && (0...(h.count - t.count)).contains { Array(h[$0..<($0 + t.count)]) == t } }
        }
        for b in stream.boxes.indices where placed[b] == nil && !inHeader(stream.boxes[b].scalars.map { Self.fold($0.value) }) {
            for c in stream.boxes[b].scalars.indices { leftScan.append(Spot(box: b, char: c)) }
        }
        let a = leftDocx.map { text[$0] }
        let s = leftScan.map { Self.fold(stream.boxes[$0.box].scalars[$0.char].value) }
        let diff = CharacterDiff.runs(a, s)
        var i = 0
        var j = 0
        for run in diff + [EditRun(a: a.count..<a.count, b: s.count..<s.count)] {
            while i < run.a.lowerBound && j < run.b.lowerBound {
                found[compared[leftDocx[i]]] = leftScan[j]
                i += 1
                j += 1
            }
            if !run.a.isEmpty || !run.b.isEmpty {
                runs.append(Run(docx: run.a.map { compared[leftDocx[$0]] }, scan: run.b.map { leftScan[$0] }))
            }
            i = run.a.upperBound
            j = run.b.upperBound
        }
        runs = Self.cancelMoved(runs, stream: stream, docx: docx)
    }

    /// Drops a DOCX-only run and a scan-only run of the same text (text read in another order),
    /// and scan-only runs of box-like characters (a checkbox read as a character).
    static func cancelMoved(_ runs: [Run], stream: ScanStream, docx: DocxText) -> [Run] {
        var keep = [Bool](repeating: true, count: runs.count)
        func scanText(_ r: Run) -> [UInt32] { r.scan.map { fold(stream.boxes[$0.box].scalars[$0.char].value) } }
        for (k, run) in runs.enumerated() where run.docx.isEmpty && scanText(run).allSatisfy(boxLike.contains) { keep[k] = false }
        var docxOnly: [[UInt32]: [Int]] = [:]
        for (k, run) in runs.enumerated() where keep[k] && run.scan.isEmpty {
            docxOnly[run.docx.map { fold(docx.scalars[$0].value) }, default: []].append(k)
        }
        for (k, run) in runs.enumerated() where keep[k] && run.docx.isEmpty {
            if var matches = docxOnly[scanText(run)], let m = matches.popLast() {
                keep[k] = false
                keep[m] = false
                docxOnly[scanText(run)] = matches
            }
        }
        return zip(runs, keep).filter(\.1).map(\.0)
    }

    /// The scan character nearest before DOCX offset `i` that was found, or after it.
    func nearestSpot(toDocx i: Int) -> Spot? {
        guard let k = compared.firstIndex(where: { $0 >= i }) ?? compared.indices.last else { return nil }
        for d in 0..<compared.count {
            if k - d >= 0, let s = found[compared[k - d]] { return s }
            if k + d < compared.count, let s = found[compared[k + d]] { return s }
        }
        return nil
    }

    func rect(_ spot: Spot) -> PixelRect { stream.boxes[spot.box].rects[spot.char] }
    func page(_ spot: Spot) -> Int { stream.boxes[spot.box].page }
}
