import Foundation
import ShenbaoCore

/// Reading `rules:` and the condition language (`where`, `when`, `require`); see
/// docs/form-spec.md, "Rules".
extension FormSpecReader {
    static let ruleKeys = ["when", "table", "where", "min", "max", "require", "message"]
    static let conditionKeys = ["any", "all", "not", "column", "key", "in", "equals", "pattern", "min", "max", "filled"]

    mutating func rule(_ value: DataValue, spec: FormSpec) -> FormRule? {
        guard let map = value.map else {
            error(value, "规则应为映射（when、table、where、min、max、require、message）")
            return nil
        }
        checkKeys(map, allowed: Self.ruleKeys, what: "规则")
        var rule = FormRule(message: string(map, "message"))
        rule.location = value.location
        if let w = map["when"] { rule.when = condition(w, spec: spec, row: nil) }
        if let r = map["require"] {
            if map["table"] != nil || map["where"] != nil || map["min"] != nil || map["max"] != nil {
                error(r, "一条规则要么计数（table、where、min、max），要么用 require，不能两者都写")
            }
            rule.requirement = condition(r, spec: spec, row: nil)
            if rule.message == nil { error(value, "require 规则需要 message（通知原文的要求）") }
            return rule
        }
        guard let table = string(map, "table", required: true, in: value) else { return nil }
        guard let field = spec.field(atPath: table), field.type == .table else {
            let tables = spec.allFields.filter { $0.field.type == .table }.map(\.path)
            error(map["table"], "规则引用的「\(table)」不是表格字段\(KeySuggestion.hint(for: table, among: tables))")
            return nil
        }
        rule.table = table
        rule.minimum = int(map, "min")
        rule.maximum = int(map, "max")
        if rule.minimum == nil && rule.maximum == nil { error(value, "规则需要 min 或 max") }
        if let w = map["where"] { rule.condition = condition(w, spec: spec, row: field) }
        return rule
    }

    /// One condition. `row` is the table whose columns `column:` names (inside `where`); nil in
    /// `when`/`require`, where only `key:` subjects are allowed.
    mutating func condition(_ value: DataValue, spec: FormSpec, row: FieldSpec?) -> RowCondition? {
        guard let map = value.map else {
            error(value, "条件应为映射（any、all、not，或 key/column 加 in、equals、pattern、min/max、filled）")
            return nil
        }
        checkKeys(map, allowed: Self.conditionKeys, what: "条件")
        if let list = map["any"] ?? map["all"] {
            guard let items = list.list else {
                error(list, "any/all 应为条件列表")
                return nil
            }
            let parts = items.compactMap { condition($0, spec: spec, row: row) }
            return map["any"] != nil ? .any(parts) : .all(parts)
        }
        if let inner = map["not"] { return condition(inner, spec: spec, row: row).map { .not($0) } }
        guard let (subject, field) = subject(map, of: value, spec: spec, row: row) else { return nil }
        if let values = map["in"] ?? map["equals"] {
            let list = map["in"] != nil ? (stringList(values) ?? []) : [values.text ?? ""]
            if let field, field.type == .choice || field.type == .multichoice {
                for v in list where !field.options.contains(v) {
                    error(values, "「\(v)」不是「\(field.label)」的可选项\(KeySuggestion.hint(for: v, among: field.options))")
                }
            }
            return .valueIn(subject, values: list)
        }
        if let p = string(map, "pattern") {
            if PatternCache.regex(p) == nil { error(map["pattern"], "正则表达式无效：\(p)") }
            return .matches(subject, pattern: p)
        }
        if map["min"] != nil || map["max"] != nil {
            return .range(subject, minimum: number(map, "min"), maximum: number(map, "max"))
        }
        if map["filled"] != nil {
            return bool(map, "filled") == false ? .not(.filled(subject)) : .filled(subject)
        }
        error(value, "条件需要 in、equals、pattern、min/max 或 filled 之一")
        return nil
    }

    /// The condition's subject and the field it names (nil for an unknown one, already reported).
    private mutating func subject(
        _ map: DataMap, of value: DataValue, spec: FormSpec, row: FieldSpec?
    ) -> (ConditionSubject, FieldSpec?)? {
        if let key = string(map, "key") {
            guard let field = spec.field(atPath: key) else {
                error(map["key"], "条件引用的键「\(key)」不是表中的字段\(KeySuggestion.hint(for: key, among: spec.allFields.map(\.path)))")
                return nil
            }
            return (.key(key), field)
        }
        guard let column = string(map, "column") else {
            error(value, row == nil ? "条件需要 key（字段的键，如 平台类别）" : "条件需要 column（表格的列）或 key（字段的键）")
            return nil
        }
        guard let table = row else {
            error(map["column"], "column 只能用在计数规则的 where 中；这里请用 key")
            return nil
        }
        guard let field = table.child(column) else {
            let columns = table.columns.map(\.key)
            let hint = KeySuggestion.best(for: column, among: columns).map { "，是否应为「\($0)」？" } ?? "；可用的列：\(columns.joined(separator: "、"))"
            error(map["column"], "表格「\(table.key)」没有列「\(column)」\(hint)")
            return nil
        }
        return (.column(column), field)
    }
}
