import Foundation
import ShenbaoCore
import ShenbaoData

/// A bureau's ranking given at summary time (`shenbao summary --ranking FILE`): one submission a
/// line, named by its file (as given, its file name, or its file name without the extension) or
/// by its unit's name (the spec's `unit`, 申报单位名称 …); the first line of a recommender's
/// submissions is its 1. Empty lines and lines starting with `#` are skipped.
///
/// The ranking replaces the 推荐排序 written in the submissions; without one those are used.
public struct SummaryRanking: Sendable {
    /// The ranking file's path, for messages.
    public var path: String
    /// The non-empty lines with their 1-based line numbers.
    public var lines: [(line: Int, text: String)]

    public init(path: String, text: String) {
        self.path = path
        lines = text.split(separator: "\n", omittingEmptySubsequences: false).enumerated().compactMap { i, raw in
            let t = raw.trimmingCharacters(in: .whitespacesAndNewlines.union(CharacterSet(charactersIn: "\u{FEFF}")))
            return t.isEmpty || t.hasPrefix("#") ? nil : (i + 1, t)
        }
    }

    /// Reads the ranking file at `path` (UTF-8).
    /// - Throws: `DiagnosticsError` at the file when it cannot be read.
    public static func read(_ path: String) throws -> SummaryRanking {
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw DiagnosticsError([.error(.unreadable, at: .file(path), "无法读取排序文件（应为 UTF-8 文本，每行一份申报材料）")])
        }
        return SummaryRanking(path: path, text: text)
    }

    /// The place of each submission (by path) in its recommender's order, and the problems: a
    /// line that names no submission or several, a submission named twice, a submission the file
    /// leaves out.
    func places(
        for submissions: [Submission], recommender: (Submission) -> String, unit: FieldPath?
    ) -> (places: [String: Int], diagnostics: [Diagnostic]) {
        var places: [String: Int] = [:]
        var next: [String: Int] = [:]
        var named: [String: Int] = [:]
        var out: [Diagnostic] = []
        for (line, text) in lines {
            let at = SourceLocation(file: path, line: line, column: 1)
            let matches = submissions.filter { Self.names($0, unit: unit).contains(text) }
            guard matches.count == 1, let s = matches.first else {
                let why = matches.isEmpty
                    ? "「\(text)」不是任何一份申报材料的文件名或单位名称"
                    : "「\(text)」对应多份申报材料（\(matches.map(\.path).joined(separator: "、"))），请写文件名"
                out.append(.error(matches.isEmpty ? .rankingUnmatched : .rankingAmbiguous, at: at, why))
                continue
            }
            if let first = named[s.path] {
                out.append(.error(.rankingRepeated, at: at, "\(s.path) 已在第\(first)行排过序"))
                continue
            }
            named[s.path] = line
            let r = recommender(s)
            next[r, default: 0] += 1
            places[s.path] = next[r]
        }
        for s in submissions where named[s.path] == nil {
            out.append(.error(.notRanked, at: .file(s.path), "未列入排序文件 \(path)，无法排序"))
        }
        return (places, out)
    }

    /// What a line may name a submission by.
    private static func names(_ s: Submission, unit: FieldPath?) -> Set<String> {
        let file = (s.path as NSString).lastPathComponent
        var names: Set<String> = [s.path, file, (file as NSString).deletingPathExtension]
        if let unit {
            let name = unit.text(in: s.data).trimmingCharacters(in: .whitespaces)
            if !name.isEmpty { names.insert(name) }
        }
        return names
    }
}
