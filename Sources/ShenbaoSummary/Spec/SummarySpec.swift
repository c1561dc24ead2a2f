import Foundation
import ShenbaoCore
import ShenbaoData

/// What a form's 推荐汇总表 looks like and which quotas a recommender must respect: the
/// `summary:` section of `templates/<form-id>/form.yaml`, with what it needs from the rest of it.
public struct SummarySpec: Sendable, Equatable {
    /// The form id (`id:` of form.yaml); submissions for other forms are refused.
    public var formID: String
    /// The form's own title (`title:` of form.yaml).
    public var formTitle: String
    /// The summary's title: `summary.title`, or the form title with a trailing 申报表/申报书
    /// replaced by 推荐汇总表.
    public var title: String
    /// The recommending unit each submission names (default `推荐单位`).
    public var by: FieldPath
    /// The submission's place in its recommender's order, 1, 2, 3… (default `推荐排序`).
    public var rank: FieldPath
    /// What may appear once only — the applying unit or the entry's name (default: the first
    /// column whose key ends in 名称, else the first column that is neither `by` nor `rank`).
    public var unit: FieldPath?
    public var quotas: [QuotaRule]
    /// Limits on one unit's part across the submissions (`summary.limits`).
    public var limits: [UnitLimit] = []
    /// The province's customary order of recommenders (`summary.order`): names or name
    /// prefixes; see `orderPosition(of:)`. Empty: recommenders in Unicode order.
    public var order: [String]
    /// The table's columns: 序号, then `by` and `rank` unless the spec places them, then the
    /// spec's, then 备注 (what the summary notes about a row, such as a soft quota exceeded).
    public var columns: [SummaryColumn]
    /// Labels of the form's fields by dotted path, for messages.
    public var labels: [String: String]
    /// The form.yaml this spec was read from, when it was read from a file.
    public var specPath: String?

    public init(
        formID: String, formTitle: String, title: String? = nil, by: FieldPath = FieldPath("推荐单位"),
        rank: FieldPath = FieldPath("推荐排序"), unit: FieldPath? = nil, quotas: [QuotaRule] = [],
        columns: [SummaryColumn] = [], labels: [String: String] = [:], order: [String] = []
    ) {
        self.formID = formID
        self.formTitle = formTitle
        self.title = title ?? Self.defaultTitle(formTitle: formTitle)
        self.by = by
        self.rank = rank
        self.quotas = quotas
        self.order = order
        self.labels = labels
        var columns = columns
        if !columns.contains(where: { $0.key == rank }) {
            columns.insert(SummaryColumn(key: rank, label: labels[rank.description] ?? rank.description, kind: .number), at: 0)
        }
        if !columns.contains(where: { $0.key == by }) {
            columns.insert(SummaryColumn(key: by, label: labels[by.description] ?? by.description), at: 0)
        }
        if !columns.contains(where: { ($0.key == nil && !$0.isNote) || $0.label == "序号" }) {
            columns.insert(.serialNumber, at: 0)
        }
        if !columns.contains(where: { $0.isNote || $0.label == "备注" }) { columns.append(.note) }
        self.columns = columns
        let candidates = columns.compactMap(\.key).filter { $0 != by && $0 != rank }
        self.unit = unit ?? candidates.first { $0.components.last?.hasSuffix("名称") == true } ?? candidates.first
    }

    /// The label to use in messages for `path`: the form's label, else the path itself.
    public func label(of path: FieldPath) -> String {
        if let l = labels[path.description] { return l }
        if let c = columns.first(where: { $0.key == path }) { return c.label }
        return path.description
    }

    /// `某某申报书` → `某某推荐汇总表`; other titles get 推荐汇总表 appended.
    public static func defaultTitle(formTitle: String) -> String {
        for suffix in ["申报表", "申报书", "推荐表"] where formTitle.hasSuffix(suffix) {
            return String(formTitle.dropLast(suffix.count)) + "推荐汇总表"
        }
        return formTitle + "推荐汇总表"
    }

    /// The summary of `form`: its `summary:` section, with labels and column kinds from its fields.
    public init(form: FormSpec) {
        let section = form.summary ?? SummarySection()
        var labels: [String: String] = [:]
        var numbers: Set<String> = []
        for (path, field) in form.allFields {
            labels[path] = field.label ?? field.key
            if [.integer, .number, .amount].contains(field.type) { numbers.insert(path) }
        }
        let rank = section.rank ?? FieldPath("推荐排序")
        let columns = section.columns.map { c in
            SummaryColumn(
                key: c.key, label: c.label ?? labels[c.key.description] ?? c.key.description,
                kind: c.kind ?? (numbers.contains(c.key.description) || c.key == rank ? .number : .text), width: c.width)
        }
        self.init(
            formID: form.id, formTitle: form.title ?? form.id, title: section.title, by: section.by ?? FieldPath("推荐单位"),
            rank: rank, unit: section.unit, quotas: section.quotas, columns: columns, labels: labels, order: section.order)
        limits = section.limits
        specPath = form.path
    }

    /// Finds and reads the form's spec: `<dir>/<formID>/form.yaml`, where `dir` is
    /// `templatesDirectory` when given, else ShenbaoData's search path (`$SHENBAO_TEMPLATES`,
    /// `./templates`, beside the executable; see `FormSpecLocator`).
    /// - Throws: `DiagnosticsError` when the form is not found, or with form.yaml's line and
    ///   column for every problem in it.
    public static func load(formID: String, templatesDirectory: String? = nil) throws -> SummarySpec {
        try SummarySpec(form: FormSpec.load(formID: formID, templatesDirectory: templatesDirectory))
    }

    /// Reads the form spec at `path`.
    /// - Throws: `DiagnosticsError` with the line and column of every problem.
    public static func load(path: String) throws -> SummarySpec {
        try SummarySpec(form: FormSpec.load(path: path))
    }

    /// Parses form.yaml's text (for tests and embedded specs).
    /// - Throws: `DiagnosticsError` with the line and column of every problem.
    public static func parse(_ text: String, path: String) throws -> SummarySpec {
        var spec = try SummarySpec(form: FormSpec.parse(Array(text.utf8), path: path))
        spec.specPath = nil
        return spec
    }

    /// `summary.docx` beside form.yaml: the package's summary template, when the spec was loaded
    /// from a file and the package has one.
    public var templatePath: String? {
        guard let specPath else { return nil }
        let path = (specPath as NSString).deletingLastPathComponent + "/summary.docx"
        return FileManager.default.fileExists(atPath: path) ? path : nil
    }
}
