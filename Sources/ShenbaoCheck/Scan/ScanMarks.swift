import Foundation

/// Seals and ticks on paper, judged by ink rather than by OCR.
///
/// Positions come from the text alignment: each seal label (`申报单位（盖章）`, `推荐单位(公章)`,
/// joint units' `联合单位（盖章）`) and each checkbox's neighbouring characters are found on the
/// scan through the characters their text was placed on, each with its own box from the
/// recogniser (`ScanStream.Box.rects`). OCR boxes follow the scan's own rotation and scale, so no
/// page-wide transform is needed, and no LibreOffice render of the DOCX either.
/// - a seal is present when the rectangle from the label to 50 mm right of it, ±16 mm high,
///   holds at least `sealRedPixels` red pixels at 200 dpi (KNOWN.md: ≥ 7,400 with a seal, 0
///   without);
/// - a checkbox is the most box-like dark outline just before the option text after it (or just
///   after the text before it); it is ticked when ink fills over 5 % of its middle.
struct ScanMarks {
    static let sealRedPixels = 1_500
    static let sealLabels: [[Unicode.Scalar]] = ["单位(盖章)", "单位(公章)"].map { Array(TextNormalizer.normalize($0)) }
    static let unticked: Set<UInt32> = [0x2610, 0x25A1, 0x25A2]

    enum Mark {
        case seal(label: Range<Int>)
        case checkbox(offset: Int)
    }

    struct Request: Encodable {
        var image: String
        var kind: String
        var rect: [Double]
        /// For a checkbox: the side lengths to try and the centre it should be near.
        var sizes: [Double]?
        var expect: [Double]?
    }

    struct Measurement: Decodable {
        var red: Int?
        var found: Bool?
        var ticked: Bool?
        var box: [Double]?
        var boxes: [Found]?
    }

    struct Found: Decodable {
        var ticked: Bool?
        var box: [Double]?
    }

    /// Checkboxes whose next character lies in one OCR box, in DOCX order: every box outline
    /// along that line is found and they are matched left to right when the counts agree. An
    /// OCR box can span a gap between cells, which shifts positions interpolated inside it when
    /// the recogniser gave no boxes of its own for the characters.
    private(set) var lines: [(page: Int, rect: PixelRect, marks: [Int], lineHeight: Double)] = []

    let alignment: ScanAlignment
    let pages: [ScanPage]
    /// Each mark's page and the rectangles to measure (for a checkbox: where, judging by the
    /// character after it, then the one before it, its centre should be, and the line's height).
    private(set) var marks: [(mark: Mark, page: Int, requests: [PixelRect], expect: [(x: Double, y: Double, lineHeight: Double)])] = []

