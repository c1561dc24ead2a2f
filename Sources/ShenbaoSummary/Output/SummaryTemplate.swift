import ShenbaoCore
import ShenbaoOOXML

/// The summary sheet as a fill template: the DOCX layout with `{{标题}}`, `{{推荐单位}}` and one
/// table row `{{#rows}}{{序号}}…{{/rows}}` whose tags are the column labels. A bureau restyles it
/// in Word and keeps it as `templates/<form-id>/summary.docx`; `fillData` is the data it is
/// filled with.
public enum SummaryTemplate {
    /// The template package for `spec`.
    public static func archive(_ spec: SummarySpec, path: String = "summary.docx") -> ZipArchive {
        archive(columns: spec.columns, title: spec.title, path: path)
    }

    /// The template package for a table with `columns`; `title` goes into the core properties.
    public static func archive(columns: [SummaryColumn], title: String, path: String = "summary.docx") -> ZipArchive {
        let labels = columns.map(\.label)
        var tags = labels.map { "{{\($0)}}" }
        if !tags.isEmpty {
            tags[0] = "{{#rows}}" + tags[0]
            tags[tags.count - 1] += "{{/rows}}"
        }
        let widths = columns.map { c in
            c.width ?? Double(max(XMLBuild.displayWidth(c.label) + 2, c.kind == .number ? 6 : 14))
        }
        let document = SummaryLayout.document(title: "{{标题}}", recommender: "{{推荐单位}}", columns: columns,
                                              rows: [tags], widths: widths)
        return SummaryPackage.docx(document: document, title: title, path: path)
    }

    /// Writes the template to `path` atomically.
    /// - Throws: `ZipError` naming the path when it cannot be written.
    public static func write(_ spec: SummarySpec, to path: String) throws { try archive(spec, path: path).write(to: path) }

    /// What the template is filled with: `标题`, `推荐单位` and `rows`, each row keyed by column label.
    public static func fillData(_ table: SummaryTable) -> DataValue {
        let rows = table.rows.map { values in
            DataValue(.map(DataMap(table.columns.enumerated().map { i, c in
                .init(key: c.label, value: .string(i < values.count ? values[i] : ""))
            })))
        }
        return DataValue(.map(DataMap([
            .init(key: "标题", value: .string(table.title)),
            .init(key: "推荐单位", value: .string(table.recommender)),
            .init(key: "rows", value: DataValue(.list(rows))),
        ])))
    }
}
