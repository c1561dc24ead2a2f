import ShenbaoOOXML

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
        let runs = merged(RunSliding.slide(CharacterDiff.runs(a, b), a, b, boundaries: shown.locationIndex), shown).map { trimmed($0, a, b) }
        var out = runs.map { difference($0, shown, expected) }
        out += headerFooterDifferences(shown, expected)
        out += sealDifferences(shown, expected)
        return out
    }

    /// Runs of one place separated by at most `mergeGap` equal characters, joined: 软件学院 for
    /// 数据科学与工程学院 aligns the 学 of 科学 with the 学 of 学院 at the same cost, which would
    /// split one edit in two.
    static let mergeGap = 2

    private static func merged(_ runs: [EditRun], _ shown: DocxText) -> [EditRun] {
        var out: [EditRun] = []
        for run in runs {
            if let last = out.last, run.a.lowerBound - last.a.upperBound <= mergeGap,
               shown.location(at: last.a.lowerBound) == shown.location(at: max(run.a.upperBound - 1, run.a.lowerBound)) {
                out[out.count - 1] = EditRun(a: last.a.lowerBound..<run.a.upperBound, b: last.b.lowerBound..<run.b.upperBound)
            } else {
                out.append(run)
            }
        }
        return out
    }

    /// A merged run without the characters both sides share at its ends.
    private static func trimmed(_ run: EditRun, _ a: [UInt32], _ b: [UInt32]) -> EditRun {
        var ra = run.a, rb = run.b
        while ra.count > 0 && rb.count > 0 && a[ra.upperBound - 1] == b[rb.upperBound - 1] {
            ra = ra.lowerBound..<(ra.upperBound - 1)
            rb = rb.lowerBound..<(rb.upperBound - 1)
        }
        while ra.count > 0 && rb.count > 0 && a[ra.lowerBound] == b[rb.lowerBound] {
            ra = (ra.lowerBound + 1)..<ra.upperBound
            rb = (rb.lowerBound + 1)..<rb.upperBound
        }
        return EditRun(a: ra, b: rb)
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
        // A side with nothing here shows the place's text before it, or nothing when that text
        // belongs to another place (an emptied cell has no characters in the stream).
        let shownPlace = run.a.isEmpty
            ? (shown.location(at: run.a.lowerBound - 1) == location && run.a.lowerBound > 0 ? placeText(shown, around: run.a.lowerBound - 1) : "")
            : placeText(shown, around: run.a.lowerBound)
        let expectedLocation = expected.location(at: max(run.b.lowerBound - 1, 0))
        let expectedPlace = run.b.isEmpty
            ? (run.b.lowerBound > 0 && expectedLocation == location ? placeText(expected, around: run.b.lowerBound - 1) : "")
            : placeText(expected, around: run.b.lowerBound)
        if run.a.isEmpty && shownPlace == "" {
            message += "：此处 DOCX 为空"
        } else if let shownPlace, let expectedPlace, shownPlace != shownText || expectedPlace != expectedText {
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

    /// Header and footer paragraphs, matched by part and paragraph number, digits folded (their
    /// skeletons): page-number fields hold the number of the page last laid out, which a word
    /// processor saving the DOCX again rewrites (LibreOffice wrote 「—8—」 for the template's 「—1—」).
    private static func headerFooterDifferences(_ shown: DocxText, _ expected: DocxText) -> [CheckDifference] {
        func key(_ line: HeaderFooterLine) -> String { "\(line.part)#\(line.paragraph)" }
        let shownLines = Dictionary(shown.headerFooterLines.map { (key($0), $0) }, uniquingKeysWith: { a, _ in a })
        let expectedLines = Dictionary(expected.headerFooterLines.map { (key($0), $0) }, uniquingKeysWith: { a, _ in a })
        var out: [CheckDifference] = []
        var seen = Set<String>()
        for line in expected.headerFooterLines + shown.headerFooterLines where seen.insert(key(line)).inserted {
            let shownText = shownLines[key(line)]?.text
            let expectedText = expectedLines[key(line)]?.text
            guard shownLines[key(line)]?.skeleton != expectedLines[key(line)]?.skeleton else { continue }
            out.append(CheckDifference(
                kind: .data, docx: shownText, expected: expectedText,
                docxLocation: DocxLocation(part: line.part, paragraph: line.paragraph),
                message: "页眉/页脚 DOCX 为「\(shownText ?? "")」，按嵌入数据应为「\(expectedText ?? "")」"))
        }
        return out
    }

    /// Floating pictures (seals) counted per part: one the data places that the DOCX lacks, or
    /// one the DOCX has that the data does not place, reported where it is missing or extra. Per
    /// part, not per paragraph: a word processor saving the DOCX again may re-anchor a picture in
    /// a neighbouring paragraph (LibreOffice moved two seals to another table), which the seal
    /// check against the PDF judges by page.
    private static func sealDifferences(_ shown: DocxText, _ expected: DocxText) -> [CheckDifference] {
        var out: [CheckDifference] = []
        var parts: [String] = []
        for seal in expected.seals + shown.seals where !parts.contains(seal.part) { parts.append(seal.part) }
        for part in parts {
            let have = shown.seals.filter { $0.part == part }.map(\.location)
            let want = expected.seals.filter { $0.part == part }.map(\.location)
            guard have.count != want.count else { continue }
            let (more, fewer) = have.count > want.count ? (have, want) : (want, have)
            var unmatched = fewer
            var odd: [DocxLocation] = []
            for location in more {
                if let k = unmatched.firstIndex(of: location) { unmatched.remove(at: k) } else { odd.append(location) }
            }
            let counts = "（此部件 DOCX 有 \(have.count) 张，按嵌入数据应有 \(want.count) 张）"
            for location in odd.prefix(more.count - fewer.count) {
                out.append(CheckDifference(kind: .data, docxLocation: location, message: have.count < want.count
                    ? "按嵌入数据此处应有一张浮动图片（公章），DOCX 中没有" + counts
                    : "DOCX 此处多出一张浮动图片，嵌入数据中没有" + counts))
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
