import ShenbaoCore

extension FillOptions {
    /// Takes what filling needs from a form spec (docs/form-spec.md) read as a data tree: the
    /// form id, checkbox glyphs, choice options (for checking `{{path=选项}}`) and image fields.
    ///
    /// INTEGRATION POINT: once ShenbaoData's `FormSpec` is merged, a `FillOptions(spec: FormSpec)`
    /// should replace this reading of the raw tree.
    public mutating func apply(spec: DataValue) {
        if let id = spec["id"]?.text { formID = id }
        if let glyphs = spec["checkbox"] {
            if let on = glyphs["checked"]?.text { checkedGlyph = on }
            if let off = glyphs["unchecked"]?.text { uncheckedGlyph = off }
        }
        collect(spec["fields"]?.list ?? [], prefix: "")
    }

    private mutating func collect(_ fields: [DataValue], prefix: String) {
        for field in fields {
            guard let key = field["key"]?.text else { continue }
            let path = prefix + key
            if let value = field["default"]?.text { defaults[path] = value }
            switch field["type"]?.text {
            case "choice", "multichoice":
                choiceOptions[path] = field["options"]?.list?.compactMap(\.text) ?? []
            case "bool":
                choiceOptions[path] = field["options"]?.list?.compactMap(\.text) ?? ["是", "否"]
            case "image":
                let width = field["size_mm"]?.text.flatMap(Double.init)
                imageFields[path] = ImageField(widthMillimetres: width, isSeal: field["seal"]?.isTruthy ?? false)
            case "group":
                collect(field["fields"]?.list ?? [], prefix: path + ".")
            case "table":
                collect(field["columns"]?.list ?? [], prefix: path + ".")
            default: break
            }
        }
    }
}
