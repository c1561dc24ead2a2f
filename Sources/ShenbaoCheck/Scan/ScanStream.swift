/// A rectangle on a rendered page, in pixels (x0, y0 top left; x1, y1 bottom right).
package struct PixelRect: Sendable, Hashable {
    package var x0, y0, x1, y1: Double
    package var height: Double { y1 - y0 }
    package func union(_ r: PixelRect) -> PixelRect {
        PixelRect(x0: min(x0, r.x0), y0: min(y0, r.y0), x1: max(x1, r.x1), y1: max(y1, r.y1))
    }
    package func expanded(_ d: Double) -> PixelRect { PixelRect(x0: x0 - d, y0: y0 - d, x1: x1 + d, y1: y1 + d) }
}

/// The scan's text as the comparison reads it: every page's boxes in reading order (lines top to
/// bottom, boxes left to right), page numbers and header/footer lines taken out, each box's text
/// normalized, and a rectangle and a score for every character: the recogniser's own where it
/// gave them (`OCRBox.characters`), else the box split evenly and the box's score.
struct ScanStream {
    struct Box {
        var source: OCRBox
        var scalars: [Unicode.Scalar]
        var rects: [PixelRect]
        /// Each character's score (the box's when the recogniser gave none per character).
        var confidences: [Double]
        var page: Int { source.page }

        init(source: OCRBox) {
            self.source = source
            if let characters = source.characters, characters.count == source.text.unicodeScalars.count {
                var scalars: [Unicode.Scalar] = []
                var rects: [PixelRect] = []
                var confidences: [Double] = []
                for (scalar, character) in zip(source.text.unicodeScalars, characters) {
                    let n = scalars.count
                    TextNormalizer.append(scalar, to: &scalars)
                    guard scalars.count > n else { continue }
                    let b = character?.box ?? source.box
                    rects += repeatElement(PixelRect(x0: b[0], y0: b[1], x1: b[2], y1: b[3]), count: scalars.count - n)
                    confidences += repeatElement(character?.confidence ?? source.confidence, count: scalars.count - n)
                }
                (self.scalars, self.rects, self.confidences) = (scalars, rects, confidences)
            } else {
                scalars = TextNormalizer.normalize(source.text)
                rects = ScanStream.characterRects(source, scalars)
                confidences = Array(repeating: source.confidence, count: scalars.count)
            }
        }

        mutating func removeFirst(_ k: Int) {
            scalars.removeFirst(k)
            rects.removeFirst(k)
            confidences.removeFirst(k)
        }
    }

    var boxes: [Box] = []
    /// Boxes taken out as page numbers or header/footer copies.
    var removed: [OCRBox] = []

    init(pages: [ScanPage], headerFooter: [HeaderFooterLine]) {
        let skeletons = Set(headerFooter.map(\.skeleton).filter { !$0.isEmpty })
        for page in pages {
            let lines = Self.lines(page.boxes.filter { !TextNormalizer.normalize($0.text).isEmpty })
            let margin = Set(Array(0..<min(PDFText.marginLines, lines.count))
                + Array(max(0, lines.count - PDFText.marginLines)..<lines.count))
            for (i, line) in lines.enumerated() {
                let text = String(String.UnicodeScalarView(line.flatMap { TextNormalizer.normalize($0.text) }))
                // OCR reads the dashes of "— 8 —" as 一.
                let dashed = text.replacingOccurrences(of: "一", with: "-")
                if margin.contains(i) && (Self.isPageNumber(dashed, page: page.number)
                    || skeletons.contains(HeaderFooterLine.skeleton(of: text))) {
                    removed += line
                    continue
                }
                var previous: Box?
                for box in line {
                    var item = Box(source: box)
                    // Overlapping boxes of one line can both hold the characters where they overlap.
                    if let p = previous, box.box[0] < p.source.box[2] {
                        item.removeFirst(Self.repeatedOverlap(p.scalars, item.scalars))
                    }
                    if !item.scalars.isEmpty { boxes.append(item) }
                    previous = item
                }
            }
        }
    }

    /// How many characters (up to 3) `b` starts with that `a` ends with.
    static func repeatedOverlap(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        for k in stride(from: min(3, a.count, b.count), to: 0, by: -1) where Array(a.suffix(k)) == Array(b.prefix(k)) { return k }
        return 0
    }

    /// A page-number line whose first number is this page's: `-1-`, `第 1 页`; not a phone
    /// number like `0531-88661234` that happens to sit near the foot of a page.
    static func isPageNumber(_ text: String, page: Int) -> Bool {
        guard PageNumber.matches(text, page: page) else { return false }
        let digits = text.unicodeScalars.drop { !("0"..."9").contains($0) }.prefix { ("0"..."9").contains($0) }
        return Int(String(String.UnicodeScalarView(digits))) == page
    }

    /// Groups boxes whose vertical middles are within half a box height into lines, top to
    /// bottom, each left to right.
    static func lines(_ boxes: [OCRBox]) -> [[OCRBox]] {
        let sorted = boxes.sorted { ($0.box[1] + $0.box[3]) < ($1.box[1] + $1.box[3]) }
        var lines: [[OCRBox]] = []
        var lineMiddle = -1e9
        var lineHeight = 0.0
        for box in sorted {
            let middle = (box.box[1] + box.box[3]) / 2
            let height = box.box[3] - box.box[1]
            if !lines.isEmpty && abs(middle - lineMiddle) < 0.5 * min(height, lineHeight) {
                lines[lines.count - 1].append(box)
            } else {
                lines.append([box])
                lineMiddle = middle
                lineHeight = height
            }
        }
        return lines.map { $0.sorted { $0.box[0] < $1.box[0] } }
    }

    /// Without the recogniser's own boxes: splits the box along its slant, full-width characters
    /// one share, ASCII a little over half.
    static func characterRects(_ box: OCRBox, _ scalars: [Unicode.Scalar]) -> [PixelRect] {
        let weights = scalars.map { $0.value < 0x2E80 ? 0.55 : 1.0 }
        let total = max(weights.reduce(0, +), 1e-9)
        let q = box.quad.count == 8 ? box.quad : [box.box[0], box.box[1], box.box[2], box.box[1], box.box[2], box.box[3], box.box[0], box.box[3]]
        func point(_ t: Double, top: Bool) -> (Double, Double) {
            let (ax, ay, bx, by) = top ? (q[0], q[1], q[2], q[3]) : (q[6], q[7], q[4], q[5])
            return (ax + (bx - ax) * t, ay + (by - ay) * t)
        }
        var out: [PixelRect] = []
        var start = 0.0
        for w in weights {
            let t0 = start / total
            let t1 = (start + w) / total
            let pts = [point(t0, top: true), point(t1, top: true), point(t0, top: false), point(t1, top: false)]
            out.append(PixelRect(x0: pts.map(\.0).min()!, y0: pts.map(\.1).min()!, x1: pts.map(\.0).max()!, y1: pts.map(\.1).max()!))
            start += w
        }
        return out
    }
}
