/// The fallback when the two texts differ by more than Myers' edit bound (a PDF missing ten
/// pages, say): anchors are 12-character stretches that occur exactly once in each text; the
/// longest chain of anchors in the same order on both sides splits the texts into segments, and
/// each segment is aligned with Myers on its own (or reported whole when it is still too
/// different). Time and memory stay linear in the texts plus D² per segment.
enum AnchoredDiff {
    static let gramLength = 12
    /// Positions on the DOCX side tried as anchors: every `stride`-th.
    static let stride = 8

    static func runs(_ a: [UInt32], _ b: [UInt32], maximumEdits: Int) -> [EditRun] {
        let anchors = chain(candidates(a, b))
        var runs: [EditRun] = []
        var x = 0
        var y = 0
        for anchor in anchors + [(a.count, b.count)] {
            guard anchor.0 >= x, anchor.1 >= y else { continue }
            runs += segment(a, b, x..<anchor.0, y..<anchor.1, maximumEdits: maximumEdits)
            // Extend the match as far as it goes.
            x = anchor.0
            y = anchor.1
            while x < a.count && y < b.count && a[x] == b[y] {
                x += 1
                y += 1
            }
        }
        return runs
    }

    private static func segment(_ a: [UInt32], _ b: [UInt32], _ ra: Range<Int>, _ rb: Range<Int>, maximumEdits: Int) -> [EditRun] {
        if ra.isEmpty && rb.isEmpty { return [] }
        guard let inner = CharacterDiff.myersRuns(Array(a[ra]), Array(b[rb]), maximumEdits: maximumEdits) else {
            return [EditRun(a: ra, b: rb)]
        }
        return inner.map {
            EditRun(a: (ra.lowerBound + $0.a.lowerBound)..<(ra.lowerBound + $0.a.upperBound),
                    b: (rb.lowerBound + $0.b.lowerBound)..<(rb.lowerBound + $0.b.upperBound))
        }
    }

    /// Sampled DOCX positions whose gram is unique in both texts, paired with the PDF position.
    private static func candidates(_ a: [UInt32], _ b: [UInt32]) -> [(Int, Int)] {
        guard a.count >= gramLength, b.count >= gramLength else { return [] }
        var inB: [UInt64: Int] = [:]  // position, or -1 when repeated
        for j in 0...(b.count - gramLength) {
            let h = hash(b, j)
            inB[h] = inB[h] == nil ? j : -1
        }
        var inA: [UInt64: Int] = [:]
        for i in 0...(a.count - gramLength) {
            let h = hash(a, i)
            inA[h] = inA[h] == nil ? i : -1
        }
        var out: [(Int, Int)] = []
        for i in Swift.stride(from: 0, through: a.count - gramLength, by: stride) {
            let h = hash(a, i)
            guard inA[h] == i, let j = inB[h], j >= 0, a[i..<(i + gramLength)] == b[j..<(j + gramLength)] else { continue }
            out.append((i, j))
        }
        return out
    }

    /// The longest subsequence of anchors increasing on both sides (patience sorting).
    private static func chain(_ anchors: [(Int, Int)]) -> [(Int, Int)] {
        var tails: [Int] = []  // index into anchors of the smallest tail of each length
        var previous = [Int](repeating: -1, count: anchors.count)
        for (k, anchor) in anchors.enumerated() {
            var low = 0
            var high = tails.count
            while low < high {
                let mid = (low + high) / 2
                if anchors[tails[mid]].1 < anchor.1 { low = mid + 1 } else { high = mid }
            }
            if low > 0 { previous[k] = tails[low - 1] }
            if low == tails.count { tails.append(k) } else { tails[low] = k }
        }
        var out: [(Int, Int)] = []
        var k = tails.last ?? -1
        while k >= 0 {
            out.append(anchors[k])
            k = previous[k]
        }
        return out.reversed()
    }

    private static func hash(_ s: [UInt32], _ start: Int) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for i in start..<(start + gramLength) {
            h ^= UInt64(s[i])
            h = h &* 0x100_0000_01b3
        }
        return h
    }
}
