/// Reads the formatter part of a value tag: `path | default "无" | date "iso"`.
/// Straight quotes and Word's curly quotes “ ” ‘ ’ all delimit an argument.
enum FormatterSyntax {
    private static let openingQuotes: [Character: Character] = ["\"": "\"", "'": "'", "“": "”", "”": "”", "‘": "’", "„": "”"]

    /// The path and each formatter, split at `|` outside quotes.
    static func splitPipes(_ content: Substring) -> [Substring] {
        var pieces: [Substring] = []
        var start = content.startIndex
        var quoteEnd: Character?
        var i = content.startIndex
        while i < content.endIndex {
            let c = content[i]
            if let q = quoteEnd {
                if c == q || (q == "”" && c == "\"") { quoteEnd = nil }
            } else if let close = openingQuotes[c] {
                quoteEnd = close
            } else if c == "|" {
                pieces.append(content[start..<i])
                start = content.index(after: i)
            }
            i = content.index(after: i)
        }
        pieces.append(content[start...])
        return pieces
    }

    /// `date "iso"` → name `date`, arguments `["iso"]`.
    static func call(_ text: Substring) throws(TagSyntaxError) -> FormatterCall {
        var words: [String] = []
        var i = text.startIndex
        while i < text.endIndex {
            let c = text[i]
            if c == " " || c == "\t" || c == "\u{3000}" {
                i = text.index(after: i)
            } else if let close = openingQuotes[c] {
                var j = text.index(after: i)
                var word = ""
                while j < text.endIndex, text[j] != close, !(close == "”" && text[j] == "\"") {
                    word.append(text[j])
                    j = text.index(after: j)
                }
                if j == text.endIndex { throw TagSyntaxError("格式“\(text.trimmingSpaces)”中的引号没有闭合") }
                words.append(word)
                i = text.index(after: j)
            } else {
                var j = i
                var word = ""
                while j < text.endIndex, !" \t\u{3000}".contains(text[j]) {
                    word.append(text[j])
                    j = text.index(after: j)
                }
                words.append(word)
                i = j
            }
        }
        guard let name = words.first, !name.isEmpty else { throw TagSyntaxError("| 后面没有格式") }
        return FormatterCall(name: name, arguments: Array(words.dropFirst()))
    }
}
