import Foundation
import ShenbaoCore

/// A form-level rule, in one of two shapes (docs/form-spec.md, "Rules"):
///
/// - a count: the rows of `table` (only those matching `condition`, when given) must number at
///   least `minimum` and at most `maximum`. `团队不少于15人，其中具有副高职称或硕士学位及以上的不少于3人`
///   is two count rules over `人员`;
/// - a requirement: `requirement` must hold over the data (`平台类别为实验室的，填写实验室专项情况`).
///
/// Either shape may carry `when`: the rule applies only to data for which it holds
/// (`任务类型: 理论研究` → at least one 研究报告 among 预期成果).
public struct FormRule: Sendable, Equatable {
    /// Dotted path of the table field a count rule counts (`人员`); nil for a requirement.
    public var table: String?
    /// Only rows matching this are counted; all rows when nil.
    public var condition: Condition?
    public var minimum: Int?
    public var maximum: Int?
    /// The rule applies only when this holds over the data (keys are the form's fields); always
    /// when nil.
    public var when: Condition?
    /// What a requirement rule asks of the data (keys are the form's fields).
    public var requirement: Condition?
    /// The requirement in the notice's words, printed when the rule fails.
    public var message: String?
    /// Where the rule is declared in the spec file.
    public var location: SourceLocation?

    public init(
        table: String? = nil, condition: Condition? = nil, minimum: Int? = nil, maximum: Int? = nil,
        when: Condition? = nil, requirement: Condition? = nil, message: String? = nil
    ) {
        self.table = table
        self.condition = condition
        self.minimum = minimum
        self.maximum = maximum
        self.when = when
        self.requirement = requirement
        self.message = message
    }
}
