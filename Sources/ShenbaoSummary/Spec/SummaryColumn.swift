import ShenbaoData

/// One column of a 推荐汇总表: where its value comes from and what its header says.
public struct SummaryColumn: Sendable, Equatable {
    /// How a column's cells are written into a spreadsheet (text or number).
    public typealias Kind = SummarySection.Column.Kind

    /// The data path; nil for the generated 序号 column.
    public var key: FieldPath?
    /// The header, as printed.
    public var label: String
    public var kind: Kind
    /// Width in characters (a CJK character counts 2); nil sizes the column from its content.
    public var width: Double?
    /// The 备注 column: what the summary notes about a row (a soft quota it goes beyond).
    public var isNote = false

    public init(key: FieldPath?, label: String, kind: Kind = .text, width: Double? = nil) {
        self.key = key
        self.label = label
        self.kind = kind
        self.width = width
    }

    /// The 备注 column every summary ends with.
    public static let note: SummaryColumn = {
        var c = SummaryColumn(key: nil, label: "备注", kind: .text, width: nil)
        c.isNote = true
        return c
    }()

    /// The 序号 column every summary starts with.
    public static let serialNumber = SummaryColumn(key: nil, label: "序号", kind: .number, width: 6)
}
