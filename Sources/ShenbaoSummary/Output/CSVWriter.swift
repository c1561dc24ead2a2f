/// Writes a summary as CSV the way Excel on a Chinese Windows reads it right: UTF-8 with a byte
/// order mark (without it Excel guesses GBK and shows mojibake), RFC 4180 quoting, CRLF line
/// ends. One header row, then the rows; the title and 盖章 line belong to the DOCX only.
///
/// A cell that a spreadsheet would read as a formula (one starting with `=`, `+`, `-`, `@`, tab
/// or carriage return: `=HYPERLINK(…)`, `+cmd|' /C calc'!A0`, `=DDE(…)`) is neutralised as
/// OWASP's "CSV Injection" page recommends: a single quote in front, and the cell quoted. Excel
/// and LibreOffice then show the text as typed (the quote is not shown in Excel).
package enum CSVWriter {
    /// The CSV bytes of `table`.
    package static func bytes(_ table: SummaryTable) -> [UInt8] {
        var out: [UInt8] = [0xEF, 0xBB, 0xBF]
        out.reserveCapacity(64 * (table.rows.count + 1) * max(table.columns.count, 1))
        for record in [table.header] + table.rows {
            for (i, value) in record.enumerated() {
                if i > 0 { out.append(0x2C) }
                appendField(value, to: &out)
            }
            out.append(contentsOf: [0x0D, 0x0A])
        }
        return out
    }

    /// The bytes a cell may not start with: `=`, `+`, `-`, `@`, tab, carriage return.
    static let formulaStarts: Set<UInt8> = [0x3D, 0x2B, 0x2D, 0x40, 0x09, 0x0D]

    /// `s`, with a single quote in front when a spreadsheet would take it for a formula.
    static func neutralised(_ s: String) -> String {
        guard let first = s.utf8.first, formulaStarts.contains(first) else { return s }
        return "'" + s
    }

    /// Appends a field, quoted when it holds a comma, quote, line break or edge spaces, or could
    /// start a formula (then also prefixed with a single quote).
    static func appendField(_ value: String, to out: inout [UInt8]) {
        let s = neutralised(value)
        let utf8 = s.utf8
        let needsQuotes = s != value || utf8.first == 0x20 || utf8.last == 0x20
            || utf8.contains { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }
        guard needsQuotes else {
            out.append(contentsOf: utf8)
            return
        }
        out.append(0x22)
        for b in utf8 {
            if b == 0x22 { out.append(0x22) }
            out.append(b)
        }
        out.append(0x22)
    }
}
