/// A stretch where two sequences differ: `a[a]` stands where `b[b]` stands in the other. One of
/// the ranges may be empty (a pure deletion or insertion).
package struct EditRun: Sendable, Hashable {
    package var a: Range<Int>
    package var b: Range<Int>
    package init(a: Range<Int>, b: Range<Int>) {
        self.a = a
        self.b = b
    }
}

/// Character-level alignment: Myers' O(ND) greedy diff after trimming the common prefix and
/// suffix, with the number of edits D bounded, so that a long document with a few differences
/// costs O(N + D²) time and O(D²) memory, never O(N²); past the bound, an anchored diff.
package enum CharacterDiff {
    /// The default edit bound for one Myers alignment.
    package static let defaultMaximumEdits = 3_000

    /// The runs where `a` and `b` differ, in order; empty when they are equal. Past
    /// `maximumEdits`, falls back to `AnchoredDiff` (unique stretches as anchors, Myers between).
    package static func runs(_ a: [UInt32], _ b: [UInt32], maximumEdits: Int = defaultMaximumEdits) -> [EditRun] {
        myersRuns(a, b, maximumEdits: maximumEdits) ?? AnchoredDiff.runs(a, b, maximumEdits: maximumEdits)
    }

    /// Myers alone.
    /// - Returns: nil when more than `maximumEdits` characters would have to be inserted or deleted.
    package static func myersRuns(_ a: [UInt32], _ b: [UInt32], maximumEdits: Int = defaultMaximumEdits) -> [EditRun]? {
        var prefix = 0
        let shorter = min(a.count, b.count)
        while prefix < shorter && a[prefix] == b[prefix] { prefix += 1 }
        if prefix == a.count && prefix == b.count { return [] }
        var suffix = 0
        while suffix < shorter - prefix && a[a.count - 1 - suffix] == b[b.count - 1 - suffix] { suffix += 1 }
        let aMiddle = prefix..<(a.count - suffix)
        let bMiddle = prefix..<(b.count - suffix)
        if aMiddle.isEmpty || bMiddle.isEmpty { return [EditRun(a: aMiddle, b: bMiddle)] }
        // D is at least the difference in length: no need to search to find out.
        if abs(aMiddle.count - bMiddle.count) > maximumEdits { return nil }
        guard let blocks = a.withUnsafeBufferPointer({ pa in
            b.withUnsafeBufferPointer { pb in
                matchingBlocks(UnsafeBufferPointer(rebasing: pa[aMiddle]), UnsafeBufferPointer(rebasing: pb[bMiddle]), maximumEdits)
            }
        }) else { return nil }
        // Runs are the gaps between consecutive matching blocks.
        var runs: [EditRun] = []
        var x = 0
        var y = 0
        for block in blocks + [(aMiddle.count, bMiddle.count, 0)] {
            if block.0 > x || block.1 > y {
                runs.append(EditRun(a: (prefix + x)..<(prefix + block.0), b: (prefix + y)..<(prefix + block.1)))
            }
            x = block.0 + block.2
            y = block.1 + block.2
        }
        return runs
    }

    /// Myers' forward greedy search, keeping each round's frontier for the backtrack.
    /// - Returns: matching blocks (aStart, bStart, length) in order, or nil past `limit` edits.
    private static func matchingBlocks(_ a: UnsafeBufferPointer<UInt32>, _ b: UnsafeBufferPointer<UInt32>, _ limit: Int) -> [(Int, Int, Int)]? {
        let n = a.count
        let m = b.count
        let maxD = min(n + m, limit)
        let offset = maxD + 1
        var v = [Int32](repeating: 0, count: 2 * maxD + 3)
        // trace[d] holds v[k] for k in -(d-1)...(d-1) as it was before round d.
        var trace: [Int32] = []
        var traceStart: [Int] = []
        var finalD = -1
        search: for d in 0...maxD {
            traceStart.append(trace.count)
            if d > 0 { trace.append(contentsOf: v[(offset - d + 1)...(offset + d - 1)]) }
            for k in stride(from: -d, through: d, by: 2) {
                var x: Int
                if k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1]) {
                    x = Int(v[offset + k + 1])
                } else {
                    x = Int(v[offset + k - 1]) + 1
                }
                var y = x - k
                while x < n && y < m && a[x] == b[y] {
                    x += 1
                    y += 1
                }
                v[offset + k] = Int32(x)
                if x >= n && y >= m {
                    finalD = d
                    break search
                }
            }
        }
        guard finalD >= 0 else { return nil }

        var blocks: [(Int, Int, Int)] = []
        var x = n
        var y = m
        for d in stride(from: finalD, through: 1, by: -1) {
            let base = traceStart[d] - (-(d - 1))  // index of k in trace: base + k
            func previous(_ k: Int) -> Int { Int(trace[base + k]) }
            let k = x - y
            let previousK = (k == -d || (k != d && previous(k - 1) < previous(k + 1))) ? k + 1 : k - 1
            let previousX = previous(previousK)
            let previousY = previousX - previousK
            // The snake of round d starts right after the single edit from the previous point.
            let snakeStartX = previousK == k + 1 ? previousX : previousX + 1
            if x > snakeStartX { blocks.append((snakeStartX, snakeStartX - k, x - snakeStartX)) }
            x = previousX
            y = previousY
        }
        if x > 0 { blocks.append((0, 0, x)) }
        return blocks.reversed()
    }
}
