import ShenbaoData

extension FillOptions {
    /// Takes what filling needs from a read `FormSpec`: the form id, checkbox glyphs, choice
    /// options (for checking `{{path=选项}}`) and image fields (width, seal). The typed twin of
    /// `apply(spec:)`, which reads the raw tree.
    public mutating func apply(formSpec spec: FormSpec) {
        formID = spec.id
        checkedGlyph = spec.checkbox.checked
        uncheckedGlyph = spec.checkbox.unchecked
        for (path, field) in spec.allFields {
            switch field.type {
            case .choice, .multichoice: choiceOptions[path] = field.options
            case .bool: choiceOptions[path] = field.options.isEmpty ? ["是", "否"] : field.options
            case .image:
                let isSeal = field.key.hasSuffix("公章")
                imageFields[path] = ImageField(widthMillimetres: field.sizeMM, isSeal: isSeal)
            default: break
            }
        }
    }
}
