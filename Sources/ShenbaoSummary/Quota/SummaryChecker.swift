import ShenbaoData
import Foundation
import ShenbaoCore

/// Checks a recommender's submissions against a form's summary rules, reporting every problem
/// at once, each located at the submission file it concerns (at the offending value's line when
/// the file is a data file):
///
/// - `wrong-form`: the submission is for another form;
/// - `missing-value` / `invalid-rank`: no 推荐单位, or a 推荐排序 that is not 1, 2, 3…;
/// - `duplicate-rank`: one recommender gives the same place twice;
/// - `rank-gap`: a recommender's places skip a number (1, 2, 4) or do not start at 1;
/// - `duplicate-unit`: the same applying unit twice;
/// - `over-quota`: more submissions than a quota allows (the ones ranked beyond it);
/// - `unit-limit`, `unit-twice`: a unit in more submissions than a `limits:` entry allows (lead or
///   joint), or twice in one submission;
/// - with a ranking file, its problems (`ranking-unmatched`, `ranking-ambiguous`,
///   `ranking-repeated`, `not-ranked`).
package struct SummaryChecker: Sendable {
    package var spec: SummarySpec

    package init(spec: SummarySpec) { self.spec = spec }

    /// The submissions for this form in recommendation order, and the problems found.
    /// - Parameter ranking: the bureau's ranking file; it replaces the submissions' own 推荐排序.
    package func check(_ submissions: [Submission], ranking: SummaryRanking? = nil) -> (ranked: [RankedSubmission], diagnostics: [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        var forThisForm: [Submission] = []
        for s in submissions {
            guard let form = s.formID else {
                diagnostics.append(.warning(.formMissing, at: .file(s.path), "未注明表单（form:），按 \(spec.formID) 汇总"))
                forThisForm.append(s)
                continue
            }
            if form != spec.formID {
                diagnostics.append(.error(.wrongForm, at: location(s, "form"), "申报材料属于表单 \(form)，不是 \(spec.formID)"))
                continue
            }
            forThisForm.append(s)
        }
        var places: [String: Int]?
        if let ranking {
            let found = ranking.places(for: forThisForm, recommender: { self.recommender(of: $0) }, unit: spec.unit)
            places = found.places
            diagnostics += found.diagnostics
        }
        var ranked: [RankedSubmission] = []
        for s in forThisForm { ranked.append(rank(s, place: places.map { $0[s.path] ?? 0 }, &diagnostics)) }
        ranked.sort { RankedSubmission.inOrder($0, $1, spec: spec) }
        diagnostics += rankProblems(ranked)
        diagnostics += duplicateUnits(ranked)
        for limit in spec.limits { diagnostics += limitProblems(limit, ranked) }
        for rule in spec.quotas { diagnostics += quotaProblems(rule, ranked) }
        return (ranked, diagnostics.sorted())
    }

    private func recommender(of s: Submission) -> String {
        spec.by.text(in: s.data).trimmingCharacters(in: .whitespaces)
    }

    /// `place`: the submission's place from a ranking file (0 when the file leaves it out, already
    /// reported); nil reads the submission's own 推荐排序.
    private func rank(_ s: Submission, place: Int?, _ diagnostics: inout [Diagnostic]) -> RankedSubmission {
        let recommender = recommender(of: s)
        if recommender.isEmpty {
            diagnostics.append(.error(.missingValue, at: location(s, spec.by), label: spec.label(of: spec.by), "未填写，无法汇总"))
        }
        if let place {
            return RankedSubmission(submission: s, recommender: recommender, rank: place > 0 ? place : nil)
        }
        let rankText = spec.rank.text(in: s.data).trimmingCharacters(in: .whitespaces)
        var rank: Int?
        if rankText.isEmpty {
            diagnostics.append(.error(.missingValue, at: location(s, spec.rank), label: spec.label(of: spec.rank), "未填写，无法排序"))
        } else if let n = Int(rankText), n > 0 {
            rank = n
        } else {
            diagnostics.append(.error(.invalidRank, at: location(s, spec.rank), label: spec.label(of: spec.rank),
                                      "应为从1开始的整数，实际为「\(rankText)」"))
        }
        return RankedSubmission(submission: s, recommender: recommender, rank: rank)
    }

    private func rankProblems(_ ranked: [RankedSubmission]) -> [Diagnostic] {
        var out: [Diagnostic] = []
        let label = spec.label(of: spec.rank)
        let byLabel = spec.label(of: spec.by)
        for (recommender, group) in grouped(ranked.filter { !$0.recommender.isEmpty && $0.rank != nil }, by: { $0.recommender }) {
            let byRank = grouped(group, by: { String($0.rank!) })
            for (_, same) in byRank where same.count > 1 {
                for s in same {
                    out.append(.error(.duplicateRank, at: location(s.submission, spec.rank), label: label,
                                      "\(byLabel)「\(recommender)」的第\(s.rank!)名重复：\(same.fileList)"))
                }
            }
            let ranks = Array(Set(group.compactMap(\.rank))).sorted()
            var expected = 1
            for r in ranks {
                if r > expected {
                    let missing = (expected..<r).map(String.init).joined(separator: "、")
                    let all = ranks.map(String.init).joined(separator: "、")
                    for s in group where s.rank == r {
                        out.append(.error(.rankGap, at: location(s.submission, spec.rank), label: label,
                                          "\(byLabel)「\(recommender)」的推荐排序为\(all)，缺少\(missing)"))
                    }
                }
                expected = r + 1
            }
        }
        return out
    }

    private func duplicateUnits(_ ranked: [RankedSubmission]) -> [Diagnostic] {
        guard let unit = spec.unit else { return [] }
        var out: [Diagnostic] = []
        let withUnit = ranked.filter { !unit.text(in: $0.submission.data).isEmpty }
        for (name, same) in grouped(withUnit, by: { unit.text(in: $0.submission.data) }) where same.count > 1 {
            for s in same {
                out.append(.error(.duplicateUnit, at: location(s.submission, unit), label: spec.label(of: unit),
                                  "「\(name)」出现\(same.count)次：\(same.fileList)"))
            }
        }
        return out
    }

    /// A unit twice in one submission, and a unit in more submissions than `limit.max`: the
    /// submissions beyond it (in recommendation order) are reported, each naming all the files.
    private func limitProblems(_ limit: UnitLimit, _ ranked: [RankedSubmission]) -> [Diagnostic] {
        var out: [Diagnostic] = []
        let head = limit.message ?? "同一单位最多参与\(limit.max)项申报"
        var order: [String] = []
        var inSubmissions: [String: [RankedSubmission]] = [:]
        for s in ranked {
            let names = limit.names(in: s.submission.data)
            var counts: [String: Int] = [:]
            for name in names { counts[name, default: 0] += 1 }
            for name in names where counts[name] != nil {
                if counts[name]! > 1 {
                    out.append(Diagnostic(limit.severity, code: .unitTwice, at: location(of: name, limit, in: s.submission, last: true),
                                          "\(head)：「\(name)」在同一份申报材料中出现了\(counts[name]!)次（\(s.path)）"))
                }
                counts[name] = nil
                if inSubmissions[name] == nil { order.append(name) }
                inSubmissions[name, default: []].append(s)
            }
        }
        for name in order {
            let group = inSubmissions[name]!
            guard group.count > limit.max else { continue }
            let message = "\(head)：「\(name)」参与了\(group.count)项申报（牵头或联合），超出\(group.count - limit.max)项（\(group.fileList)）"
            for s in group.dropFirst(limit.max) {
                out.append(Diagnostic(limit.severity, code: .unitLimit, at: location(of: name, limit, in: s.submission), message))
            }
        }
        return out
    }

    /// Where `name` is written in `s` (its first place, or with `last` its last): the value's line
    /// in a data file, else the file.
    private func location(of name: String, _ limit: UnitLimit, in s: Submission, last: Bool = false) -> SourceLocation {
        var places: [SourceLocation] = []
        for path in limit.units {
            guard let value = path.value(in: s.data) else { continue }
            for item in value.list ?? [value] where FieldPath.cellText(item).trimmingCharacters(in: .whitespaces) == name {
                if let loc = item.location, loc.file == s.path { places.append(loc) }
            }
        }
        return (last ? places.last : places.first) ?? .file(s.path)
    }

    private func quotaProblems(_ rule: QuotaRule, _ ranked: [RankedSubmission]) -> [Diagnostic] {
        var out: [Diagnostic] = []
        let counted = ranked.filter { rule.applies(to: $0.submission.data) }
        let groups = grouped(counted) { s in rule.per.map { $0.text(in: s.submission.data) }.joined(separator: "\u{1F}") }
        for (_, group) in groups where group.count > rule.max {
            let first = group[0].submission.data
            let what = rule.per.map { "\(spec.label(of: $0))「\($0.text(in: first))」" }.joined(separator: "、")
            let head = rule.message ?? "名额不超过\(rule.max)项"
            let message = "\(head)：\(what)共\(group.count)项，超出\(group.count - rule.max)项（\(group.fileList)）"
            for s in group.dropFirst(rule.max) {
                out.append(Diagnostic(rule.severity, code: .overQuota, at: location(s.submission, rule.per.first), message))
            }
        }
        return out
    }

    /// Where to point for `path` in `s`: the value's line in a data file, else the file.
    private func location(_ s: Submission, _ path: FieldPath?) -> SourceLocation {
        if let path, let loc = path.value(in: s.data)?.location, loc.file == s.path { return loc }
        return .file(s.path)
    }

    private func location(_ s: Submission, _ key: String) -> SourceLocation { location(s, FieldPath(key)) }

    /// Groups keeping first-appearance order, each group in the input's order.
    private func grouped(_ items: [RankedSubmission], by key: (RankedSubmission) -> String) -> [(String, [RankedSubmission])] {
        var order: [String] = []
        var groups: [String: [RankedSubmission]] = [:]
        for item in items {
            let k = key(item)
            if groups[k] == nil { order.append(k) }
            groups[k, default: []].append(item)
        }
        return order.map { ($0, groups[$0]!) }
    }
}