    init(alignment: ScanAlignment, pages: [ScanPage]) {
        self.alignment = alignment
        self.pages = pages
        let docx = alignment.docx
        let s = docx.scalars
        let mm = 1 / ScanPages.mmPerPixel
        for label in Self.sealLabels {
            var i = 0
            while i + label.count <= s.count {
                if Array(s[i..<(i + label.count)]) == label {
                    let start = max(0, i - 2)
                    let end = i + label.count - 1
                    if let a = alignment.found[start] ?? alignment.found[i], let b = alignment.found[end], alignment.page(a) == alignment.page(b),
                        // A page with a text layer is not paper: its seal is an image or none.
                        !pages[alignment.page(b) - 1].hasTextLayer {
                        let ra = alignment.rect(a)
                        let rb = alignment.rect(b)
                        let middle = (rb.y0 + rb.y1) / 2
                        let rect = PixelRect(x0: ra.x0 - 5 * mm, y0: middle - 16 * mm, x1: rb.x1 + 50 * mm, y1: middle + 16 * mm)
                        // Named as the DOCX writes it: a joint unit's 联合申报单位（盖章）, not its last six characters.
                        let joint: [Unicode.Scalar] = ["联", "合"]
                        let named = start >= 2 && Array(s[(start - 2)..<start]) == joint ? start - 2 : start
                        marks.append((.seal(label: named..<(end + 1)), alignment.page(b), [rect], []))
                    }
                    i += label.count
                } else {
                    i += 1
                }
            }
        }
        for i in s.indices where TextNormalizer.isCheckbox(s[i]) {
            var rects: [(page: Int, rect: PixelRect, expect: (x: Double, y: Double, lineHeight: Double))] = []
            if let next = alignment.found[i + 1] {
                let r = alignment.rect(next)
                let h = r.height
                let box = alignment.stream.boxes[next.box]
                if next.char > 0, ScanAlignment.boxLike.contains(box.scalars[next.char - 1].value) {
                    // OCR read the box as a character just before: its slot, never left of the OCR box.
                    let g = box.rects[next.char - 1]
                    rects.append((alignment.page(next), PixelRect(x0: max(box.source.box[0], g.x0 - 0.3 * h), y0: r.y0 - 0.4 * h, x1: r.x1, y1: r.y1 + 0.4 * h),
                                  ((g.x0 + g.x1) / 2, (r.y0 + r.y1) / 2, h)))
                } else {
                    rects.append((alignment.page(next), PixelRect(x0: r.x0 - 1.3 * h, y0: r.y0 - 0.4 * h, x1: r.x0 + 1.0 * h, y1: r.y1 + 0.4 * h),
                                  (r.x0 - 0.45 * h, (r.y0 + r.y1) / 2, h)))
                }
            }
            if i > 0, let prev = alignment.found[i - 1] {
                let r = alignment.rect(prev)
                let h = r.height
                rects.append((alignment.page(prev), PixelRect(x0: r.x1 - 1.0 * h, y0: r.y0 - 0.4 * h, x1: r.x1 + 1.3 * h, y1: r.y1 + 0.4 * h),
                              (r.x1 + 0.45 * h, (r.y0 + r.y1) / 2, h)))
            }
            guard let page = rects.first?.page else { continue }
            let same = rects.filter { $0.page == page }
            marks.append((.checkbox(offset: i), page, same.map(\.rect), same.map(\.expect)))
            if let next = alignment.found[i + 1] {
                let b = alignment.stream.boxes[next.box].source.box
                let h = b[3] - b[1]
                if let k = lines.firstIndex(where: { $0.page == page && $0.rect.y0 == b[1] - 0.3 * h && $0.rect.x1 == b[2] }) {
                    lines[k].marks.append(marks.count - 1)
                } else {
                    lines.append((page, PixelRect(x0: b[0] - 1.3 * h, y0: b[1] - 0.3 * h, x1: b[2], y1: b[3] + 0.3 * h), [marks.count - 1], h))
                }
            }
        }
    }

