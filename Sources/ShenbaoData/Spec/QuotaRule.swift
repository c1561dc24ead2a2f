import Foundation
import ShenbaoCore

/// A cap from a notice: at most `max` submissions per distinct value of the `per` fields,
/// counting only submissions that meet every `when` condition.
///
/// `{per: [推荐单位, 榜单方向], max: 2}` is 揭榜挂帅's "每个榜单方向每市不超过2个";
/// `{per: 推荐单位, max: 1, when: {not: {key: 推荐单位, pattern: '市大数据局$'}}}` is the Shandong
/// lab's "省直各部门推荐不超过1个".
public struct QuotaRule: Sendable, Equatable {
    public var per: [FieldPath]
    public var max: Int
    /// The notice's words, quoted first in the error (`每市推荐原则上不超过2个`).
    public var message: String?
    /// Conditions that must all hold for a submission to count (`when:`, the conditions of
    /// `Condition`, over the submission's dotted field paths).
    public var when: [Condition]
    /// `.warning` for soft quotas (`左右`, `原则上` a bureau may exceed with a reason).
    public var severity: Severity
    /// Where the rule is written in form.yaml.
    public var location: SourceLocation?

    public init(
        per: [FieldPath], max: Int, message: String? = nil, when: [Condition] = [],
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
