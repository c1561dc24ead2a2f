/// A 推荐汇总表 ready to write: title, the recommending unit for the 盖章 line, columns and rows
/// of text in recommendation order, split into one part per recommender, and the 填表人 line.
/// Every output format (DOCX, XLSX, CSV) writes this one value.
public struct SummaryTable: Sendable, Equatable {
    /// The rows of one recommender: printed as a table of its own under its own 盖章 line.
    public struct Part: Sendable, Equatable {
        /// The recommender as the submissions name it.
        public var recommender: String
        /// The part's rows, indices into `rows`.
        public var rows: Range<Int>

        public init(recommender: String, rows: Range<Int>) {
            self.recommender = recommender
            self.rows = rows
        }
    }

    public var title: String
    /// The text after 推荐单位（盖章）: the one recommender all rows share, or what the bureau
    /// passed with `--recommender`; "" leaves the line to be written by hand.
    public var recommender: String
    public var columns: [SummaryColumn]
    /// One row per submission, one string per column ("" for a missing value).
    public var rows: [[String]]
    /// The submission file each row came from (not printed).
    public var sources: [String]
    /// One part per recommender, in order (one part when there is one recommender, or none when
    /// there are no rows); 序号 restarts at 1 in each.
    public var parts: [Part]
    /// 填表人、联系电话、填报日期 under the table ("" leaves room to write by hand).
    public var contact: SummaryContact

    public init(
        title: String, recommender: String, columns: [SummaryColumn], rows: [[String]], sources: [String] = [],
        parts: [Part]? = nil, contact: SummaryContact = SummaryContact()
    ) {
        self.title = title
        self.recommender = recommender
        self.columns = columns
        self.rows = rows
        self.sources = sources
        self.parts = parts ?? (rows.isEmpty ? [] : [Part(recommender: recommender, rows: 0..<rows.count)])
        self.contact = contact
    }

    /// The header labels.
    public var header: [String] { columns.map(\.label) }

    /// The seal line's unit for `part`: the bureau's `--recommender` when there is one part, else
    /// the part's own recommender.
    public func sealUnit(of part: Part) -> String { parts.count == 1 ? recommender : part.recommender }

    /// Tables are equal when they print the same: the sources are not compared.
    public static func == (a: SummaryTable, b: SummaryTable) -> Bool {
        a.title == b.title && a.recommender == b.recommender && a.columns == b.columns && a.rows == b.rows
            && a.parts == b.parts && a.contact == b.contact
    }
}

/// Who filled the summary in, printed under each table: 填表人：…　联系电话：…　填报日期：….
public struct SummaryContact: Sendable, Equatable {
    public var name: String
    public var phone: String
    /// As printed (2025年1月20日); "" prints 年　月　日 to fill by hand.
    public var date: String

    public init(name: String = "", phone: String = "", date: String = "") {
        self.name = name
        self.phone = phone
        self.date = date
    }

    /// `填表人：王某　　联系电话：0531-…　　填报日期：2025年1月20日`, blanks wide enough to write in.
    public var line: String {
        let blank = "　　　　　　"
        return "填表人：\(name.isEmpty ? blank : name)　　联系电话：\(phone.isEmpty ? blank : phone)　　填报日期：\(date.isEmpty ? "　　　　年　　月　　日" : date)"
    }
}
