import Foundation
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
    /// `textTwips` (text width per column, in twips) default to the spec's `width:` or
    /// `defaultWidth`; the summary stage passes the widths of the actual values when the package
    /// has no summary.docx of its own.
    public static func archive(
        columns: [SummaryColumn], title: String, textTwips: [Double]? = nil, path: String = "summary.docx"
    ) -> ZipArchive {
        var tags = columns.map { "{{\(tagName($0.label))}}" }
        if !tags.isEmpty {
            tags[0] = "{{#rows}}" + tags[0]
            tags[tags.count - 1] += "{{/rows}}"
        }
        let widths = textTwips ?? columns.map { c in (c.width ?? defaultWidth(c)) * SummaryLayout.twipsPerCharacter }
        let document = SummaryLayout.document(title: "{{标题}}", recommender: "{{推荐单位}}", columns: columns,
                                              rows: [tags], textTwips: widths)
        return SummaryPackage.docx(document: document, title: title, path: path)
    }

    /// The tag (and row key) for a column label: the label, with `.` (a path separator in tags)
    /// written `·` and braces, `#`, `/`, `^` and surrounding spaces dropped.
    public static func tagName(_ label: String) -> String {
        var out = ""
        for ch in label {
            switch ch {
            case ".": out.append("·")
            case "{", "}": continue
            case "#" where out.isEmpty, "/" where out.isEmpty, "^" where out.isEmpty: continue
            default: out.append(ch)
            }
        }
        let trimmed = out.trimmingCharacters(in: .whitespaces)
        return trimmed.isEmpty ? "列" : trimmed
    }

    /// A column's width in character cells when the spec gives no `width:` and no values are
    /// known: numbers narrow, phones wide enough for 0531-51785094, names wide, the rest 8.
    static func defaultWidth(_ column: SummaryColumn) -> Double {
        let label = column.label
        if column.kind == .number { return 4 }
        if label.contains("电话") || label.contains("手机") { return 14 }
        if label.hasSuffix("名称") { return 18 }
        if label.contains("单位") { return 14 }
        return 8
    }

    /// Writes the template to `path` atomically.
    /// - Throws: `ZipError` naming the path when it cannot be written.
    public static func write(_ spec: SummarySpec, to path: String) throws { try archive(spec, path: path).write(to: path) }

    /// What the template is filled with: `tables`, one per recommender, each with `标题`,
    /// `推荐单位`, `rows` (each row keyed by column label), `填报日期`, `填表人` and `联系电话`; and
    /// the same keys at the top over all rows, for a template without a `{{#tables}}` loop.
    public static func fillData(_ table: SummaryTable) -> DataValue {
        func rows(_ range: Range<Int>) -> DataValue {
            DataValue(.list(table.rows[range].map { values in
                DataValue(.map(DataMap(table.columns.enumerated().map { i, c in
                    .init(key: tagName(c.label), value: .string(i < values.count ? values[i] : ""))
                })))
            }))
        }
        let blank = "　　　　　　"
        let contact: [DataMap.Entry] = [
            .init(key: "填报日期", value: .string(table.contact.date.isEmpty ? "　　　　年　　月　　日" : table.contact.date)),
            .init(key: "填表人", value: .string(table.contact.name.isEmpty ? blank : table.contact.name)),
            .init(key: "联系电话", value: .string(table.contact.phone.isEmpty ? blank : table.contact.phone)),
        ]
        let parts = table.parts.isEmpty ? [SummaryTable.Part(recommender: table.recommender, rows: 0..<0)] : table.parts
        let tables = parts.map { part in
            DataValue(.map(DataMap([
                .init(key: "标题", value: .string(table.title)),
                .init(key: "推荐单位", value: .string(table.sealUnit(of: part))),
                .init(key: "rows", value: rows(part.rows)),
            ] + contact)))
        }
        return DataValue(.map(DataMap([
            .init(key: "标题", value: .string(table.title)),
            .init(key: "推荐单位", value: .string(table.recommender)),
            .init(key: "rows", value: rows(0..<table.rows.count)),
            .init(key: "tables", value: DataValue(.list(tables))),
        ] + contact)))
    }
}
