import Foundation
import ShenbaoCore

/// Walks a data tree along the spec's fields: unknown and missing keys, kinds (map, list,
/// scalar), table rows, then the form-level rules. Scalar checks are in `FieldChecks`.
struct DataValidator {
    let spec: FormSpec
    let dataPath: String?
    var diagnostics: [Diagnostic] = []

    init(spec: FormSpec, dataPath: String?) {
        self.spec = spec
        self.dataPath = dataPath
    }

    mutating func run(_ data: DataValue) -> ValidationResult {
        guard let map = data.map else {
            diagnostics.append(.error(.notAMap, at: data.location, "数据文件的顶层应为「键: 值」映射"))
            return ValidationResult(diagnostics: diagnostics.sorted(), data: data, normalized: data)
        }
        if let form = map["form"] {
            if form.text != spec.id {
                diagnostics.append(.error(
                    .formMismatch, at: form.location, label: "form",
                    "数据写的是 form: \(form.text ?? "")，但所用表单规格是 \(spec.id)"))
            }
        } else {
            diagnostics.append(.warning(
                .formMissing, at: data.location, label: "form", "建议在文件开头写上 form: \(spec.id)，让 shenbao 知道用哪张表"))
        }
        let (written, typed) = validate(map, of: data, fields: spec.fields, labelPrefix: "", allowed: ["form"])
        var result = ValidationResult(
            diagnostics: [], data: DataValue(.map(written), at: data.location), normalized: DataValue(.map(typed), at: data.location))
        checkRules(result.data)
        result.diagnostics = diagnostics.sorted()
        return result
    }

    /// Validates one map against `fields`; returns it as written with defaults, and typed.
    mutating func validate(
        _ map: DataMap, of value: DataValue, fields: [FieldSpec], labelPrefix: String, allowed: [String] = []
    ) -> (DataMap, DataMap) {
        let keys = fields.map(\.key)
        let missingKeys = keys.filter { map[$0] == nil }
        var suggested = Set<String>()
        for entry in map.entries where !keys.contains(entry.key) && !allowed.contains(entry.key) {
            let hint = KeySuggestion.best(for: entry.key, among: missingKeys) ?? KeySuggestion.best(for: entry.key, among: keys)
            if let hint { suggested.insert(hint) }
            let known = hint.map { "，是否应为「\($0)」？" } ?? "；可用的键：\(keys.joined(separator: "、"))"
            diagnostics.append(.error(.unknownKey, at: entry.keyLocation ?? entry.value.location, label: labelPrefix + entry.key, "表中没有这一项\(known)"))
        }
        var written = DataMap()
        var typed = DataMap()
        for entry in map.entries where !keys.contains(entry.key) { written.append(entry) }
        for field in fields {
            var label: String { labelPrefix + field.label }
            let entry = map.entry(field.key)
            let present = entry.map { !Self.isEmpty($0.value) } ?? false
            if let entry, present {
                let t = check(field, entry.value, labelPrefix: labelPrefix)
                written.append(DataMap.Entry(key: field.key, keyLocation: entry.keyLocation, value: t.written))
                typed.append(DataMap.Entry(key: field.key, keyLocation: entry.keyLocation, value: t.typed))
                continue
            }
            if let d = field.defaultValue {
                let v = DataValue(.string(d), at: entry?.value.location ?? value.location)
                written.append(DataMap.Entry(key: field.key, keyLocation: entry?.keyLocation, value: v))
                typed.append(DataMap.Entry(key: field.key, keyLocation: entry?.keyLocation, value: check(field, v, labelPrefix: labelPrefix).typed))
            } else {
                if let entry { written.append(entry) }
                if field.required {
                    if let entry {
                        diagnostics.append(.error(.missingValue, at: entry.value.location ?? entry.keyLocation, label: label, "必填项为空"))
                    } else if !suggested.contains(field.key) {
                        // A misspelt key already says which key it should be.
                        diagnostics.append(.error(.missingKey, at: value.location, label: label, "缺少必填项，请添加键「\(field.key)」"))
                    }
                }
                if field.type == .table, let minimum = field.minRows, minimum > 0, !field.required {
                    diagnostics.append(.error(.tooFewRows, at: entry?.value.location ?? value.location, label: label, "至少需要 \(minimum) 行，现有 0 行"))
                }
            }
        }
        return (written, typed)
    }

