import Foundation
import ShenbaoCore

/// A test on a field's text, the one condition language of form.yaml: a rule's `where:` tests a
/// table row's columns, a quota's `when:` tests a submission's fields (docs/form-spec.md).
///
/// `{ column: 职称, in: [正高级, 副高级] }`, `{ key: 推荐单位, pattern: '市大数据局$' }`,
/// `{ not: {...} }`, `{ any: [...] }`, `{ all: [...] }`.
public indirect enum Condition: Sendable, Equatable {
    /// Every condition holds.
    case all([Condition])
    /// At least one condition holds.
    case any([Condition])
    /// The condition does not hold.
    case not(Condition)
    /// The field's text is one of `values` (`in:`, `equals:`).
    case valueIn(key: String, values: [String])
    /// The field's text contains a match of the ICU regular expression (`pattern:`).
    case matches(key: String, pattern: String)
    /// The field's number lies within the bounds (values that are not numbers do not match).
    case range(key: String, minimum: Double?, maximum: Double?)
    /// The field has a non-empty value (`filled: true`).
    case filled(key: String)

    /// Whether the condition holds when `text` gives each named field's text (nil: absent).
    public func holds(_ text: (String) -> String?) -> Bool {
        switch self {
        case .all(let conditions): return conditions.allSatisfy { $0.holds(text) }
        case .any(let conditions): return conditions.contains { $0.holds(text) }
        case .not(let condition): return !condition.holds(text)
        case .valueIn(let key, let values):
            guard let value = text(key) else { return false }
            return values.contains(value)
        case .matches(let key, let pattern):
            guard let value = text(key) else { return false }
            return PatternCache.matches(pattern, value)
        case .range(let key, let minimum, let maximum):
            guard let value = text(key), let n = ScalarParsers.number(value) else { return false }
            return (minimum.map { n >= $0 } ?? true) && (maximum.map { n <= $0 } ?? true)
        case .filled(let key):
            return !(text(key) ?? "").isEmpty
        }
    }

    /// The keys the condition names, in order (where a failed requirement is reported).
    public var keys: [String] {
        switch self {
        case .all(let c), .any(let c): return c.flatMap(\.keys)
        case .not(let c): return c.keys
        case .valueIn(let k, _), .matches(let k, _), .range(let k, _, _), .filled(let k): return [k]
        }
    }

    /// Whether `row` (a table row's map) satisfies the condition; columns are read trimmed.
    public func matches(_ row: DataMap) -> Bool {
        holds { row[$0]?.text?.trimmed }
    }

    /// Whether a submission's `data` satisfies the condition; keys are dotted paths, read as a
    /// summary cell shows them (`FieldPath.text(in:)`, "" when absent).
    public func holds(for data: DataValue) -> Bool {
        holds { FieldPath($0).text(in: data) }
    }
}
