import Foundation
import ShenbaoCore

/// Reading `rules:`: counts (`table`, `where`, `min`, `max`) and requirements (`require`), each
/// optionally under `when`; conditions are the one language of `Condition` (docs/form-spec.md).
extension FormSpecReader {
    static let ruleKeys = ["when", "table", "where", "min", "max", "require", "message"]

    mutating func rule(_ value: DataValue, spec: FormSpec) -> FormRule? {
        guard let map = value.map else {
            error(value, "规则应为映射（when、table、where、min、max、require、message）")
            return nil
        }
        checkKeys(map, allowed: Self.ruleKeys, what: "规则")
        var rule = FormRule(message: string(map, "message"))
        rule.location = value.location
        if let w = map["when"] { rule.when = condition(w, in: .submission(spec)) }
        if let r = map["require"] {
            if map["table"] != nil || map["where"] != nil || map["min"] != nil || map["max"] != nil {
                error(r, "一条规则要么计数（table、where、min、max），要么用 require，不能两者都写")
            }
            rule.requirement = condition(r, in: .submission(spec))
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
        if let w = map["where"] { rule.condition = condition(w, in: .row(of: field)) }
        return rule
    }
}