    /// Checks one present value; returns it as written (children with defaults) and typed.
    mutating func check(_ field: FieldSpec, _ value: DataValue, labelPrefix: String) -> (written: DataValue, typed: DataValue) {
        var label: String { labelPrefix + field.label }
        switch field.type {
        case .group:
            guard let map = value.map else {
                diagnostics.append(.error(.wrongKind, at: value.location, label: label, "应为一组「键: 值」（\(field.fields.map(\.key).joined(separator: "、"))），而不是\(Self.kindName(value))"))
                return (value, value)
            }
            let (w, t) = validate(map, of: value, fields: field.fields, labelPrefix: label)
            return (DataValue(.map(w), at: value.location), DataValue(.map(t), at: value.location))
        case .table:
            guard let rows = value.list else {
                diagnostics.append(.error(.wrongKind, at: value.location, label: label, "应为若干行（每行以「- 」开头），而不是\(Self.kindName(value))"))
                return (value, value)
            }
            checkCount(rows.count, field: field, at: value.location, label: label, unit: "行")
            var written: [DataValue] = []
            var typed: [DataValue] = []
            let tableLabel = label
            for (n, row) in rows.enumerated() {
                let rowLabel = "\(tableLabel)第\(n + 1)行"
                guard let map = row.map else {
                    diagnostics.append(.error(.wrongKind, at: row.location, label: rowLabel, "每行应为一组「键: 值」（\(field.columns.map(\.key).joined(separator: "、"))），而不是\(Self.kindName(row))"))
                    written.append(row)
                    continue
                }
                let (w, t) = validate(map, of: row, fields: field.columns, labelPrefix: rowLabel)
                written.append(DataValue(.map(w), at: row.location))
                typed.append(DataValue(.map(t), at: row.location))
            }
            return (DataValue(.list(written), at: value.location), DataValue(.list(typed), at: value.location))
        case .multichoice:
            let items = value.list ?? [value]
            checkCount(items.count, field: field, at: value.location, label: label, unit: "项")
            var seen = Set<String>()
            var typed: [DataValue] = []
            for item in items {
                guard let text = item.text?.trimmed else {
                    diagnostics.append(.error(.wrongKind, at: item.location, label: label, "每一项应为文字，而不是\(Self.kindName(item))"))
                    continue
                }
                if !field.options.contains(text) {
                    diagnostics.append(.error(.notAnOption, at: item.location, label: label, "「\(text)」不是可选项；可选：\(field.options.joined(separator: "、"))"))
                } else if !seen.insert(text).inserted {
                    diagnostics.append(.warning(.repeatedChoice, at: item.location, label: label, "「\(text)」选了两次"))
                }
                typed.append(DataValue(.string(text), at: item.location))
            }
            return (value, DataValue(.list(typed), at: value.location))
        default:
            guard value.text != nil else {
                diagnostics.append(.error(.wrongKind, at: value.location, label: label, "应为一项\(Self.typeName(field.type))，而不是\(Self.kindName(value))"))
                return (value, value)
            }
            var checks = FieldChecks(dataPath: dataPath)
            let typed = checks.check(field, value, labelPrefix: labelPrefix)
            diagnostics += checks.diagnostics
            return (value, typed)
        }
    }

    private mutating func checkCount(_ count: Int, field: FieldSpec, at location: SourceLocation?, label: String, unit: String) {
        if let minimum = field.minRows, count < minimum {
            diagnostics.append(.error(.tooFewRows, at: location, label: label, "至少需要 \(minimum) \(unit)，现有 \(count) \(unit)"))
        }
        if let maximum = field.maxRows, count > maximum {
            diagnostics.append(.error(.tooManyRows, at: location, label: label, "最多 \(maximum) \(unit)，现有 \(count) \(unit)"))
        }
    }

    /// Checks each rule that applies (its `when` holds): a count rule at its table, a requirement
    /// at the first field it names that the data has.
    private mutating func checkRules(_ data: DataValue) {
        for rule in spec.rules where rule.when?.holds(for: data) ?? true {
            if let requirement = rule.requirement {
                guard !requirement.holds(for: data) else { continue }
                // Labelled with the field the requirement is about, placed at the first field the
                // data writes (a default value carries its parent's place, the file's first line).
                let keys = requirement.keys + (rule.when?.keys ?? [])
                let written = keys.lazy.compactMap { data.value(atPath: $0.split(separator: ".").map(String.init))?.location }
                let at = written.first { $0 != data.location } ?? data.location
                let label = keys.first.map { spec.field(atPath: $0)?.label ?? $0 }
                diagnostics.append(.error(.ruleFailed, at: at, label: label, rule.message ?? "不符合表单规则"))
                continue
            }
            guard let tablePath = rule.table else { continue }
            let components = tablePath.split(separator: ".").map(String.init)
            let table = data.value(atPath: components)
            // A missing table counts as none when the rule applies only under a condition
            // (联合申报 with no 联合申报单位); without one, the table's own checks report it.
            guard let rows = table?.list ?? (rule.when != nil ? [] : nil) else { continue }
            let label = spec.field(atPath: components)?.label ?? tablePath
            let count = rows.compactMap(\.map).filter { rule.condition?.matches($0) ?? true }.count
            let tooFew = rule.minimum.map { count < $0 } ?? false
            let tooMany = rule.maximum.map { count > $0 } ?? false
            guard tooFew || tooMany else { continue }
            let requirement = rule.message ?? (tooFew ? "至少需要 \(rule.minimum!) 行" : "最多 \(rule.maximum!) 行") + (rule.condition == nil ? "" : "符合条件")
            let found = rule.condition == nil ? "现有 \(count) 行" : "符合条件的现有 \(count) 行"
            let at = table?.location ?? rule.when?.keys.first.flatMap { data.value(atPath: $0.split(separator: ".").map(String.init))?.location } ?? data.location
            diagnostics.append(.error(.ruleFailed, at: at, label: label, "\(requirement)（\(found)）"))
        }
    }

    static func isEmpty(_ value: DataValue) -> Bool {
        switch value.kind {
        case .null: return true
        case .string(let s): return s.trimmed.isEmpty
        default: return false
        }
    }

    static func kindName(_ value: DataValue) -> String {
        switch value.kind {
        case .list: return "列表"
        case .map: return "一组「键: 值」"
        case .null: return "空值"
        default: return "一项文字「\(value.text ?? "")」"
        }
    }

    static func typeName(_ type: FieldType) -> String {
        switch type {
        case .text, .multiline, .choice: return "文字"
        case .date: return "日期"
        case .integer: return "整数"
        case .number: return "数字"
        case .amount: return "金额"
        case .phone: return "电话号码"
        case .email: return "电子邮箱"
        case .bool: return "是/否"
        case .image: return "图片路径"
        case .table, .group, .multichoice: return type.rawValue
        }
    }
}
