/// How a template is filled.
public struct FillOptions: Sendable {
    /// Render a missing value as empty instead of reporting it.
    public var allowMissing = false
    /// The tag delimiters a template starts with (`{{ }}`; `{ }` for docxtemplater templates).
    public var delimiters = Delimiters.mustache
    /// Glyphs for `{{path=选项}}` checkboxes (a spec's `checkbox:`).
    public var checkedGlyph = "☑"
    public var uncheckedGlyph = "□"
    /// The options of choice fields by dotted key (`主申报单位性质`, `人员.性别`), from a spec:
    /// a checkbox naming another option is an error. Empty without a spec.
    public var choiceOptions: [String: [String]] = [:]
    /// Dotted keys the data may leave out (`联合申报单位性质`, `人员.职务`), from a spec: the
    /// fields it does not say must be given. A value missing because such a field (or a group or
    /// table holding it) is left out prints blank, or its default, and is never reported: data
    /// that validates fills.
    public var optionalFields: Set<String> = []
    /// Values used when the data has none, by dotted key (a spec's `default:`).
    public var defaults: [String: String] = [:]
    /// Fields' printed labels by dotted key, for messages (`联系人.电话` → 联系人电话).
    public var labels: [String: String] = [:]
    /// Image fields by dotted key, from a spec: width in millimetres and whether it is a seal.
    public var imageFields: [String: ImageField] = [:]
    /// The form id recorded with the embedded data.
    public var formID: String?
    /// Whether the filled document carries its data (custom XML part and core keywords).
    public var embedData = true
    /// Do not read image files: every image tag gets a 1×1 transparent PNG. For refilling a
    /// document from its embedded data (which names images by path) to compare its text.
    public var imagePlaceholders = false

    public init() {}

    /// An image field's size and kind, as a spec declares it.
    public struct ImageField: Sendable {
        public var widthMillimetres: Double?
        public var isSeal: Bool
        public init(widthMillimetres: Double? = nil, isSeal: Bool = false) {
            self.widthMillimetres = widthMillimetres
            self.isSeal = isSeal
        }
    }
}
