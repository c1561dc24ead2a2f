import Foundation
import ShenbaoCore

/// The whole summary stage: read-in submissions → checks → the table.
public enum SummaryBuilder {
    /// Checks `submissions` (plus `readProblems`, from files that could not be read) against `spec` and builds the table in recommendation order.
    ///
    /// - Parameters:
    ///   - recommender: the unit printed after 推荐单位（盖章）; by default the one recommender all
    ///     submissions share, else each recommender's own table carries its name.
    ///   - ranking: the bureau's ranking file; it replaces the submissions' 推荐排序.
    ///   - contact: the 填表人 line.
    /// - Returns: the table and the warnings (soft quotas, submissions that name no form); a soft
    ///   quota's warning is noted in the 备注 column of the rows beyond it.
    /// - Throws: `DiagnosticsError` with every error (and the warnings) when any check fails.
    public static func build(
        spec: SummarySpec, submissions: [Submission], recommender: String? = nil,
        readProblems: [Diagnostic] = [], ranking: SummaryRanking? = nil, contact: SummaryContact = SummaryContact()
    ) throws -> (table: SummaryTable, warnings: [Diagnostic]) {
        let (ranked, found) = SummaryChecker(spec: spec).check(submissions, ranking: ranking)
        let diagnostics = (readProblems + found).sorted()
        if diagnostics.hasErrors { throw DiagnosticsError(diagnostics) }
        let recommenders = Set(ranked.map(\.recommender))
        let sealLine = recommender ?? (recommenders.count == 1 ? recommenders.first! : "")
        var parts: [SummaryTable.Part] = []
        for (i, s) in ranked.enumerated() {
            if let last = parts.last, last.recommender == s.recommender {
                parts[parts.count - 1].rows = last.rows.lowerBound..<(i + 1)
            } else {
                parts.append(SummaryTable.Part(recommender: s.recommender, rows: i..<(i + 1)))
            }
        }
        var rows: [[String]] = []
        for part in parts {
            for (n, i) in part.rows.enumerated() {
                let s = ranked[i]
                rows.append(spec.columns.map { column in
                    if column.isNote { return note(for: s.path, in: diagnostics) }
                    guard let key = column.key else { return String(n + 1) }
                    if key == spec.rank, ranking != nil { return s.rank.map(String.init) ?? "" }
                    return key.text(in: s.submission.data)
                })
            }
        }
        let table = SummaryTable(title: spec.title, recommender: sealLine, columns: spec.columns, rows: rows,
                                 sources: ranked.map(\.path), parts: parts, contact: contact)
        return (table, diagnostics)
    }

    /// The 备注 of a submission: each soft quota or limit it goes beyond, in the notice's words.
    static func note(for path: String, in diagnostics: [Diagnostic]) -> String {
        let soft = diagnostics.filter {
            $0.severity == .warning && $0.location?.file == path && [DiagnosticCode.overQuota, .unitLimit, .unitTwice].contains($0.code)
        }
        let heads = soft.map { d in "超出：" + (d.message.split(separator: "：", maxSplits: 1).first.map(String.init) ?? d.message) }
        return distinct(heads).joined(separator: "；")
    }

    /// Reads the files at `paths` and builds their summary.
    /// - Throws: `DiagnosticsError` with every unreadable file, or every failed check.
    public static func build(
        spec: SummarySpec, paths: [String], recommender: String? = nil, ranking: SummaryRanking? = nil,
        contact: SummaryContact = SummaryContact()
    ) throws -> (table: SummaryTable, warnings: [Diagnostic]) {
        // The form package the spec was read from holds the template the DOCX files are refilled from.
        let templates = spec.specPath.map { (($0 as NSString).deletingLastPathComponent as NSString).deletingLastPathComponent }
        let (submissions, problems) = Submission.readAll(paths, templatesDirectory: templates)
        return try build(spec: spec, submissions: submissions, recommender: recommender, readProblems: problems,
                         ranking: ranking, contact: contact)
    }
}

/// The distinct elements of a sequence, in first-appearance order.
private func distinct(_ items: [String]) -> [String] {
    var seen: Set<String> = []
    return items.filter { seen.insert($0).inserted }
}
