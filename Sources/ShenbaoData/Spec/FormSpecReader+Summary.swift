import ShenbaoCore

/// Reads form.yaml's `summary:` section into a `SummarySection`, every mistake at its line and
/// column; keys it does not know are errors, so a typo in a quota does not switch the quota off.
extension FormSpecReader {
    static let summaryKeys = ["title", "by", "rank", "unit", "quotas", "limits", "columns", "order"]
    static let limitKeys = ["units", "max", "message", "severity"]
    static let quotaKeys = ["per", "max", "message", "when", "severity", "level"]
    static let columnKeys = ["key", "label", "type", "width"]

    mutating func summarySection(_ value: DataValue, spec: FormSpec) -> SummarySection? {
        guard let map = value.map else {
            error(value, "summary 应为映射（title、by、rank、unit、quotas、columns、order）")
            return nil
        }
        checkKeys(map, allowed: Self.summaryKeys, what: "汇总表设置")
        var section = SummarySection()
        section.location = value.location
        section.title = string(map, "title")
        section.by = path(map, "by", spec: spec)
        section.rank = path(map, "rank", spec: spec)
        section.unit = path(map, "unit", spec: spec)
        if let quotas = map["quotas"], !quotas.isNull {
            if let list = quotas.list {
                section.quotas = list.compactMap { quota($0, spec: spec) }
            } else {
                error(quotas, "summary.quotas 应为名额规则的列表")
            }
        }
        if let limits = map["limits"], !limits.isNull {
            if let list = limits.list {
                section.limits = list.compactMap { limit($0, spec: spec) }
            } else {
                error(limits, "summary.limits 应为限额的列表，如 - { units: [申报单位名称, 联合申报单位.单位名称], max: 3 }")
            }
        }
        if let columns = map["columns"], !columns.isNull {
            if let list = columns.list {
                section.columns = list.compactMap { column($0, spec: spec) }
            } else {
                error(columns, "summary.columns 应为列的列表")
            }
        }
        section.order = recommenderOrder(map["order"])
        return section
    }

    private mutating func path(_ map: DataMap, _ key: String, spec: FormSpec) -> FieldPath? {
        guard let text = string(map, key) else { return nil }
        return fieldPath(text, at: map[key], in: spec) ? FieldPath(text) : nil
    }

    private mutating func quota(_ value: DataValue, spec: FormSpec) -> QuotaRule? {
        guard let map = value.map else {
            error(value, "名额规则应为映射，如 { per: 推荐单位, max: 2 }")
            return nil
        }
        checkKeys(map, allowed: Self.quotaKeys, what: "名额规则")
        var per: [FieldPath] = []
        switch map["per"]?.kind {
        case .string(let s)?: per = [FieldPath(s)]
        case .list(let items)?: per = items.compactMap { $0.text.map(FieldPath.init) }
        default: error(map["per"] ?? value, "per 应为一个字段键或字段键的列表（如 [推荐单位, 榜单方向]）")
        }
        let perValues = map["per"]?.list ?? map["per"].map { [$0] } ?? []
        for (p, v) in zip(per, perValues) { _ = fieldPath(p.description, at: v, in: spec) }
        guard map["max"] != nil else {
            error(value, "名额规则需要 max（非负整数）")
            return nil
        }
        guard let max = int(map, "max") else { return nil }
        var severity = Severity.error
        if let s = map["severity"] ?? map["level"] {
            switch s.text {
            case "error": severity = .error
            case "warning": severity = .warning
            default: error(s, "severity（或 level）应为 error 或 warning")
            }
        }
        var conditions: [Condition] = []
        if let when = map["when"] {
            for item in when.list ?? [when] {
                switch condition(item, in: .submission(spec)) {
                case .all(let parts)?: conditions += parts
                case let c?: conditions.append(c)
                case nil: break
                }
            }
        }
        return QuotaRule(per: per, max: max, message: string(map, "message"), when: conditions, severity: severity,
                         location: value.location)
    }

    private mutating func limit(_ value: DataValue, spec: FormSpec) -> UnitLimit? {
        guard let map = value.map else {
            error(value, "限额应为映射，如 { units: [申报单位名称, 联合申报单位.单位名称], max: 3 }")
            return nil
        }
        checkKeys(map, allowed: Self.limitKeys, what: "限额")
        let items = map["units"]?.list ?? map["units"].map { [$0] } ?? []
        let units = items.compactMap { item -> FieldPath? in
            guard let text = item.text, fieldPath(text, at: item, in: spec) else { return nil }
            return FieldPath(text)
        }
        if units.isEmpty { error(map["units"] ?? value, "units 应为单位名称字段的键或键的列表") }
        guard map["max"] != nil else {
            error(value, "限额需要 max（非负整数）")
            return nil
        }
        guard let max = int(map, "max") else { return nil }
        var severity = Severity.error
        if let s = map["severity"] {
            switch s.text {
            case "error": severity = .error
            case "warning": severity = .warning
            default: error(s, "severity 应为 error 或 warning")
            }
        }
        return UnitLimit(units: units, max: max, message: string(map, "message"), severity: severity, location: value.location)
    }

    private mutating func column(_ value: DataValue, spec: FormSpec) -> SummarySection.Column? {
        if let key = value.text {
            guard fieldPath(key, at: value, in: spec) else { return nil }
            var column = SummarySection.Column(key: FieldPath(key))
            column.location = value.location
            return column
        }
        guard let map = value.map, let key = map["key"]?.text else {
            error(value, "汇总表的列需要 key（可另给 label、type、width）")
            return nil
        }
        checkKeys(map, allowed: Self.columnKeys, what: "汇总表的列")
        _ = fieldPath(key, at: map["key"], in: spec)
        var column = SummarySection.Column(key: FieldPath(key), label: string(map, "label"))
        column.location = value.location
        if let t = map["type"] {
            if let kind = t.text.flatMap(SummarySection.Column.Kind.init(rawValue:)) {
                column.kind = kind
            } else {
                error(t, "列的 type 应为 text 或 number")
            }
        }
        if let w = map["width"] {
            if let v = w.text.flatMap(ScalarParsers.number), v > 0, v <= 255 {
                column.width = v
            } else {
                error(w, "width 应为列宽的字符数，1 到 255")
            }
        }
        return column
    }

    /// `order: [济南, 青岛, …]`: recommender names or name prefixes, each non-empty text.
    private mutating func recommenderOrder(_ value: DataValue?) -> [String] {
        guard let value, !value.isNull else { return [] }
        guard let list = value.list else {
            error(value, "summary.order 应为推荐单位名称（或名称开头）的列表")
            return []
        }
        var order: [String] = []
        for item in list {
            if case .string(let name) = item.kind, !name.trimmed.isEmpty {
                order.append(name.trimmed)
            } else {
                error(item, "order 的每一项应为推荐单位名称或名称开头（文字）")
            }
        }
        return order
    }
}
