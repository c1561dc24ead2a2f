import Foundation

/// Writes a summary as CSV the way Excel on a Chinese Windows reads it right: UTF-8 with a byte
/// order mark (without it Excel guesses GBK and shows mojibake), RFC 4180 quoting, CRLF line
/// ends. One header row, then the rows; the title and 盖章 line belong to the DOCX only.
public enum CSVWriter {
    /// The CSV bytes of `table`.
    public static func bytes(_ table: SummaryTable) -> [UInt8] {
        var out: [UInt8] = [0xEF, 0xBB, 0xBF]
        for record in [table.header] + table.rows {
            out.append(contentsOf: record.map(field).joined(separator: ",").utf8)
            out.append(contentsOf: [0x0D, 0x0A])
        }
        return out
    }

    /// A field, quoted when it holds a comma, quote, line break or edge spaces.
    static func field(_ s: String) -> String {
        let needsQuotes = s.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }
            || s.first == " " || s.last == " "
        guard needsQuotes else { return s }
        return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
