extension SummarySpec {
    /// Where `recommender` goes in the spec's `order:` list: the index of the first entry it
    /// starts with (`济南` places `济南市大数据局`), or `order.count` when it matches none, so
    /// unmatched recommenders come after every listed one.
    public func orderPosition(of recommender: String) -> Int {
        order.firstIndex { recommender.hasPrefix($0) } ?? order.count
    }

    /// True when `a`'s rows come before `b`'s: by position in `order:`, then in Unicode order
    /// (which alone decides when the spec has no `order:`, and among unmatched recommenders).
    public func recommenderPrecedes(_ a: String, _ b: String) -> Bool {
        let pa = orderPosition(of: a), pb = orderPosition(of: b)
        if pa != pb { return pa < pb }
        return a < b
    }
}
