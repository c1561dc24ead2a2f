import Foundation
import ShenbaoCore

/// Turns form.yaml's tree into a `SummarySpec`, collecting every problem of the `summary:`
/// section with its line and column. Keys it does not know are errors, so a typo in a quota
/// does not silently switch the quota off.
enum SummarySpecParser {
    static let summaryKeys: Set<String> = ["by", "rank", "unit", "title", "quotas", "columns", "order"]
    static let quotaKeys: Set<String> = ["per", "max", "message", "when", "severity", "level"]
    static let testKeys: Set<String> = ["matches", "not_matches", "equals", "in"]
    static let columnKeys: Set<String> = ["key", "label", "type", "width"]
    static let numberTypes: Set<String> = ["integer", "number", "amount"]

    static func parse(_ root: DataValue, path: String) throws -> SummarySpec {
        var problems: [Diagnostic] = []
        guard let form = root.map else {
            throw DiagnosticsError([.error("bad-spec", at: root.location ?? .file(path), "form.yaml must be a map")])
        }
        let formID = form["id"]?.text ?? ""
        if formID.isEmpty { problems.append(.error("bad-spec", at: root.location ?? .file(path), "form.yaml has no id:")) }
        let formTitle = form["title"]?.text ?? formID

        var labels: [String: String] = [:]
        var types: [String: String] = [:]
        collectFields(form["fields"], prefix: [], labels: &labels, types: &types)

        let summary = form["summary"]
        var summaryMap = DataMap()
        if let s = summary, !s.isNull {
            if let m = s.map { summaryMap = m } else { problems.append(error(s, path, "summary: must be a map")) }
        }
        for entry in summaryMap.entries where !summaryKeys.contains(entry.key) {
            problems.append(.error("unknown-key", at: entry.keyLocation ?? .file(path),
                                   "summary: unknown key \(entry.key) (known: \(summaryKeys.sorted().joined(separator: ", ")))"))
        }
        let by = FieldPath(summaryMap["by"]?.text ?? "推荐单位")
        let rank = FieldPath(summaryMap["rank"]?.text ?? "推荐排序")
        let unit = summaryMap["unit"]?.text.map(FieldPath.init)
        let title = summaryMap["title"]?.text

        var quotas: [QuotaRule] = []
        if let q = summaryMap["quotas"] {
            if let list = q.list {
                for item in list { if let rule = quota(item, path, &problems) { quotas.append(rule) } }
            } else if !q.isNull {
                problems.append(error(q, path, "summary.quotas: must be a list"))
            }
        }
        var columns: [SummaryColumn] = []
        if let c = summaryMap["columns"] {
            if let list = c.list {
                for item in list {
                    if let col = column(item, path, labels: labels, types: types, rank: rank, &problems) { columns.append(col) }
                }
            } else if !c.isNull {
                problems.append(error(c, path, "summary.columns: must be a list"))
            }
        }
        let order = recommenderOrder(summaryMap["order"], path, &problems)
        if problems.hasErrors { throw DiagnosticsError(problems) }
        return SummarySpec(
            formID: formID, formTitle: formTitle, title: title, by: by, rank: rank, unit: unit, quotas: quotas,
            columns: columns, labels: labels, order: order)
    }

    /// Records each field's label and type under its dotted path (groups nest).
    private static func collectFields(
        _ fields: DataValue?, prefix: [String], labels: inout [String: String], types: inout [String: String]
    ) {
        for field in fields?.list ?? [] {
            guard let key = field["key"]?.text else { continue }
            let path = (prefix + [key]).joined(separator: ".")
            labels[path] = field["label"]?.text ?? key
            let type = field["type"]?.text ?? "text"
            types[path] = type
            if type == "group" { collectFields(field["fields"], prefix: prefix + [key], labels: &labels, types: &types) }
            if type == "table" { collectFields(field["columns"], prefix: prefix + [key], labels: &labels, types: &types) }
        }
    }

    private static func quota(_ item: DataValue, _ path: String, _ problems: inout [Diagnostic]) -> QuotaRule? {
        guard let map = item.map else {
            problems.append(error(item, path, "summary.quotas: each quota must be a map {per:, max:}"))
            return nil
        }
        unknownKeys(map, quotaKeys, "summary.quotas", path, &problems)
        var per: [FieldPath] = []
        switch map["per"]?.kind {
        case .string(let s)?: per = [FieldPath(s)]
        case .list(let items)?: per = items.compactMap { $0.text.map(FieldPath.init) }
        default: problems.append(error(item, path, "summary.quotas: per: must name a field or a list of fields"))
        }
        guard let maxText = map["max"]?.text, let max = Int(maxText), max >= 0 else {
            problems.append(error(map["max"] ?? item, path, "summary.quotas: max: must be a whole number ≥ 0"))
            return nil
        }
        var severity = Severity.error
        if let s = map["severity"] ?? map["level"] {
            switch s.text {
            case "error": severity = .error
            case "warning": severity = .warning
            default: problems.append(error(s, path, "summary.quotas: severity (or level): must be error or warning"))
            }
        }
        var conditions: [FieldCondition] = []
        if let w = map["when"] {
            for item in w.list ?? [w] { conditions += when(item, path, &problems) }
        }
        return QuotaRule(per: per, max: max, message: map["message"]?.text, when: conditions, severity: severity,
                         location: item.location)
    }

