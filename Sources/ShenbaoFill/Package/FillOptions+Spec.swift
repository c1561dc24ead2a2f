import ShenbaoCore
import ShenbaoData

extension FillOptions {
    /// The options a form spec (docs/form-spec.md) gives: form id, checkbox glyphs, choice
    /// options (a checkbox naming another option is an error), defaults, image sizes and seals,
    /// and labels for messages.
    public init(spec: FormSpec) {
        self.init()
        apply(spec: spec)
    }

    /// Takes the form id, glyphs, options, defaults, image fields and labels from `spec`.
    public mutating func apply(spec: FormSpec) {
        formID = spec.id
        checkedGlyph = spec.checkbox.checked
        uncheckedGlyph = spec.checkbox.unchecked
        for (path, field) in spec.allFields {
            if !field.mustBeGiven { optionalFields.insert(path) }
            switch field.type {
            case .choice, .multichoice: choiceOptions[path] = field.options
            case .bool: choiceOptions[path] = field.options.isEmpty ? ["是", "否"] : field.options
            case .image: imageFields[path] = ImageField(widthMillimetres: field.sizeMM, isSeal: field.isSeal)
            default: break
            }
            if let value = field.defaultValue { defaults[path] = value }
            if field.label != field.key { labels[path] = field.label }
        }
    }
}
