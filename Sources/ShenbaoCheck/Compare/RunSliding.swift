/// Moves pure insertions and deletions to where a reader would put them. "第一段内容第二段内容第三段"
/// against "第一段内容第三段" can be aligned by deleting "第二段内容" or "二段内容第": same cost,
/// but only the first is the missing paragraph. A run slides along the repeats around it and
/// settles where it starts at a DOCX location boundary (a new paragraph or cell), else where it
/// lies inside one location, else where Myers left it.
enum RunSliding {
    static func slide(_ runs: [EditRun], _ a: [UInt32], _ b: [UInt32], boundaries: [Int32]) -> [EditRun] {
        var runs = runs
        for index in runs.indices {
            let run = runs[index]
            guard run.a.isEmpty != run.b.isEmpty else { continue }
            let lowerA = index > 0 ? runs[index - 1].a.upperBound : 0
            let upperA = index + 1 < runs.count ? runs[index + 1].a.lowerBound : a.count
            let lowerB = index > 0 ? runs[index - 1].b.upperBound : 0
            let upperB = index + 1 < runs.count ? runs[index + 1].b.lowerBound : b.count
            // The moving text and the sequence it moves through.
            let deleting = run.b.isEmpty
            let text = deleting ? a : b
            let range = deleting ? run.a : run.b
            var left = 0
            while range.lowerBound - left > (deleting ? lowerA : lowerB), run.a.lowerBound - left > lowerA, run.b.lowerBound - left > lowerB,
                  text[range.lowerBound - left - 1] == text[range.upperBound - left - 1] {
                left += 1
            }
            var right = 0
            while range.upperBound + right < (deleting ? upperA : upperB), run.a.upperBound + right < upperA, run.b.upperBound + right < upperB,
                  text[range.lowerBound + right] == text[range.upperBound + right] {
                right += 1
            }
            guard left + right > 0 else { continue }
            func score(_ shift: Int) -> Int {
                let start = run.a.lowerBound + shift
                let end = run.a.upperBound + shift
                var s = 0
                if start == 0 || start >= boundaries.count || boundaries[start] != boundaries[start - 1] { s += 2 }
                if deleting, end > start, boundaries[start] == boundaries[end - 1] { s += 1 }
                if !deleting, end == boundaries.count || (end > 0 && end < boundaries.count && boundaries[end] != boundaries[end - 1]) { s += 1 }
                return s
            }
            var best = 0
            for shift in -left...right where score(shift) > score(best) { best = shift }
            runs[index] = EditRun(a: (run.a.lowerBound + best)..<(run.a.upperBound + best), b: (run.b.lowerBound + best)..<(run.b.upperBound + best))
        }
        return merged(runs)
    }

    /// Runs that a slide left touching (no equal text between them) are one run.
    static func merged(_ runs: [EditRun]) -> [EditRun] {
        var out: [EditRun] = []
        for run in runs {
            if let last = out.last, last.a.upperBound == run.a.lowerBound, last.b.upperBound == run.b.lowerBound {
                out[out.count - 1] = EditRun(a: last.a.lowerBound..<run.a.upperBound, b: last.b.lowerBound..<run.b.upperBound)
            } else {
                out.append(run)
            }
        }
        return out
    }
}
