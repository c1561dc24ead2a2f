import Foundation
import ShenbaoCore
import ShenbaoData

/// Gives a form's text the types its spec declares, so the data file prints as a person would
/// write it: `年龄: 52` rather than `'52'` for an integer field, `true` for a bool field. Text that
/// is not a plain number stays text (the validator then says what is wrong with it); fields of
/// other types are never touched, so `电话: '13912345678'` stays a string. Keys are put in the
/// form's order (`form` first, then the spec's fields, then keys the spec does not know), so the
/// same data prints as the same file whatever order a client sent it in.
enum TypedData {
    static func apply(_ spec: FormSpec, to data: DataValue) -> DataValue {
        apply(fields: spec.fields, to: data)
    }

    private static func apply(fields: [FieldSpec], to value: DataValue) -> DataValue {
        guard let map = value.map else { return value }
        var ordered = DataMap()
        if let form = map.entry("form"), !fields.contains(where: { $0.key == "form" }) { ordered.append(form) }
        for field in fields {
            guard var entry = map.entry(field.key) else { continue }
            entry.value = apply(field, to: entry.value)
            ordered.append(entry)
        }
        for entry in map.entries where ordered.entry(entry.key) == nil { ordered.append(entry) }
        return DataValue(.map(ordered), at: value.location)
    }

    private static func apply(_ field: FieldSpec, to value: DataValue) -> DataValue {
        switch field.type {
        case .group:
            return apply(fields: field.fields, to: value)
        case .table:
            guard let rows = value.list else { return value }
            return DataValue(.list(rows.map { apply(fields: field.columns, to: $0) }), at: value.location)
        case .integer, .number, .amount:
            guard case .string(let text) = value.kind, isJSONNumber(text) else { return value }
            return DataValue(.number(text), at: value.location)
        case .bool:
            guard case .string(let text) = value.kind, text == "true" || text == "false" else { return value }
            return DataValue(.bool(text == "true"), at: value.location)
        default:
            return value
        }
    }

    /// JSON's number grammar, as the data readers type plain numbers.
    static func isJSONNumber(_ text: String) -> Bool {
        text.range(of: #"^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?$"#, options: .regularExpression) != nil
    }
}
