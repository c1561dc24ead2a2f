import ShenbaoCore

/// A submission with its recommender and place in that recommender's order, as the checks and
/// the table see it.
public struct RankedSubmission: Sendable {
    public var submission: Submission
    /// The `by` value (推荐单位), "" when missing.
    public var recommender: String
    /// The `rank` value (推荐排序); nil when missing or not a positive whole number.
    public var rank: Int?

    public var path: String { submission.path }

    /// Recommendation order: by recommender (the spec's `order:`, then Unicode order), then rank
    /// (missing last), then file name.
    static func inOrder(_ a: RankedSubmission, _ b: RankedSubmission, spec: SummarySpec) -> Bool {
        if a.recommender != b.recommender { return spec.recommenderPrecedes(a.recommender, b.recommender) }
        let ra = a.rank ?? Int.max, rb = b.rank ?? Int.max
        if ra != rb { return ra < rb }
        return a.path < b.path
    }
}

extension Array where Element == RankedSubmission {
    /// `a.yaml、b.yaml`: the files, as named on the command line.
    var fileList: String { map(\.path).joined(separator: "、") }
}
