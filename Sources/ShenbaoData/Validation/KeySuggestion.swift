/// Did-you-mean suggestions for misspelt keys, by edit distance over characters (so Chinese keys
/// work: `主申报单位名` → `主申报单位名称`).
enum KeySuggestion {
    /// The candidate closest to `key`, when it is close enough to be a likely typo: at most a
    /// third of the longer key's characters differ, or one key contains the other.
    static func best(for key: String, among candidates: [String]) -> String? {
        let typed = Array(key.lowercased())
        var best: (candidate: String, distance: Int)?
        for candidate in candidates where candidate != key {
            let c = Array(candidate.lowercased())
            let d = distance(typed, c)
            let longer = max(typed.count, c.count)
            let contains = min(typed.count, c.count) >= 2 && (candidate.contains(key) || key.contains(candidate))
            guard d <= max(1, longer / 3) || contains else { continue }
            if best == nil || d < best!.distance { best = (candidate, d) }
        }
        return best?.candidate
    }

    /// Edit distance between two character arrays, a swap of neighbours counting as one edit
    /// (optimal string alignment).
    static func distance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var beforePrevious = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    current[j] = min(current[j], beforePrevious[j - 2] + 1)
                }
            }
            (beforePrevious, previous, current) = (previous, current, beforePrevious)
        }
        return previous[b.count]
    }

    /// `，是否应为「X」？` or nothing.
    static func hint(for key: String, among candidates: [String]) -> String {
        best(for: key, among: candidates).map { "，是否应为「\($0)」？" } ?? ""
    }
}
