import ShenbaoData

/// The HTML of one field of a form, from its spec: label, hint, the input the type calls for,
/// and an empty message line the page fills with the validator's diagnostics.
///
/// Every field element carries `data-key` and `data-type` (the page's script collects the data
/// from them) and sits in a `.fields` container of its parent (the form, a group, a table row).
struct FieldHTML {
    /// Rule texts by the dotted path of the table they count (`人员`).
    let rules: [String: [String]]

    func render(_ field: FieldSpec, specPath: String) -> String {
        switch field.type {
        case .group: return group(field, specPath: specPath)
        case .table: return table(field, specPath: specPath)
        case .choice: return choices(field, multiple: false, options: field.options)
        case .multichoice: return choices(field, multiple: true, options: field.options)
        case .bool: return choices(field, multiple: false, options: field.options.isEmpty ? ["是", "否"] : field.options)
        case .image: return image(field)
        default: return scalar(field)
        }
    }

    private func attributes(_ field: FieldSpec, extra: String = "") -> String {
        var a = "data-key=\"\(HTML.escape(field.key))\" data-type=\"\(field.type.rawValue)\" data-label=\"\(HTML.escape(field.label))\""
        if field.required { a += " data-required=\"true\"" }
        if let m = field.maxLength { a += " data-max-length=\"\(m)\"" }
        return a + extra
    }

    private func label(_ field: FieldSpec) -> String {
        let required = field.required ? "<span class=\"required\" title=\"必填\">*</span>" : ""
        return "\(HTML.escape(field.label))\(required)"
    }

    /// The hint: the spec's help, then what the checks allow.
    private func hint(_ field: FieldSpec) -> String {
        var parts: [String] = []
        if let help = field.help { parts.append(help) }
        switch (field.minLength, field.maxLength) {
        case (let lo?, let hi?): parts.append("\(lo)–\(hi) 字")
        case (nil, let hi?) where ![.text, .multiline].contains(field.type): parts.append("最多 \(hi) 字")  // these show a counter
        case (let lo?, nil): parts.append("至少 \(lo) 字")
        default: break
        }
        if field.type.isNumeric {
            switch (field.minimum, field.maximum) {
            case (let lo?, let hi?): parts.append("\(Self.number(lo))–\(Self.number(hi))")
            case (let lo?, nil): parts.append("不小于 \(Self.number(lo))")
            case (nil, let hi?): parts.append("不大于 \(Self.number(hi))")
            default: break
            }
        }
        if field.type == .amount { parts.append("单位：元") }
        if let d = field.defaultValue { parts.append("不填时为「\(d)」") }
        guard !parts.isEmpty else { return "" }
        return "<p class=\"hint\">\(HTML.escape(parts.joined(separator: "；")))</p>"
    }

    private static let message = "<p class=\"message\" aria-live=\"polite\"></p>"

    private func scalar(_ field: FieldSpec) -> String {
        let control: String
        let value = field.defaultValue.map { " value=\"\(HTML.escape($0))\"" } ?? ""
        let required = field.required ? " required" : ""
        switch field.type {
        case .multiline:
            let rows = min(max(field.rows ?? 4, 3), 12)
            control = "<textarea rows=\"\(rows)\"\(required)>\(HTML.escape(field.defaultValue ?? ""))</textarea>"
        case .date:
            control = "<input type=\"date\"\(value)\(required)>"
        case .integer:
            let bounds = (field.minimum.map { " min=\"\(Self.number($0))\"" } ?? "") + (field.maximum.map { " max=\"\(Self.number($0))\"" } ?? "")
            control = "<input type=\"number\" step=\"1\" inputmode=\"numeric\"\(bounds)\(value)\(required)>"
        case .number:
            control = "<input type=\"number\" step=\"any\" inputmode=\"decimal\"\(value)\(required)>"
        case .amount:
            control = "<input type=\"text\" inputmode=\"decimal\" placeholder=\"如 250000 或 250,000.00\"\(value)\(required)>"
        case .phone:
            control = "<input type=\"tel\" autocomplete=\"tel\" placeholder=\"13912345678 或 0531-51785094\"\(value)\(required)>"
        case .email:
            control = "<input type=\"email\" autocomplete=\"email\"\(value)\(required)>"
        default:
            control = "<input type=\"text\"\(value)\(required)>"
        }
        return """
            <div class="field" \(attributes(field))><label><span class="label">\(label(field))</span>\(control)</label>\(hint(field))\(Self.message)</div>
            """
    }

    private func choices(_ field: FieldSpec, multiple: Bool, options: [String]) -> String {
        let type = multiple ? "checkbox" : "radio"
        let values: [(String, String)] = field.type == .bool && field.options.isEmpty ? [("true", "是"), ("false", "否")] : options.map { ($0, $0) }
        let items = values.map { value, text in
            "<label class=\"option\"><input type=\"\(type)\" value=\"\(HTML.escape(value))\"> \(HTML.escape(text))</label>"
        }.joined()
        let clear = !multiple && !field.required ? "<button type=\"button\" class=\"link clear-choice\">不选</button>" : ""
        return """
            <fieldset class="field choice" \(attributes(field))><legend>\(label(field))</legend><div class="options">\(items)\(clear)</div>\(hint(field))\(Self.message)</fieldset>
            """
    }

    private func image(_ field: FieldSpec) -> String {
        let seal = field.isSeal ? "（可不传：打印后再盖章）" : ""
        return """
            <div class="field image" \(attributes(field))><label><span class="label">\(label(field))\(seal)</span><input type="file" accept="image/png,image/jpeg"></label><div class="preview"></div><button type="button" class="link clear-image" hidden>移除图片</button>\(hint(field))\(Self.message)</div>
            """
    }

    private func group(_ field: FieldSpec, specPath: String) -> String {
        let children = field.fields.map { render($0, specPath: specPath + "." + $0.key) }.joined(separator: "\n")
        return """
            <fieldset class="field group" \(attributes(field))><legend>\(label(field))</legend>\(hint(field))\(ruleNotes(specPath))\(Self.message)
            <div class="fields">
            \(children)
            </div></fieldset>
            """
    }

    private func table(_ field: FieldSpec, specPath: String) -> String {
        let columns = field.columns.map { render($0, specPath: specPath + "." + $0.key) }.joined(separator: "\n")
        var limits: [String] = []
        if let lo = field.minRows { limits.append("至少 \(lo) 行") }
        if let hi = field.maxRows { limits.append("最多 \(hi) 行") }
        let limitNote = limits.isEmpty ? "" : "<p class=\"limits\">\(limits.joined(separator: "，"))</p>"
        let extra = (field.minRows.map { " data-min-rows=\"\($0)\"" } ?? "") + (field.maxRows.map { " data-max-rows=\"\($0)\"" } ?? "")
        return """
            <fieldset class="field table" \(attributes(field, extra: extra))><legend>\(label(field))</legend>\(hint(field))\(limitNote)\(ruleNotes(specPath))\(Self.message)
            <ol class="rows"></ol>
            <template><li class="row"><div class="row-head"><span class="row-title">第 <span class="row-number"></span> 行</span><button type="button" class="link remove-row">删除此行</button></div><div class="fields">
            \(columns)
            </div></li></template>
            <button type="button" class="add-row">添加一行</button>
            </fieldset>
            """
    }

    private func ruleNotes(_ specPath: String) -> String {
        (rules[specPath] ?? []).map { "<p class=\"rule\">表单要求：\(HTML.escape($0))</p>" }.joined()
    }

    static func number(_ d: Double) -> String {
        d == d.rounded() && abs(d) < 1e15 ? String(Int(d)) : String(d)
    }
}
