import ShenbaoCore

/// Glyphs that mark a choice on the printed form (`{{主申报单位性质=高校}}`).
public struct CheckboxGlyphs: Sendable, Equatable {
    public var checked: String
    public var unchecked: String

    public init(checked: String = "☑", unchecked: String = "□") {
        self.checked = checked
        self.unchecked = unchecked
    }
}

/// A form package's description (`templates/<form-id>/form.yaml`): the data keys the form takes,
/// their types and checks, and the rules that span fields. See docs/form-spec.md.
public struct FormSpec: Sendable, Equatable {
    /// The form id a data file names with `form: <id>` (`sd-lab-2022`).
    public var id: String
    /// The form's printed title.
    public var title: String?
    public var checkbox: CheckboxGlyphs
    /// Top-level fields, in the form's order.
    public var fields: [FieldSpec]
    public var rules: [FormRule]
    /// The spec's `summary:` section (quotas and columns for 推荐汇总表); nil when it has none.
    public var summary: SummarySection?
    /// The spec file this was read from, when read from a file.
    public var path: String?

    public init(id: String, title: String? = nil, fields: [FieldSpec], rules: [FormRule] = []) {
        self.id = id
        self.title = title
        self.checkbox = CheckboxGlyphs()
        self.fields = fields
        self.rules = rules
    }

    /// The folder holding the spec (and the form's `template.docx`), when read from a file.
    public var directory: String? {
        guard let path else { return nil }
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return String(path[..<slash])
    }

    /// The field at a dotted path through groups and tables (`联系人.电话`, `人员.姓名`).
    public func field(atPath path: String) -> FieldSpec? {
        field(atPath: path.split(separator: ".").map(String.init))
    }

    /// The field at a path of keys through groups and tables.
    public func field(atPath components: [String]) -> FieldSpec? {
        guard let first = components.first, var current = fields.first(where: { $0.key == first }) else { return nil }
        for key in components.dropFirst() {
            guard let next = current.child(key) else { return nil }
            current = next
        }
        return current
    }

    /// The dotted path of the applicant's own seal (`公章`): the first seal image field the
    /// applicant fills in (`seal: true`, not `filled_by: recommender`); nil when the form has none.
    public var applicantSealPath: String? {
        allFields.first { $0.field.type == .image && $0.field.isSeal && $0.field.filledBy == .applicant }?.path
    }

    /// Every field with its dotted path, depth first in the form's order (group and table
    /// children follow their parent).
    public var allFields: [(path: String, field: FieldSpec)] {
        var out: [(String, FieldSpec)] = []
        func walk(_ fields: [FieldSpec], _ prefix: String) {
            for f in fields {
                let path = prefix.isEmpty ? f.key : "\(prefix).\(f.key)"
                out.append((path, f))
                walk(f.children, path)
            }
        }
        walk(fields, "")
        return out
    }
}
