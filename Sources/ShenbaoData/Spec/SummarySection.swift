import ShenbaoCore

/// The `summary:` section of form.yaml, typed: how a bureau's 推荐汇总表 is laid out and which
/// quotas a recommender must respect (docs/summary.md). Read by `FormSpec`'s one reader, so
/// `shenbao validate` reports its mistakes with the rest of the spec's.
public struct SummarySection: Sendable, Equatable {
    /// One column as the spec writes it; the summary stage fills in label and kind from the form.
    public struct Column: Sendable, Equatable {
        /// How a column's cells are written into a spreadsheet (`type:`).
        public enum Kind: String, Sendable, Equatable {
            /// Text, even when it looks like a number (phones, credit codes keep their digits).
            case text
            /// A number when the cell parses as one (序号, 推荐排序, amounts).
            case number
        }

        public var key: FieldPath
        /// The header; nil: the field's label.
        public var label: String?
        /// nil: number for integer, number and amount fields and the rank, text otherwise.
        public var kind: Kind?
        /// Width in characters (1 to 255); nil sizes the column from its content.
        public var width: Double?
        public var location: SourceLocation?

        public init(key: FieldPath, label: String? = nil, kind: Kind? = nil, width: Double? = nil) {
            self.key = key
            self.label = label
            self.kind = kind
            self.width = width
        }
    }

    /// The summary's title (`title:`); nil: derived from the form's title.
    public var title: String?
    /// The recommending unit each submission names (`by:`, default `推荐单位`).
    public var by: FieldPath?
    /// The submission's place in its recommender's order (`rank:`, default `推荐排序`).
    public var rank: FieldPath?
    /// What may appear once only (`unit:`).
    public var unit: FieldPath?
    public var quotas: [QuotaRule] = []
    /// Limits on one unit's part across submissions (`limits:`).
    public var limits: [UnitLimit] = []
    /// The recommenders' customary order: names or name prefixes (`order:`).
    public var order: [String] = []
    public var columns: [Column] = []
    /// Where the section starts in form.yaml.
    public var location: SourceLocation?

    public init() {}
}