    /// Measures every mark in one helper run and returns the differences and spots to look at.
    func judge(pdf: String, workDirectory: String) throws -> (differences: [(Int, CheckDifference)], review: [ReviewSpot]) {
        guard !marks.isEmpty else { return ([], []) }
        var requests: [Request] = []
        for m in marks {
            let image = pages[m.page - 1].image
            for (k, r) in m.requests.enumerated() {
                if case .seal = m.mark { requests.append(Request(image: image, kind: "red", rect: [r.x0, r.y0, r.x1, r.y1])) } else {
                    // A checkbox glyph is 0.4-0.9 of the line's height; a 口 inside a character is smaller.
                    let e = m.expect[k]
                    requests.append(Request(image: image, kind: "checkbox", rect: [r.x0, r.y0, r.x1, r.y1],
                                            sizes: [max(12, 0.4 * e.lineHeight), 0.9 * e.lineHeight], expect: [e.x, e.y]))
                }
            }
        }
        let single = requests.count
        for line in lines {
            let r = line.rect
            requests.append(Request(image: pages[line.page - 1].image, kind: "checkboxes", rect: [r.x0, r.y0, r.x1, r.y1],
                                    sizes: [max(12, 0.3 * line.lineHeight), 0.8 * line.lineHeight]))
        }
        let measured = try ScanHelper.run("measure", requests, pdf: pdf, workDirectory: workDirectory, as: Measurement.self)
        var byLine: [Int: Found] = [:]
        for (k, line) in lines.enumerated() where single + k < measured.count {
            if let boxes = measured[single + k].boxes, boxes.count == line.marks.count {
                for (m, found) in zip(line.marks, boxes) { byLine[m] = found }
            }
        }
        guard measured.count == requests.count else {
            throw CheckError.unreadable(path: pdf, reason: "ocr.py measure 返回 \(measured.count) 个结果，应为 \(requests.count) 个")
        }
        let docx = alignment.docx
        var k = 0
        var differences: [(Int, CheckDifference)] = []
        var review: [ReviewSpot] = []
        for (index, m) in marks.enumerated() {
            var results = Array(measured[k..<(k + m.requests.count)])
            if let found = byLine[index] { results = [Measurement(found: true, ticked: found.ticked, box: found.box)] }
            k += m.requests.count
            switch m.mark {
            case .seal(let label):
                let red = results.first?.red ?? 0
                let labelText = TextNormalizer.displayText(docx.originals, label)
                if red < Self.sealRedPixels {
                    differences.append((label.lowerBound, CheckDifference(
                        kind: .seal, docx: labelText, pdf: nil, context: labelText, docxLocation: docx.location(at: label.lowerBound), pdfPage: m.page,
                        message: "「\(labelText)」处没有红色印章（红色像素 \(red)，至少应有 \(Self.sealRedPixels)）",
                        pdfBox: ScanTextDifferences.pageBox(m.requests[0], page: m.page))))
                }
            case .checkbox(let offset):
                let expected = docx.scalars[offset]
                guard let hit = results.first(where: { $0.found == true }), let b = hit.box, b.count == 4 else {
                    review.append(ReviewSpot(
                        box: ScanTextDifferences.pageBox(m.requests[0], page: m.page), scan: "", confidence: 1,
                        docx: String(expected), docxLocation: docx.location(at: offset), reason: "未能在扫描件上找到复选框 \(Self.context(docx, offset))"))
                    continue
                }
                let docxTicked = !Self.unticked.contains(expected.value)
                if hit.ticked != docxTicked {
                    let scanGlyph = hit.ticked == true ? "☑" : "□"
                    differences.append((offset, CheckDifference(
                        kind: .checkbox, docx: String(expected), pdf: scanGlyph, context: Self.context(docx, offset),
                        docxLocation: docx.location(at: offset), pdfPage: m.page,
                        message: "复选框 \(Self.context(docx, offset))：DOCX \(expected)，扫描件 \(scanGlyph)",
                        pdfBox: ScanTextDifferences.pageBox(PixelRect(x0: b[0], y0: b[1], x1: b[2], y1: b[3]), page: m.page))))
                }
            }
        }
        return (differences, review)
    }

    /// A few characters each side of a checkbox, the box in 【】.
    static func context(_ docx: DocxText, _ i: Int) -> String {
        let before = TextNormalizer.displayText(docx.originals, max(0, i - 6)..<i)
        let after = TextNormalizer.displayText(docx.originals, (i + 1)..<min(docx.originals.count, i + 7))
        return "「\(before)【\(docx.scalars[i])】\(after)」"
    }
}

/// Runs `ocr.py measure|evidence REQUESTS.json` and decodes its JSON lines.
enum ScanHelper {
    static func run<R: Encodable, T: Decodable>(_ command: String, _ requests: [R], pdf: String, workDirectory: String, as: T.Type) throws -> [T] {
        guard let python = OCREnvironment.python(), let script = OCREnvironment.script() else {
            throw CheckError.toolMissing("扫描件需要 OCR 环境 \(OCREnvironment.venv())（运行 scripts/setup.sh 安装）")
        }
        let file = workDirectory + "/\(command)-\(UUID().uuidString.prefix(8)).json"
        try JSONEncoder().encode(requests).write(to: URL(fileURLWithPath: file))
        let result = try ScanPages.runTool(python, [script, command, file], pdf: pdf, timeout: 120 + Double(requests.count))
        let decoder = JSONDecoder()
        return result.outputText.split(separator: "\n").compactMap { try? decoder.decode(T.self, from: Data($0.utf8)) }
    }
}
