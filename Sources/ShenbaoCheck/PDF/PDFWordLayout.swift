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

    /// Pages, each a list of lines, each the line's words joined by spaces. Scans the UTF-8
    /// bytes directly: pdftotext writes one `<page …>` or `<word …>…</word>` per line.
    static func pages(fromBBoxOutput output: String) -> [[String]] {
        var pages: [[String]] = []
        var words: [Word] = []
        var inPage = false
        let bytes = Array(output.utf8)
        var start = 0
        while start < bytes.count {
            var end = start
            while end < bytes.count && bytes[end] != 0x0A { end += 1 }
            var i = start
            while i < end && bytes[i] == 0x20 { i += 1 }
            let line = bytes[i..<end]
            if line.starts(with: Self.pageOpen) {
                if inPage { pages.append(lines(words)); words = [] }
                inPage = true
                if line.count >= 7 && line.suffix(7).elementsEqual(Self.pageClose) {
                    pages.append(lines(words))
                    words = []
                    inPage = false
                }
            } else if line.starts(with: Self.pageClose) {
                pages.append(lines(words))
                words = []
                inPage = false
            } else if line.starts(with: Self.wordOpen), let word = parseWord(line) {
                words.append(word)
            }
            start = end + 1
        }
        if inPage { pages.append(lines(words)) }
        return pages
    }

    private static let pageOpen = Array("<page ".utf8)
    private static let pageClose = Array("</page>".utf8)
    private static let wordOpen = Array("<word ".utf8)
    private static let wordClose = Array("</word>".utf8)

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

    private static func parseWord(_ line: ArraySlice<UInt8>) -> Word? {
        guard let close = line.firstIndex(of: 0x3E), line.count > 7, line.suffix(7).elementsEqual(wordClose) else { return nil }
        let attributes = line[line.startIndex..<close]
        func number(_ name: String) -> Double? {
            let key = Array((name + "=\"").utf8)
            var i = attributes.startIndex
            while i + key.count <= attributes.endIndex {
                if attributes[i..<(i + key.count)].elementsEqual(key) {
                    var j = i + key.count
                    var value = 0.0
                    var scale = 0.0
                    var negative = false
                    if j < attributes.endIndex && attributes[j] == 0x2D { negative = true; j += 1 }
                    while j < attributes.endIndex && attributes[j] != 0x22 {
                        let c = attributes[j]
                        if c == 0x2E { scale = 1 } else if c >= 0x30 && c <= 0x39 {
                            if scale > 0 { scale /= 10; value += Double(c - 0x30) * scale } else { value = value * 10 + Double(c - 0x30) }
                        } else { return nil }
                        j += 1
                    }
                    return negative ? -value : value
                }
                i += 1
            }
            return nil
        }
        guard let xMin = number("xMin"), let yMin = number("yMin"), let yMax = number("yMax") else { return nil }
        let text = String(decoding: line[(close + 1)..<(line.endIndex - 7)], as: UTF8.self)
        return Word(xMin: xMin, yMin: yMin, yMax: yMax, text: text.contains("&") ? unescape(text[...]) : text)
    }

    private static func unescape(_ s: Substring) -> String {
        guard s.contains("&") else { return String(s) }
        return s.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&apos;", with: "'")
            .replacingOccurrences(of: "&amp;", with: "&")
    }
}
