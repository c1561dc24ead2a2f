import Foundation

/// Reads `pdftotext -bbox -raw` output (words in content-stream order, each with its box) into
/// lines per page.
///
/// Content-stream order is LibreOffice's layout order (tables row by row, cell by cell), except
/// that glyphs from a fallback font (☑ when the body font lacks it) are drawn after the rest of
/// their line. So consecutive words sharing a baseline band are one line, ordered left to right;
/// the stream order of lines is kept.
enum PDFWordLayout {
    struct Word {
        var xMin: Double
        var yMin: Double
        var yMax: Double
        var text: String
        var middle: Double { (yMin + yMax) / 2 }
        var height: Double { yMax - yMin }
    }

    /// Pages, each a list of lines, each the line's words joined by spaces.
    static func pages(fromBBoxOutput output: String) -> [[String]] {
        var pages: [[String]] = []
        var words: [Word] = []
        var inPage = false
        func finishPage() {
            pages.append(lines(words))
            words = []
        }
        for line in output.split(separator: "\n", omittingEmptySubsequences: true) {
            let trimmed = line.drop { $0 == " " }
            if trimmed.hasPrefix("<page ") {
                if inPage { finishPage() }
                inPage = true
                if trimmed.hasSuffix("</page>") { finishPage(); inPage = false }
            } else if trimmed.hasPrefix("</page>") {
                finishPage()
                inPage = false
            } else if trimmed.hasPrefix("<word "), let word = parseWord(trimmed) {
                words.append(word)
            }
        }
        if inPage { finishPage() }
        return pages
    }

    /// Groups consecutive words whose vertical middles are close into lines, each sorted by x.
    static func lines(_ words: [Word]) -> [String] {
        var out: [String] = []
        var current: [Word] = []
        func flush() {
            guard !current.isEmpty else { return }
            out.append(current.sorted { $0.xMin < $1.xMin }.map(\.text).joined(separator: " "))
            current = []
        }
        for word in words {
            if let last = current.last, abs(last.middle - word.middle) > 0.4 * min(last.height, word.height) {
                flush()
            }
            current.append(word)
        }
        flush()
        return out
    }

    private static func parseWord(_ line: Substring) -> Word? {
        guard let close = line.firstIndex(of: ">"), let end = line.range(of: "</word>", options: .backwards) else { return nil }
        let attributes = line[line.startIndex..<close]
        func number(_ name: String) -> Double? {
            guard let r = attributes.range(of: name + "=\"") else { return nil }
            let rest = attributes[r.upperBound...]
            return Double(rest.prefix { $0 != "\"" })
        }
        guard let xMin = number("xMin"), let yMin = number("yMin"), let yMax = number("yMax") else { return nil }
        let text = unescape(line[line.index(after: close)..<end.lowerBound])
        return Word(xMin: xMin, yMin: yMin, yMax: yMax, text: text)
    }

    private static func unescape(_ s: Substring) -> String {
        guard s.contains("&") else { return String(s) }
        return s.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&apos;", with: "'")
            .replacingOccurrences(of: "&amp;", with: "&")
    }
}
