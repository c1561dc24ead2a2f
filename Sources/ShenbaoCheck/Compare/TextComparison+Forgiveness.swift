/// What the PDF may show differently without it being a difference: list labels, repeated table
/// header rows, text boxes drawn away from their anchor.
extension TextComparison {
    /// A PDF-only run at the start of a numbered paragraph that looks like a list label is the
    /// label LibreOffice drew ("一、", "（1）", "2.", "•"), not a difference.
    func forgiveListLabels(_ runs: [EditRun]) -> [EditRun] {
        guard !docx.numberedParagraphStarts.isEmpty else { return runs }
        return runs.filter { run in
            guard run.a.isEmpty, docx.numberedParagraphStarts.contains(run.a.lowerBound), run.b.count <= 8 else { return true }
            let label = String(String.UnicodeScalarView(pdf.scalars[run.b]))
            return label.wholeMatch(of: /[(（]?[0-9一二三四五六七八九十百零〇a-zA-ZⅠ-Ⅻⅰ-ⅻ]{1,4}[)）]?[、.．)）]?|[•●◆◇▪►➢○◦·‧-]/) == nil
        }
    }

    /// A PDF-only run that is exactly a table's repeated header rows is the header LibreOffice
    /// draws again on the next page.
    func forgiveRepeatedTableHeaders(_ runs: [EditRun]) -> [EditRun] {
        guard !docx.repeatedTableHeaders.isEmpty else { return runs }
        let headers = Set(docx.repeatedTableHeaders.map { $0.map(\.value) })
        return runs.filter { run in !(run.a.isEmpty && headers.contains(pdf.scalars[run.b].map(\.value))) }
    }

    /// Text-box text floats: the PDF may draw it elsewhere than its anchor. A run whose DOCX
    /// side lies wholly in text boxes and whose text reappears verbatim inside a PDF-only run
    /// elsewhere is a move: both parts are dropped (what else either run holds is kept).
    func forgiveMovedTextBoxes(_ runs: [EditRun]) -> [EditRun] {
        var runs = runs
        var i = 0
        while i < runs.count {
            let run = runs[i]
            guard !run.a.isEmpty, run.a.allSatisfy({ docx.locations[Int(docx.locationIndex[$0])].textBox != nil }) else {
                i += 1
                continue
            }
            let needle = Array(docx.scalars[run.a])
            var hit: (run: Int, start: Int)?
            for j in runs.indices where j != i && runs[j].a.isEmpty && runs[j].b.count >= needle.count {
                if let start = Self.find(needle, in: pdf.scalars, within: runs[j].b) {
                    hit = (j, start)
                    break
                }
            }
            guard let hit else {
                if let replaced = realignMovedTextBox(at: i, in: runs) {
                    runs = replaced.runs
                    i = replaced.next
                } else {
                    i += 1
                }
                continue
            }
            let host = runs[hit.run]
            var pieces: [EditRun] = []
            if hit.start > host.b.lowerBound { pieces.append(EditRun(a: host.a, b: host.b.lowerBound..<hit.start)) }
            if hit.start + needle.count < host.b.upperBound { pieces.append(EditRun(a: host.a, b: (hit.start + needle.count)..<host.b.upperBound)) }
            // What the moved run's PDF side held stays as text only in the PDF.
            let rest = run.b.isEmpty ? [] : [EditRun(a: run.a.upperBound..<run.a.upperBound, b: run.b)]
            if hit.run > i {
                runs.replaceSubrange(hit.run...hit.run, with: pieces)
                runs.replaceSubrange(i...i, with: rest)
            } else {
                runs.replaceSubrange(i...i, with: rest)
                runs.replaceSubrange(hit.run...hit.run, with: pieces)
                i += pieces.count - 1
            }
        }
        return runs
    }

    /// A moved text box whose text changed: aligns it with the most similar PDF-only run and
    /// puts the differences inside it in place of both runs. Nil when no run is similar enough
    /// (fewer than half the box's characters would have to change).
    func realignMovedTextBox(at i: Int, in runs: [EditRun]) -> (runs: [EditRun], next: Int)? {
        let run = runs[i]
        let needle = docx.scalars[run.a].map(\.value)
        var best: (host: Int, inner: [EditRun], cost: Int)?
        for j in runs.indices where j != i && runs[j].a.isEmpty {
            let host = pdf.scalars[runs[j].b].map(\.value)
            guard let inner = CharacterDiff.runs(needle, host, maximumEdits: needle.count + host.count) else { continue }
            let edits = inner.reduce(0) { $0 + $1.a.count + $1.b.count }
            let cost = edits - max(host.count - needle.count, 0)
            if cost <= needle.count / 2, cost < best?.cost ?? Int.max { best = (j, inner, cost) }
        }
        guard let best else { return nil }
        let host = runs[best.host]
        let placed = best.inner.map {
            EditRun(a: (run.a.lowerBound + $0.a.lowerBound)..<(run.a.lowerBound + $0.a.upperBound),
                    b: (host.b.lowerBound + $0.b.lowerBound)..<(host.b.lowerBound + $0.b.upperBound))
        }
        let rest = run.b.isEmpty ? [] : [EditRun(a: run.a.upperBound..<run.a.upperBound, b: run.b)]
        var out = runs
        if best.host > i {
            out.remove(at: best.host)
            out.replaceSubrange(i...i, with: placed + rest)
        } else {
            out.replaceSubrange(i...i, with: placed + rest)
            out.remove(at: best.host)
        }
        return (out, (best.host > i ? i : i - 1) + placed.count + rest.count)
    }

    /// The start of `needle` in `haystack[range]`, or nil.
    static func find(_ needle: [Unicode.Scalar], in haystack: [Unicode.Scalar], within range: Range<Int>) -> Int? {
        guard let first = needle.first, range.count >= needle.count else { return nil }
        var k = range.lowerBound
        while k + needle.count <= range.upperBound {
            if haystack[k] == first && haystack[k..<(k + needle.count)].elementsEqual(needle) { return k }
            k += 1
        }
        return nil
    }
}
