import Foundation
import ShenbaoCore

/// Reads a spec file's data tree into a `FormSpec`, reporting every mistake in the spec at its own
/// line and column.
struct FormSpecReader {
    private(set) var diagnostics: [Diagnostic] = []
    private let path: String

    static let topKeys = ["id", "title", "description", "checkbox", "fields", "rules", "summary"]
    static let fieldKeys = [
        "key", "label", "type", "required", "options", "min_length", "max_length", "pattern", "pattern_message",
        "default", "help", "min", "max", "min_rows", "max_rows", "rows", "columns", "fields", "size_mm", "seal",
        "filled_by",
    ]

    init(path: String) { self.path = path }

    mutating func read(_ root: DataValue) -> FormSpec? {
        guard let map = root.map else {
            error(root, "规格文件的顶层应为映射（id、title、fields、rules）")
            return nil
        }
        checkKeys(map, allowed: Self.topKeys, what: "规格")
        let id = string(map, "id", required: true, in: root) ?? ""
        if !id.isEmpty && !FormSpecLocator.isValidID(id) {
            error(map["id"], "表单编号只能含小写字母、数字和 -（如 sd-lab-2022）")
        }
        var spec = FormSpec(id: id, title: string(map, "title"), fields: fields(map["fields"], required: true, in: root, scope: "fields"))
        spec.path = path
        if let box = map["checkbox"] {
            if let m = box.map {
                checkKeys(m, allowed: ["checked", "unchecked"], what: "checkbox")
                spec.checkbox = CheckboxGlyphs(checked: string(m, "checked") ?? "☑", unchecked: string(m, "unchecked") ?? "□")
            } else {
                error(box, "checkbox 应为映射 { checked: \"☑\", unchecked: \"□\" }")
            }
        }
        if let rules = map["rules"] {
            if let list = rules.list {
                spec.rules = list.compactMap { rule($0, spec: spec) }
            } else {
                error(rules, "rules 应为列表")
            }
        }
        if let summary = map["summary"], !summary.isNull { spec.summary = summarySection(summary, spec: spec) }
        return spec
    }

    // MARK: Fields

    private mutating func fields(_ value: DataValue?, required: Bool, in parent: DataValue, scope: String) -> [FieldSpec] {
        guard let value else {
            if required { error(parent, "缺少 \(scope)（字段列表）") }
            return []
        }
        guard let list = value.list else {
            error(value, "\(scope) 应为字段列表")
            return []
        }
        var out: [FieldSpec] = []
        var seen: [String: SourceLocation?] = [:]
        for item in list {
            guard let field = field(item) else { continue }
            if let first = seen[field.key] {
                let at = first.map { "，第一次出现在第 \($0.line) 行" } ?? ""
                error(item.map?["key"] ?? item, "字段键「\(field.key)」重复\(at)")
                continue
            }
            seen[field.key] = field.location
            out.append(field)
        }
        return out
    }

