/// Compares what a DOCX shows with what its form's template gives for the DOCX's embedded data,
/// both read by `DocxReader`: the body stream character by character (located in the shown
/// DOCX), the header/footer lines, and the floating pictures (seals) of each place.
enum RefillComparison {
    /// Longest text quoted; a place's whole text is quoted only up to this length.
    static let quoteLength = 80
    static let contextLength = 8

    /// Every place where `shown` says other than `expected`, in reading order.
    static func differences(shown: DocxText, expected: DocxText) -> [CheckDifference] {
        let a = shown.scalars.map(\.value)
        let b = expected.scalars.map(\.value)
        let runs = RunSliding.slide(CharacterDiff.runs(a, b), a, b, boundaries: shown.locationIndex)
        var out = runs.map { difference($0, shown, expected) }
        out += headerFooterDifferences(shown, expected)
        out += sealDifferences(shown, expected)
        return out
    }

    /// One differing run, quoted on both sides, with the whole text of its place when short.
    private static func difference(_ run: EditRun, _ shown: DocxText, _ expected: DocxText) -> CheckDifference {
        let shownText = quote(shown.originals, run.a)
        let expectedText = quote(expected.originals, run.b)
        // Text missing from the DOCX is placed where the refilled form has it.
        let location = run.a.isEmpty
            ? (expected.location(at: run.b.lowerBound) ?? shown.location(at: run.a.lowerBound))
            : shown.location(at: run.a.lowerBound)
        var message: String
        if run.a.isEmpty {
            message = "DOCX 缺少「\(expectedText)」（按嵌入数据应有）"
        } else if run.b.isEmpty {
            message = "DOCX 多出「\(shownText)」（嵌入数据中没有）"
        } else {
            message = "DOCX 显示「\(shownText)」，按嵌入数据应为「\(expectedText)」"
        }
        let shownPlace = placeText(shown, around: run.a.isEmpty ? max(run.a.lowerBound - 1, 0) : run.a.lowerBound)
        let expectedPlace = placeText(expected, around: run.b.isEmpty ? max(run.b.lowerBound - 1, 0) : run.b.lowerBound)
        if let shownPlace, let expectedPlace, shownPlace != shownText || expectedPlace != expectedText {
            message += "：此处 DOCX 为「\(shownPlace)」，按嵌入数据应为「\(expectedPlace)」"
        }
        let context = run.a.isEmpty ? context(expected.originals, run.b) : context(shown.originals, run.a)
        if shownPlace == nil || expectedPlace == nil { message += "，在「\(context)」" }
        return CheckDifference(
            kind: .data, docx: run.a.isEmpty ? nil : shownText, expected: run.b.isEmpty ? nil : expectedText,
            context: context, docxLocation: location, message: message)
    }

    /// The whole text of the paragraph or cell holding offset `i`, when it is short enough to quote.
    private static func placeText(_ text: DocxText, around i: Int) -> String? {
        guard i < text.locationIndex.count else { return nil }
        let place = text.locationIndex[i]
        var start = i, end = i + 1
        while start > 0 && text.locationIndex[start - 1] == place { start -= 1 }
        while end < text.locationIndex.count && text.locationIndex[end] == place { end += 1 }
        guard end - start <= quoteLength else { return nil }
        return TextNormalizer.displayText(text.originals, start..<end)
    }

    /// Header and footer paragraphs, matched by part and paragraph number.
    private static func headerFooterDifferences(_ shown: DocxText, _ expected: DocxText) -> [CheckDifference] {
        func key(_ line: HeaderFooterLine) -> String { "\(line.part)#\(line.paragraph)" }
        let shownLines = Dictionary(shown.headerFooterLines.map { (key($0), $0) }, uniquingKeysWith: { a, _ in a })
        let expectedLines = Dictionary(expected.headerFooterLines.map { (key($0), $0) }, uniquingKeysWith: { a, _ in a })
        var out: [CheckDifference] = []
        var seen = Set<String>()
        for line in expected.headerFooterLines + shown.headerFooterLines where seen.insert(key(line)).inserted {
            let shownText = shownLines[key(line)]?.text
            let expectedText = expectedLines[key(line)]?.text
            guard TextNormalizer.normalize(shownText ?? "") != TextNormalizer.normalize(expectedText ?? "") else { continue }
            out.append(CheckDifference(
                kind: .data, docx: shownText, expected: expectedText,
                docxLocation: DocxLocation(part: line.part, paragraph: line.paragraph),
                message: "页眉/页脚 DOCX 为「\(shownText ?? "")」，按嵌入数据应为「\(expectedText ?? "")」"))
        }
        return out
    }

    /// Floating pictures (seals) counted per place: one the data places that the DOCX lacks, or
    /// one the DOCX has that the data does not place.
    private static func sealDifferences(_ shown: DocxText, _ expected: DocxText) -> [CheckDifference] {
        func counts(_ seals: [SealAnchor]) -> [DocxLocation: Int] {
            seals.reduce(into: [:]) { $0[$1.location, default: 0] += 1 }
        }
        let have = counts(shown.seals), want = counts(expected.seals)
        var out: [CheckDifference] = []
        var seen = Set<DocxLocation>()
        for seal in expected.seals + shown.seals where seen.insert(seal.location).inserted {
            let n = have[seal.location] ?? 0, m = want[seal.location] ?? 0
            if n < m {
                out.append(CheckDifference(kind: .data, docxLocation: seal.location,
                    message: "按嵌入数据此处应有 \(m) 张浮动图片（公章），DOCX 中只有 \(n) 张"))
            } else if n > m {
                out.append(CheckDifference(kind: .data, docxLocation: seal.location,
                    message: "DOCX 此处有 \(n) 张浮动图片，按嵌入数据应有 \(m) 张"))
            }
        }
        return out
    }

    private static func quote(_ s: [Unicode.Scalar], _ r: Range<Int>) -> String {
        let cut = r.count > quoteLength
        return TextNormalizer.displayText(s, r.lowerBound..<(cut ? r.lowerBound + quoteLength : r.upperBound)) + (cut ? "…" : "")
    }

    private static func context(_ s: [Unicode.Scalar], _ r: Range<Int>) -> String {
        let before = TextNormalizer.displayText(s, max(r.lowerBound - contextLength, 0)..<r.lowerBound)
        let after = TextNormalizer.displayText(s, r.upperBound..<min(r.upperBound + contextLength, s.count))
        let middle = r.count > 24
            ? TextNormalizer.displayText(s, r.lowerBound..<(r.lowerBound + 10)) + "…" + TextNormalizer.displayText(s, (r.upperBound - 10)..<r.upperBound)
            : TextNormalizer.displayText(s, r)
        return before + "【" + middle + "】" + after
    }
}