    /// One `when:` map, in either shape: `{key: 字段, in: [..]}` (one field, its tests beside
    /// `key`), or `{字段: {matches: re}, 字段2: 值}` (fields mapped to tests).
    private static func when(_ item: DataValue, _ path: String, _ problems: inout [Diagnostic]) -> [FieldCondition] {
        guard let map = item.map else {
            problems.append(error(item, path, "summary.quotas: when: must be a map (or a list of maps) of conditions"))
            return []
        }
        if let key = map["key"]?.text {
            let tests = DataMap(map.entries.filter { $0.key != "key" })
            if tests.isEmpty { problems.append(error(item, path, "summary.quotas: when: key: \(key) needs a test (matches, not_matches, equals, in)")) }
            return condition(DataMap.Entry(key: key, keyLocation: map.entry("key")?.keyLocation, value: DataValue(.map(tests), at: item.location)), path, &problems)
        }
        return map.entries.flatMap { condition($0, path, &problems) }
    }

    /// `字段: {matches: re}`, `{not_matches: re}`, `{equals: v}`, `{in: [v…]}`, or `字段: v` for equals.
    private static func condition(_ entry: DataMap.Entry, _ path: String, _ problems: inout [Diagnostic]) -> [FieldCondition] {
        let field = FieldPath(entry.key)
        if let text = entry.value.text { return [FieldCondition(path: field, test: .equals(text))] }
        guard let tests = entry.value.map else {
            problems.append(error(entry.value, path, "summary.quotas: when: \(entry.key): must be a value or a test map"))
            return []
        }
        var out: [FieldCondition] = []
        for t in tests.entries {
            switch t.key {
            case "matches", "not_matches":
                guard let pattern = t.value.text, (try? NSRegularExpression(pattern: pattern)) != nil else {
                    problems.append(error(t.value, path, "summary.quotas: when: \(t.key): not a valid regular expression"))
                    continue
                }
                out.append(FieldCondition(path: field, test: t.key == "matches" ? .matches(pattern) : .notMatches(pattern)))
            case "equals":
                out.append(FieldCondition(path: field, test: .equals(t.value.text ?? "")))
            case "in":
                out.append(FieldCondition(path: field, test: .oneOf((t.value.list ?? []).compactMap(\.text))))
            default:
                problems.append(.error("unknown-key", at: t.keyLocation ?? .file(path),
                                       "summary.quotas: when: unknown test \(t.key) (known: matches, not_matches, equals, in)"))
            }
        }
        return out
    }

    /// `order: [济南, 青岛, …]`: recommender names or name prefixes, each a non-empty string.
    private static func recommenderOrder(_ value: DataValue?, _ path: String, _ problems: inout [Diagnostic]) -> [String] {
        guard let value, !value.isNull else { return [] }
        guard let list = value.list else {
            problems.append(error(value, path, "summary.order: must be a list of recommender names or name prefixes"))
            return []
        }
        var order: [String] = []
        for item in list {
            if case .string(let name) = item.kind, !name.trimmingCharacters(in: .whitespaces).isEmpty {
                order.append(name.trimmingCharacters(in: .whitespaces))
            } else {
                problems.append(error(item, path, "summary.order: each entry must be a recommender name or name prefix (text)"))
            }
        }
        return order
    }

    private static func column(
        _ item: DataValue, _ path: String, labels: [String: String], types: [String: String], rank: FieldPath,
        _ problems: inout [Diagnostic]
    ) -> SummaryColumn? {
        if let key = item.text {
            let kind: SummaryColumn.Kind = numberTypes.contains(types[key] ?? "") || FieldPath(key) == rank ? .number : .text
            return SummaryColumn(key: FieldPath(key), label: labels[key] ?? key, kind: kind)
        }
        guard let map = item.map, let key = map["key"]?.text else {
            problems.append(error(item, path, "summary.columns: each column needs key: (and may give label:, type:, width:)"))
            return nil
        }
        unknownKeys(map, columnKeys, "summary.columns", path, &problems)
        var kind: SummaryColumn.Kind = numberTypes.contains(types[key] ?? "") || FieldPath(key) == rank ? .number : .text
        if let t = map["type"] {
            switch t.text {
            case "text": kind = .text
            case "number": kind = .number
            default: problems.append(error(t, path, "summary.columns: type: must be text or number"))
            }
        }
        var width: Double?
        if let w = map["width"] {
            if let v = w.text.flatMap(Double.init), v > 0, v <= 255 { width = v } else {
                problems.append(error(w, path, "summary.columns: width: must be a number of characters, 1 to 255"))
            }
        }
        let label = map["label"]?.text ?? labels[key] ?? key
        return SummaryColumn(key: FieldPath(key), label: label, kind: kind, width: width)
    }

    private static func unknownKeys(_ map: DataMap, _ known: Set<String>, _ section: String, _ path: String, _ problems: inout [Diagnostic]) {
        for entry in map.entries where !known.contains(entry.key) {
            problems.append(.error("unknown-key", at: entry.keyLocation ?? .file(path),
                                   "\(section): unknown key \(entry.key) (known: \(known.sorted().joined(separator: ", ")))"))
        }
    }

    private static func error(_ value: DataValue, _ path: String, _ message: String) -> Diagnostic {
        .error("bad-spec", at: value.location ?? .file(path), message)
    }
}