    private mutating func field(_ value: DataValue) -> FieldSpec? {
        guard let map = value.map else {
            error(value, "字段应为映射，至少含 key 和 type")
            return nil
        }
        checkKeys(map, allowed: Self.fieldKeys, what: "字段")
        guard let key = string(map, "key", required: true, in: value), !key.isEmpty else { return nil }
        if key.contains(".") || key.contains("{") || key.contains("}") || key.contains("#") || key == "form" {
            error(map["key"], "字段键「\(key)」不能含 . { } #，也不能是 form")
        }
        var type = FieldType.text
        if let t = map["type"] {
            if let name = t.text, let parsed = FieldType(rawValue: name) {
                type = parsed
            } else {
                let names = FieldType.allCases.map(\.rawValue)
                error(t, "未知的类型「\(t.text ?? "")」\(KeySuggestion.hint(for: t.text ?? "", among: names))可用：\(names.joined(separator: ", "))")
            }
        }
        var f = FieldSpec(key: key, label: string(map, "label"), type: type, required: bool(map, "required") ?? false)
        f.location = value.location
        f.options = stringList(map["options"]) ?? []
        f.minLength = int(map, "min_length")
        f.maxLength = int(map, "max_length")
        f.pattern = string(map, "pattern")
        f.patternMessage = string(map, "pattern_message")
        f.defaultValue = map["default"].flatMap { $0.isNull ? nil : $0.text }
        f.help = string(map, "help")
        f.minimum = number(map, "min")
        f.maximum = number(map, "max")
        f.minRows = int(map, "min_rows")
        f.maxRows = int(map, "max_rows")
        f.rows = int(map, "rows")
        f.sizeMM = number(map, "size_mm")
        if type == .image && f.sizeMM == nil { f.sizeMM = 42 }
        f.isSeal = type == .image && (bool(map, "seal") ?? key.hasSuffix("公章"))
        if let party = string(map, "filled_by") {
            if let known = FieldParty(rawValue: party) {
                f.filledBy = known
            } else {
                error(map["filled_by"], "filled_by 应为 applicant（申报单位填写）或 recommender（推荐单位填写），不是「\(party)」")
            }
        }
        if f.filledBy == .recommender && f.required {
            error(map["required"], "「\(f.label)」由推荐单位填写（filled_by: recommender），不能要求申报单位必填：请删去 required: true")
        }
        if let pattern = f.pattern, PatternCache.regex(pattern) == nil {
            error(map["pattern"], "正则表达式无效：\(pattern)")
        }
        if (type == .choice || type == .multichoice) && f.options.isEmpty {
            error(map["options"] ?? value, "\(type.rawValue) 类型需要 options（可选项列表）")
        }
        if let d = f.defaultValue, type == .choice, !f.options.contains(d) {
            error(map["default"], "默认值「\(d)」不在 options 中")
        }
        if type == .table {
            f.columns = fields(map["columns"], required: true, in: value, scope: "columns")
            if f.columns.contains(where: { $0.type == .table || $0.type == .group }) {
                error(map["columns"], "表格的列不能是 table 或 group")
            }
        } else if map["columns"] != nil {
            error(map["columns"], "只有 table 类型可以有 columns")
        }
        if type == .group {
            f.fields = fields(map["fields"], required: true, in: value, scope: "fields")
        } else if map["fields"] != nil {
            error(map["fields"], "只有 group 类型可以有 fields")
        }
        if let lo = f.minimum, let hi = f.maximum, lo > hi { error(map["max"], "max 小于 min") }
        if let lo = f.minLength, let hi = f.maxLength, lo > hi { error(map["max_length"], "max_length 小于 min_length") }
        if let lo = f.minRows, let hi = f.maxRows, lo > hi { error(map["max_rows"], "max_rows 小于 min_rows") }
        return f
    }

    // MARK: Scalars

    mutating func checkKeys(_ map: DataMap, allowed: [String], what: String) {
        for entry in map.entries where !allowed.contains(entry.key) {
            diagnostics.append(.error(
                .specUnknownKey, at: entry.keyLocation, label: entry.key,
                "\(what)中未知的键\(KeySuggestion.hint(for: entry.key, among: allowed))"))
        }
    }

    mutating func string(_ map: DataMap, _ key: String, required: Bool = false, in parent: DataValue? = nil) -> String? {
        guard let v = map[key], !v.isNull else {
            if required, let parent { error(parent, "缺少 \(key)") }
            return nil
        }
        guard let t = v.text else {
            error(v, "\(key) 应为文字")
            return nil
        }
        return t
    }

    mutating func stringList(_ value: DataValue?) -> [String]? {
        guard let value else { return nil }
        guard let list = value.list else {
            error(value, "应为列表，如 [高校, 企业]")
            return nil
        }
        return list.compactMap { item in
            guard let t = item.text else { error(item, "列表项应为文字"); return nil }
            return t
        }
    }

    mutating func bool(_ map: DataMap, _ key: String) -> Bool? {
        guard let v = map[key] else { return nil }
        if case .bool(let b) = v.kind { return b }
        error(v, "\(key) 应为 true 或 false")
        return nil
    }

    mutating func int(_ map: DataMap, _ key: String) -> Int? {
        guard let v = map[key] else { return nil }
        guard let n = v.text.flatMap(ScalarParsers.integer), n >= 0 else {
            error(v, "\(key) 应为非负整数")
            return nil
        }
        return n
    }

    mutating func number(_ map: DataMap, _ key: String) -> Double? {
        guard let v = map[key] else { return nil }
        guard let n = v.text.flatMap(ScalarParsers.number) else {
            error(v, "\(key) 应为数字")
            return nil
        }
        return n
    }

    mutating func error(_ value: DataValue?, _ message: String) {
        diagnostics.append(.error(.specInvalid, at: value?.location ?? .file(path), message))
    }
}
