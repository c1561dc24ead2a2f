import ShenbaoCore
import ShenbaoData

extension FillOptions {
    /// The options a form spec (docs/form-spec.md) gives: form id, checkbox glyphs, choice
    /// options (a checkbox naming another option is an error), defaults, image sizes and labels.
    public init(spec: FormSpec) {
        self.init()
        apply(spec: spec)
    }

    /// Takes the form id, glyphs, options, defaults, image sizes and labels from `spec`.
    public mutating func apply(spec: FormSpec) {
        formID = spec.id
        checkedGlyph = spec.checkbox.checked
        uncheckedGlyph = spec.checkbox.unchecked
        for (path, field) in spec.allFields {
            switch field.type {
            case .choice, .multichoice: choiceOptions[path] = field.options
            case .bool: choiceOptions[path] = field.options.isEmpty ? ["是", "否"] : field.options
            case .image: imageFields[path] = ImageField(widthMillimetres: field.sizeMM)
            default: break
            }
            if let value = field.defaultValue { defaults[path] = value }
            if field.label != field.key { labels[path] = field.label }
        }
    }
}

extension FillOptions {
    /// Takes the same from a spec read as a plain data tree (`DataFile.load("form.yaml")`),
    /// without the spec's checks; also honours an image field's `seal: true`. Prefer
    /// `apply(spec: FormSpec)`, which reports mistakes in the spec.
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
            if let label = field["label"]?.text, label != key { labels[path] = label }
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
