/// A 推荐汇总表 ready to write: title, the recommending unit for the 盖章 line, columns and rows
/// of text in recommendation order. Every output format (DOCX, XLSX, CSV) writes this one value.
public struct SummaryTable: Sendable, Equatable {
    public var title: String
    /// The text after 推荐单位（盖章）: the one recommender all rows share, or what the bureau
    /// passed with `--recommender`; "" leaves the line to be written by hand.
    public var recommender: String
    public var columns: [SummaryColumn]
    /// One row per submission, one string per column ("" for a missing value).
    public var rows: [[String]]
    /// The submission file each row came from (not printed).
    public var sources: [String]

    public init(title: String, recommender: String, columns: [SummaryColumn], rows: [[String]], sources: [String] = []) {
        self.title = title
        self.recommender = recommender
        self.columns = columns
        self.rows = rows
        self.sources = sources
    }

    /// The header labels.
    public var header: [String] { columns.map(\.label) }

    /// Tables are equal when they print the same: the sources are not compared.
    public static func == (a: SummaryTable, b: SummaryTable) -> Bool {
        a.title == b.title && a.recommender == b.recommender && a.columns == b.columns && a.rows == b.rows
    }
}
