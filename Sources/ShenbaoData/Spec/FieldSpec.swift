import ShenbaoCore

/// The kind of value a field holds.
public enum FieldType: String, Sendable, CaseIterable, Codable {
    /// One line of text.
    case text
    /// Text over several lines; line breaks are kept.
    case multiline
    /// One of `options`.
    case choice
    /// A list of `options`.
    case multichoice
    /// A calendar date: `2022-12-10`, `2022/12/10`, `2022.12.10` or `2022年12月10日`.
    case date
    /// A whole number, optionally within `min`/`max`.
    case integer
    /// A decimal number, optionally within `min`/`max`.
    case number
    /// Money in 元: a number with at most two decimals; `250,000` and a trailing `元` are accepted.
    case amount
    /// A mobile (`13912345678`) or landline number with area code (`0531-51785094`).
    case phone
    case email
    /// `true`/`false` or `是`/`否`.
    case bool
    /// A PNG or JPEG file, its path relative to the data file (a seal, a signature).
    case image
    /// A list of rows; each row is a map with the `columns`.
    case table
    /// A nested map with its own `fields`.
    case group

    /// Whether the value is a single scalar (not a table, group or multichoice list).
    public var isScalar: Bool { ![.table, .group, .multichoice].contains(self) }
    /// Whether values are free text that `min_length`, `max_length` and `pattern` apply to.
    public var isTextual: Bool { [.text, .multiline, .phone, .email].contains(self) }
    /// Whether values are numbers that `min` and `max` apply to.
    public var isNumeric: Bool { [.integer, .number, .amount].contains(self) }
}

/// Who fills a field in: the applicant (the default), or the recommending bureau (推荐单位意见,
/// 推荐单位公章, 推荐排序), which adds its part after the applicant has handed the form in.
public enum FieldParty: String, Sendable, CaseIterable, Codable {
    case applicant
    case recommender
}

/// One field of a form: a data key, how it is printed and what values it accepts.
public struct FieldSpec: Sendable, Equatable {
    /// The data key and template tag name (`主申报单位名称`).
    public var key: String
    /// The label printed on the form and used in messages; defaults to `key`.
    public var label: String
    public var type: FieldType
    public var required: Bool
    /// Allowed values of a `choice` or `multichoice` field, in the form's order.
    public var options: [String]
    /// Length limits in characters (for text kinds).
    public var minLength: Int?
    public var maxLength: Int?
    /// A regular expression (ICU syntax, searched, so anchor with `^…$`) the text must match.
    public var pattern: String?
    /// What to say when `pattern` does not match; a generic message otherwise.
    public var patternMessage: String?
    /// The value used when the data leaves the field out (or null), e.g. `无`.
    public var defaultValue: String?
    /// Help for applicants, shown in editors through the JSON Schema.
    public var help: String?
    /// Bounds for `integer`, `number` and `amount` fields.
    public var minimum: Double?
    public var maximum: Double?
    /// Bounds on the number of items of a `table` (rows) or `multichoice` (choices).
    public var minRows: Int?
    public var maxRows: Int?
    /// How many rows or lines the printed form reserves for a `table` or `multiline` field
    /// (a layout hint for the template; `max_rows` is the hard limit).
    public var rows: Int?
    /// Columns of a `table` field.
    public var columns: [FieldSpec]
    /// Fields of a `group` field.
    public var fields: [FieldSpec]
    /// Printed width in millimetres of an `image` field (seals: 42 unless given).
    public var sizeMM: Double?
    /// Whether an `image` field is a seal (`seal: true`, or a key ending in 公章): it floats in
    /// front of the text, centred on its tag, as a seal is pressed over 申报单位（盖章）.
    public var isSeal = false
    /// Who fills the field in (`filled_by: recommender`); a recommender's field is never required
    /// of the applicant.
    public var filledBy = FieldParty.applicant
    /// Where the field is declared in the spec file.
    public var location: SourceLocation?

    public init(key: String, label: String? = nil, type: FieldType, required: Bool = false) {
        self.key = key
        self.label = label ?? key
        self.type = type
        self.required = required
        self.options = []
        self.columns = []
        self.fields = []
    }

    /// Whether the data must give this field: `required: true`, or a table with `min_rows` of at
    /// least 1 (validation asks for its rows). Everything else may be left out, and then prints
    /// blank or its `default`: the one meaning of "optional" that validate, schema and fill share.
    public var mustBeGiven: Bool { required || (type == .table && (minRows ?? 0) > 0) }

    /// The children of a group (its fields) or a table (its columns).
    public var children: [FieldSpec] { type == .table ? columns : fields }

    /// The child named `key`.
    public func child(_ key: String) -> FieldSpec? { children.first { $0.key == key } }
}
