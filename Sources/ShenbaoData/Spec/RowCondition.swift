import Foundation
import ShenbaoCore

/// What a condition tests: a column of the table row being counted (`column:`, only inside a
/// count rule's `where`), or a field anywhere in the data by its dotted path (`key:`).
public enum ConditionSubject: Sendable, Equatable, CustomStringConvertible {
    /// A column of the current row (`职称`).
    case column(String)
    /// A field by its dotted path from the top of the data (`平台类别`, `联系人.电话`).
    case key(String)

    public var description: String {
        switch self {
        case .column(let c): return c
        case .key(let k): return k
        }
    }

    /// The subject's value: in `row` for a column, in `root` for a key.
    func value(row: DataMap?, root: DataValue) -> DataValue? {
        switch self {
        case .column(let c): return row?[c]
        case .key(let k): return root.value(atPath: k.split(separator: ".").map(String.init))
        }
    }
}

/// A test on the data, the one condition language of form.yaml: a count rule's `where` (on the
/// row's columns), a rule's `when` and `require` (on keys). See docs/form-spec.md.
public indirect enum RowCondition: Sendable, Equatable {
    /// Every condition holds.
    case all([RowCondition])
    /// At least one condition holds.
    case any([RowCondition])
    /// The condition does not hold.
    case not(RowCondition)
    /// The subject's text is one of `values`.
    case valueIn(ConditionSubject, values: [String])
    /// The subject's text matches the regular expression (searched).
    case matches(ConditionSubject, pattern: String)
    /// The subject's number lies within the bounds (a value that is not a number does not match).
    case range(ConditionSubject, minimum: Double?, maximum: Double?)
    /// The subject has a value: non-empty text, a table with a row, a group with a filled field.
    case filled(ConditionSubject)

    /// Whether a table row satisfies the condition (a count rule's `where`); `key:` subjects are
    /// looked up in `root`.
    public func matches(_ row: DataMap, root: DataValue = DataValue(.null)) -> Bool {
        evaluate(row: row, root: root)
    }

    /// Whether the data satisfies the condition (a rule's `when` or `require`).
    public func holds(in root: DataValue) -> Bool {
        evaluate(row: nil, root: root)
    }

    func evaluate(row: DataMap?, root: DataValue) -> Bool {
        switch self {
        case .all(let conditions): return conditions.allSatisfy { $0.evaluate(row: row, root: root) }
        case .any(let conditions): return conditions.contains { $0.evaluate(row: row, root: root) }
        case .not(let condition): return !condition.evaluate(row: row, root: root)
        case .valueIn(let subject, let values):
            guard let text = Self.text(subject.value(row: row, root: root)) else { return false }
            return values.contains(text)
        case .matches(let subject, let pattern):
            guard let text = Self.text(subject.value(row: row, root: root)) else { return false }
            return PatternCache.matches(pattern, text)
        case .range(let subject, let minimum, let maximum):
            guard let text = Self.text(subject.value(row: row, root: root)), let n = ScalarParsers.number(text) else { return false }
            return (minimum.map { n >= $0 } ?? true) && (maximum.map { n <= $0 } ?? true)
        case .filled(let subject):
            return Self.isFilled(subject.value(row: row, root: root))
        }
    }

    /// The number of rows of the table at the dotted path `table` matching `condition`.
    static func rowCount(_ table: String, where condition: RowCondition?, root: DataValue) -> Int {
        let rows = root.value(atPath: table.split(separator: ".").map(String.init))?.list ?? []
        return rows.compactMap(\.map).filter { condition?.matches($0, root: root) ?? true }.count
    }

    /// The `key:` subjects the condition names, in order (where a failed requirement is reported).
    public var keys: [String] {
        switch self {
        case .all(let c), .any(let c): return c.flatMap(\.keys)
        case .not(let c): return c.keys
        case .valueIn(let s, _), .matches(let s, _), .range(let s, _, _), .filled(let s):
            if case .key(let k) = s { return [k] }
            return []
        }
    }

    private static func text(_ value: DataValue?) -> String? {
        value?.text?.trimmed
    }

    static func isFilled(_ value: DataValue?) -> Bool {
        guard let value else { return false }
        switch value.kind {
        case .null: return false
        case .list(let items): return !items.isEmpty
        case .map(let map): return map.entries.contains { isFilled($0.value) }
        default: return !(value.text?.trimmed ?? "").isEmpty
        }
    }
}
