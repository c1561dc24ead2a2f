import ShenbaoCore

/// Generates a JSON Schema (draft 2020-12) of a form's data, so an editor's YAML language server
/// completes keys, shows labels and help, offers choices and flags mistakes as the applicant types.
///
/// The schema is lenient where YAML is: a plain `25` or `13912345678` is a number to the editor
/// but text to shenbao, so text-like fields also accept numbers. `shenbao validate` remains the
/// authority (dates are real dates, rules over tables, image files exist).
public enum JSONSchemaGenerator {
    public static let draft = "https://json-schema.org/draft/2020-12/schema"

    /// The schema as pretty-printed JSON text, the same bytes for the same spec.
    public static func schema(for spec: FormSpec) -> String {
        var top: [(String, JSONValue)] = [
            ("$schema", .string(draft)),
            ("$id", .string("https://shenbao.dev/schemas/\(spec.id).json")),
            ("title", .string(spec.title ?? spec.id)),
            ("description", .string("shenbao 申报数据（表单 \(spec.id)）。用 shenbao validate 做完整检查。")),
            ("type", .string("object")),
        ]
        var properties: [(String, JSONValue)] = [
            ("form", .ordered([("title", .string("表单编号")), ("description", .string("这份数据所填的表单")), ("const", .string(spec.id))]))
        ]
        properties += spec.fields.map { ($0.key, fieldSchema($0, rules: spec.rules, path: $0.key)) }
        top.append(("properties", .ordered(properties)))
        let required = spec.fields.filter { $0.mustBeGiven && $0.defaultValue == nil }.map { JSONValue.string($0.key) }
        if !required.isEmpty { top.append(("required", .array(required))) }
        top.append(("additionalProperties", .bool(false)))
        return JSONWriter.pretty(.ordered(top), style: .document)
    }

    static func fieldSchema(_ field: FieldSpec, rules: [FormRule], path: String) -> JSONValue {
        var s: [(String, JSONValue)] = [("title", .string(field.label))]
        var description = field.help ?? ""
        if field.label != field.key && description.isEmpty { description = field.label }
        if !description.isEmpty { s.append(("description", .string(description))) }
        let textLike: JSONValue = .array([.string("string"), .string("number")])
        switch field.type {
        case .text, .multiline:
            s.append(("type", textLike))
            appendText(field, into: &s)
        case .choice:
            s.append(("enum", .array(field.options.map { .string($0) })))
        case .multichoice:
            s.append(("type", .string("array")))
            s.append(("items", .ordered([("enum", .array(field.options.map { .string($0) }))])))
            s.append(("uniqueItems", .bool(true)))
            appendCounts(field, minimum: field.minRows, into: &s)
        case .date:
            s.append(("type", .string("string")))
            s.append(("pattern", .string(#"^\s*\d{4}([-/.])\d{1,2}\1\d{1,2}\s*$|^\s*\d{4}年\d{1,2}月\d{1,2}[日号]\s*$"#)))
            s.append(("examples", .array([.string("2022-12-10"), .string("2022年12月10日")])))
        case .integer, .number, .amount:
            s.append(("type", .array([.string(field.type == .integer ? "integer" : "number"), .string("string")])))
            if let lo = field.minimum { s.append(("minimum", JSONValue(lo))) }
            if let hi = field.maximum { s.append(("maximum", JSONValue(hi))) }
            let pattern = field.type == .integer ? #"^\s*[+-]?\d+\s*$"# : field.type == .amount ? #"^\s*\d{1,3}(,?\d{3})*(\.\d{1,2})?元?\s*$"# : #"^\s*[+-]?\d+(\.\d+)?([eE][+-]?\d+)?\s*$"#
            s.append(("pattern", .string(pattern)))
        case .phone:
            s.append(("type", .array([.string("string"), .string("integer")])))
            s.append(("examples", .array([.string("0531-51785094"), .string("13912345678")])))
            appendText(field, into: &s)
        case .email:
            s.append(("type", .string("string")))
            s.append(("format", .string("email")))
            appendText(field, into: &s)
        case .bool:
            s.append(("anyOf", .array([.ordered([("type", .string("boolean"))]), .ordered([("enum", .array([.string("是"), .string("否")]))])])))
        case .image:
            s.append(("type", .string("string")))
            s.append(("pattern", .string(#"\.([Pp][Nn][Gg]|[Jj][Pp][Ee]?[Gg])$"#)))
            if description.isEmpty { s.append(("description", .string("PNG 或 JPEG 图片的路径，相对于数据文件所在目录"))) }
        case .group:
            s.append(("type", .string("object")))
            s.append(("properties", .ordered(field.fields.map { ($0.key, fieldSchema($0, rules: rules, path: "\(path).\($0.key)")) })))
            let required = field.fields.filter { $0.mustBeGiven && $0.defaultValue == nil }.map { JSONValue.string($0.key) }
            if !required.isEmpty { s.append(("required", .array(required))) }
            s.append(("additionalProperties", .bool(false)))
        case .table:
            s.append(("type", .string("array")))
            var item: [(String, JSONValue)] = [("type", .string("object"))]
            item.append(("properties", .ordered(field.columns.map { ($0.key, fieldSchema($0, rules: rules, path: "\(path).\($0.key)")) })))
            let required = field.columns.filter { $0.mustBeGiven && $0.defaultValue == nil }.map { JSONValue.string($0.key) }
            if !required.isEmpty { item.append(("required", .array(required))) }
            item.append(("additionalProperties", .bool(false)))
            s.append(("items", .ordered(item)))
            // Rules without a condition are plain row counts the editor can check too.
            let ruleMinimum = rules.filter { $0.table == path && $0.condition == nil && $0.when == nil }.compactMap(\.minimum).max()
            appendCounts(field, minimum: [field.minRows, ruleMinimum].compactMap { $0 }.max(), into: &s)
        }
        if let d = field.defaultValue { s.append(("default", .string(d))) }
        if !field.mustBeGiven || field.defaultValue != nil { allowNull(&s) }
        return .ordered(s)
    }

    /// An optional field may be left empty (`联合申报单位性质:`), which YAML reads as null.
    private static func allowNull(_ s: inout [(String, JSONValue)]) {
        for (i, pair) in s.enumerated() {
            switch pair {
            case ("type", .string(let t)): s[i].1 = .array([.string(t), .string("null")])
            case ("type", .array(let types)): s[i].1 = .array(types + [.string("null")])
            case ("enum", .array(let values)): s[i].1 = .array(values + [.null])
            case ("anyOf", .array(let options)): s[i].1 = .array(options + [.ordered([("type", .string("null"))])])
            default: continue
            }
        }
    }

    private static func appendText(_ field: FieldSpec, into s: inout [(String, JSONValue)]) {
        if let n = field.minLength { s.append(("minLength", JSONValue(n))) }
        if let n = field.maxLength { s.append(("maxLength", JSONValue(n))) }
        if let p = field.pattern { s.append(("pattern", .string(p))) }
    }

    private static func appendCounts(_ field: FieldSpec, minimum: Int?, into s: inout [(String, JSONValue)]) {
        if let n = minimum { s.append(("minItems", JSONValue(n))) }
        if let n = field.maxRows { s.append(("maxItems", JSONValue(n))) }
    }
}
