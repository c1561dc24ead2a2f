import Foundation
import ShenbaoCore

/// The whole summary stage: read-in submissions → checks → the table.
public enum SummaryBuilder {
    /// Checks `submissions` (plus `readProblems`, from files that could not be read) against `spec` and builds the table in recommendation order.
    ///
    /// - Parameter recommender: the unit printed after 推荐单位（盖章）; by default the one
    ///   recommender all submissions share, else "".
    /// - Returns: the table and the warnings (soft quotas, submissions that name no form).
    /// - Throws: `DiagnosticsError` with every error (and the warnings) when any check fails.
    public static func build(
        spec: SummarySpec, submissions: [Submission], recommender: String? = nil,
        readProblems: [Diagnostic] = []
    ) throws -> (table: SummaryTable, warnings: [Diagnostic]) {
        let (ranked, found) = SummaryChecker(spec: spec).check(submissions)
        let diagnostics = (readProblems + found).sorted()
        if diagnostics.hasErrors { throw DiagnosticsError(diagnostics) }
        let recommenders = Set(ranked.map(\.recommender))
        let sealLine = recommender ?? (recommenders.count == 1 ? recommenders.first! : "")
        var rows: [[String]] = []
        for (i, s) in ranked.enumerated() {
            rows.append(spec.columns.map { column in
                guard let key = column.key else { return String(i + 1) }
                return key.text(in: s.submission.data)
            })
        }
        let table = SummaryTable(title: spec.title, recommender: sealLine, columns: spec.columns, rows: rows,
                                 sources: ranked.map(\.path))
        return (table, diagnostics)
    }

    /// Reads the files at `paths` and builds their summary.
    /// - Throws: `DiagnosticsError` with every unreadable file, or every failed check.
    public static func build(
        spec: SummarySpec, paths: [String], recommender: String? = nil
    ) throws -> (table: SummaryTable, warnings: [Diagnostic]) {
        // The form package the spec was read from holds the template the DOCX files are refilled from.
        let templates = spec.specPath.map { (($0 as NSString).deletingLastPathComponent as NSString).deletingLastPathComponent }
        let (submissions, problems) = Submission.readAll(paths, templatesDirectory: templates)
        return try build(spec: spec, submissions: submissions, recommender: recommender, readProblems: problems)
    }
}
