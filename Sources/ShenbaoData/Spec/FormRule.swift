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
    public var condition: RowCondition?
    public var minimum: Int?
    public var maximum: Int?
    /// The requirement in the notice's words, printed when the rule fails.
    public var message: String?
    /// Where the rule is declared in the spec file.
    public var location: SourceLocation?

    public init(table: String, condition: RowCondition? = nil, minimum: Int? = nil, maximum: Int? = nil, message: String? = nil) {
        self.table = table
        self.condition = condition
        self.minimum = minimum
        self.maximum = maximum
        self.message = message
    }
}

/// A test on one table row, for counting rules.
public indirect enum RowCondition: Sendable, Equatable {
    /// Every condition holds.
    case all([RowCondition])
    /// At least one condition holds.
    case any([RowCondition])
    /// The condition does not hold.
    case not(RowCondition)
    /// The column's text is one of `values`.
    case valueIn(column: String, values: [String])
    /// The column's text matches the regular expression (searched).
    case matches(column: String, pattern: String)
    /// The column's number lies within the bounds (rows whose value is not a number do not match).
    case range(column: String, minimum: Double?, maximum: Double?)
    /// The column has a non-empty value.
    case filled(column: String)

    /// Whether `row` (a table row's map) satisfies the condition.
    public func matches(_ row: DataMap) -> Bool {
        switch self {
        case .all(let conditions): return conditions.allSatisfy { $0.matches(row) }
        case .any(let conditions): return conditions.contains { $0.matches(row) }
        case .not(let condition): return !condition.matches(row)
        case .valueIn(let column, let values):
            guard let text = Self.text(row, column) else { return false }
            return values.contains(text)
        case .matches(let column, let pattern):
            guard let text = Self.text(row, column) else { return false }
            return PatternCache.matches(pattern, text)
        case .range(let column, let minimum, let maximum):
            guard let text = Self.text(row, column), let n = ScalarParsers.number(text) else { return false }
            return (minimum.map { n >= $0 } ?? true) && (maximum.map { n <= $0 } ?? true)
        case .filled(let column):
            return !(Self.text(row, column) ?? "").isEmpty
        }
    }

    private static func text(_ row: DataMap, _ column: String) -> String? {
        row[column]?.text?.trimmed
    }
}
