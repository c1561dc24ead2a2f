import ShenbaoCore
import ShenbaoFill
import ShenbaoOOXML

/// The summary as a DOCX: a summary template (the form's `templates/<form-id>/summary.docx`, or
/// the one `SummaryTemplate` makes from the spec) filled by the fill stage's engine with
/// `SummaryTemplate.fillData`. The result carries no embedded data: it is not an application.
package enum SummaryDocument {
    /// The filled package.
    /// - Parameter template: the bureau's template; nil uses `SummaryTemplate` for the table's columns.
    /// - Throws: `DiagnosticsError` when the template's tags are malformed or name a column the
    ///   table does not have, each with its place in the template.
    package static func archive(_ table: SummaryTable, template: ZipArchive? = nil) throws -> ZipArchive {
        var template = template
        if let t = template, isStock(t, for: table) { template = nil }
        var options = FillOptions()
        options.embedData = false
        let filler = try TemplateFiller(
            template: template ?? SummaryTemplate.archive(columns: table.columns, title: table.title, textTwips: contentWidths(table)),
            options: options)
        return try filler.fill(with: SummaryTemplate.fillData(table))
    }

    /// Whether `template` is exactly what `--make-template` writes for these columns (not
    /// restyled): then the layout is generated afresh with widths fitted to the values.
    static func isStock(_ template: ZipArchive, for table: SummaryTable) -> Bool {
        let stock = SummaryTemplate.archive(columns: table.columns, title: table.title)
        return stock.entries == template.entries
    }

    /// The text width (twips) each column wants: the spec's `width:`, else its longest line
    /// (a header may wrap, so it counts for two characters at most), at most 20 CJK characters.
    static func contentWidths(_ table: SummaryTable) -> [Double] {
        table.columns.enumerated().map { i, column in
            if let w = column.width { return w * SummaryLayout.twipsPerCharacter }
            var widest = min(SummaryLayout.textTwips(column.label), 430)
            for row in table.rows where i < row.count {
                for line in row[i].split(separator: "\n") { widest = max(widest, SummaryLayout.textTwips(String(line))) }
            }
            return min(widest, 4300)
        }
    }
}
