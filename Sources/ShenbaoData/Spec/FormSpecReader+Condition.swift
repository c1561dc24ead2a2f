import ShenbaoCore

/// Reads the one condition language (`Condition`) for rules' `where:` and quotas' `when:`.
extension FormSpecReader {
    /// What a condition's keys name: a table's columns (rules) or the form's fields (quotas).
    enum ConditionScope {
        case row(of: FieldSpec)
        case submission(FormSpec)
    }

    static let conditionKeys = [
        "any", "all", "not", "column", "key", "in", "equals", "pattern", "matches", "not_matches", "min", "max", "filled",
    ]
    static let conditionTests = ["in", "equals", "pattern", "matches", "not_matches", "min", "max", "filled"]

    /// `{ column|key: K, in|equals|pattern|min/max|filled }`, `{ any: [...] }`, `{ all: [...] }`,
    /// `{ not: {...} }`. `matches`/`not_matches` are the quotas' first spelling of `pattern`
    /// and `not: {pattern}`, still read; so is a quota's `{ 字段: 值 }` / `{ 字段: { matches: re } }`.
    mutating func condition(_ value: DataValue, in scope: ConditionScope) -> Condition? {
        guard let map = value.map else {
            error(value, "条件应为映射（any、all、not 或 column/key 与 in、equals、pattern、min/max、filled 之一）")
            return nil
        }
        if case .submission = scope, !map.entries.contains(where: { Self.conditionKeys.contains($0.key) }) {
            let parts = map.entries.compactMap { fieldTests($0, in: scope) }
            return parts.count == 1 ? parts[0] : .all(parts)
        }
        checkKeys(map, allowed: Self.conditionKeys, what: "条件")
        if let list = map["any"] ?? map["all"] {
            guard let items = list.list else {
                error(list, "any/all 应为条件列表")
                return nil
            }
            let parts = items.compactMap { condition($0, in: scope) }
            return map["any"] != nil ? .any(parts) : .all(parts)
        }
        if let inner = map["not"] { return condition(inner, in: scope).map { .not($0) } }
        let word = map["column"] != nil ? "column" : "key"
        guard let key = string(map, word, required: true, in: value), self.key(key, at: map[word], in: scope) else { return nil }
        return tests(map, key: key, at: value, field: field(key, in: scope))
    }

    /// The field a condition's key names in its scope.
    private func field(_ key: String, in scope: ConditionScope) -> FieldSpec? {
        switch scope {
        case .row(let table): return table.child(key)
        case .submission(let spec): return spec.field(atPath: key)
        }
    }

    /// The tests beside a condition's key, `.all` of them when there are several.
    /// An `in:`/`equals:` value that is not one of a choice field's options is reported (it could
    /// never match).
    private mutating func tests(_ map: DataMap, key: String, at value: DataValue, field: FieldSpec?) -> Condition? {
        var parts: [Condition] = []
        for word in ["in", "equals"] {
            guard let given = map[word] else { continue }
            let values = word == "in" ? (stringList(given) ?? []) : [given.text ?? ""]
            if let field, field.type == .choice || field.type == .multichoice {
                for v in values where !field.options.contains(v) {
                    error(given, "「\(v)」不是「\(field.label)」的可选项\(KeySuggestion.hint(for: v, among: field.options))")
                }
            }
            parts.append(.valueIn(key: key, values: values))
        }
        for word in ["pattern", "matches", "not_matches"] {
            guard let p = string(map, word) else { continue }
            if PatternCache.regex(p) == nil { error(map[word], "正则表达式无效：\(p)") }
            parts.append(word == "not_matches" ? .not(.matches(key: key, pattern: p)) : .matches(key: key, pattern: p))
        }
        if map["min"] != nil || map["max"] != nil {
            parts.append(.range(key: key, minimum: number(map, "min"), maximum: number(map, "max")))
        }
        if map["filled"] != nil { parts.append(bool(map, "filled") == false ? .not(.filled(key: key)) : .filled(key: key)) }
        if parts.isEmpty {
            error(value, "条件需要 in、equals、pattern、min/max 或 filled 之一")
            return nil
        }
        return parts.count == 1 ? parts[0] : .all(parts)
    }

    /// A quota's `字段: 值` (equals) or `字段: { pattern: re, … }`.
    private mutating func fieldTests(_ entry: DataMap.Entry, in scope: ConditionScope) -> Condition? {
        guard key(entry.key, at: DataValue(.string(entry.key), at: entry.keyLocation), in: scope) else { return nil }
        if let text = entry.value.text { return .valueIn(key: entry.key, values: [text]) }
        guard let tests = entry.value.map else {
            error(entry.value, "条件「\(entry.key)」应为一个值或测试映射（如 { pattern: '市大数据局$' }）")
            return nil
        }
        checkKeys(tests, allowed: Self.conditionTests, what: "条件")
        return self.tests(tests, key: entry.key, at: entry.value, field: field(entry.key, in: scope))
    }

    /// Whether `key` names a column of the rule's table or a field of the form; reports it if not.
    private mutating func key(_ key: String, at value: DataValue?, in scope: ConditionScope) -> Bool {
        switch scope {
        case .row(let table):
            guard table.child(key) == nil else { return true }
            let columns = table.columns.map(\.key)
            let hint = KeySuggestion.best(for: key, among: columns).map { "，是否应为「\($0)」？" } ?? "；可用的列：\(columns.joined(separator: "、"))"
            error(value, "表格「\(table.key)」没有列「\(key)」\(hint)")
            return false
        case .submission(let spec):
            return fieldPath(key, at: value, in: spec)
        }
    }

    /// Whether the dotted `path` names a field of the form; reports it if not.
    mutating func fieldPath(_ path: String, at value: DataValue?, in spec: FormSpec) -> Bool {
        guard spec.field(atPath: path) == nil else { return true }
        error(value, "「\(path)」不是本表单的字段\(KeySuggestion.hint(for: path, among: spec.allFields.map(\.path)))")
        return false
    }
}
