import Foundation
import ShenbaoCore

/// A cap from a notice: at most `max` submissions per distinct value of the `per` fields,
/// counting only submissions that meet every `when` condition.
///
/// `{per: [推荐单位, 榜单方向], max: 2}` is 揭榜挂帅's "每个榜单方向每市不超过2个";
/// `{per: 推荐单位, max: 1, when: {推荐单位: {not_matches: '市大数据局$'}}}` is the Shandong
/// lab's "省直各部门推荐不超过1个".
public struct QuotaRule: Sendable, Equatable {
    public var per: [FieldPath]
    public var max: Int
    /// The notice's words, quoted first in the error (`每市推荐原则上不超过2个`).
    public var message: String?
    public var when: [FieldCondition]
    /// `.warning` for soft quotas (`左右`, `原则上` a bureau may exceed with a reason).
    public var severity: Severity
    /// Where the rule is written in form.yaml.
    public var location: SourceLocation?

    public init(
        per: [FieldPath], max: Int, message: String? = nil, when: [FieldCondition] = [],
        severity: Severity = .error, location: SourceLocation? = nil
    ) {
        self.per = per
        self.max = max
        self.message = message
        self.when = when
        self.severity = severity
        self.location = location
    }

    /// Whether `data` counts toward this quota.
    public func applies(to data: DataValue) -> Bool { when.allSatisfy { $0.holds(for: data) } }
}

/// A test on one field's text, for `when:` in a quota.
public struct FieldCondition: Sendable, Equatable {
    public enum Test: Sendable, Equatable {
        /// The text contains a match of the regular expression (ICU syntax, like `pattern:`).
        case matches(String)
        case notMatches(String)
        case equals(String)
        case oneOf([String])
    }

    public var path: FieldPath
    public var test: Test

    public init(path: FieldPath, test: Test) {
        self.path = path
        self.test = test
    }

    public func holds(for data: DataValue) -> Bool {
        let text = path.text(in: data)
        switch test {
        case .matches(let pattern): return Self.search(pattern, in: text)
        case .notMatches(let pattern): return !Self.search(pattern, in: text)
        case .equals(let value): return text == value
        case .oneOf(let values): return values.contains(text)
        }
    }

    private static func search(_ pattern: String, in text: String) -> Bool {
        guard let regex = try? NSRegularExpression(pattern: pattern) else { return false }
        return regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }
}
