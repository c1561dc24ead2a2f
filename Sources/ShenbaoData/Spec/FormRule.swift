import Foundation
import ShenbaoCore

/// A form-level rule: the rows of a table (optionally only those matching `condition`) must
/// number at least `min` and at most `max`.
///
/// `团队不少于15人，其中具有副高职称或硕士学位及以上的不少于3人` is two rules over `人员`: one with
/// `min: 15`, one with a `where` condition and `min: 3`.
public struct FormRule: Sendable, Equatable {
    /// Dotted path of the table field the rule counts (`人员`).
    public var table: String
    /// Only rows matching this are counted; all rows when nil.
    public var condition: Condition?
    public var minimum: Int?
    public var maximum: Int?
    /// The requirement in the notice's words, printed when the rule fails.
    public var message: String?
    /// Where the rule is declared in the spec file.
    public var location: SourceLocation?

    public init(table: String, condition: Condition? = nil, minimum: Int? = nil, maximum: Int? = nil, message: String? = nil) {
        self.table = table
        self.condition = condition
        self.minimum = minimum
        self.maximum = maximum
        self.message = message
    }
}

