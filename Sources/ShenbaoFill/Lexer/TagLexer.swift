import ShenbaoCore
import ShenbaoOOXML

/// Finds tags in the text of each paragraph, across the runs Word and WPS split it into.
///
/// Text counts only inside `w:t` (never `w:instrText` or `w:delText`); each paragraph is the
/// innermost `w:p`, so text boxes nested in a run are lexed on their own. A tag spread over
/// several `w:t` is moved whole into the first one, which keeps the formatting of the run where
/// it began; its pieces are removed from the others.
struct TagLexer {
    private struct Piece {
        var token: Int
        var place: DocxLocation
    }

    let part: String
    private(set) var delimiters: Delimiters
    private(set) var diagnostics: [Diagnostic] = []
    private var tags: [LexedTag] = []
    private var replacements: [Int: [XMLToken]] = [:]

    init(part: String, delimiters: Delimiters) {
        self.part = part
        self.delimiters = delimiters
    }

    /// Lexes a part's tokens; problems are collected in `diagnostics`.
    mutating func lex(_ tokens: [XMLToken]) -> LexedPart {
        var names: [String] = []
        var paragraphs: [[Piece]] = []
        var tracker = DocxLocationTracker(part: part)
        for (i, token) in tokens.enumerated() {
            switch token {
            case .start(let e):
                tracker.follow(token)
                names.append(e.name)
                if e.name == "w:p" { paragraphs.append([]) }
            case .empty:
                tracker.follow(token)
            case .end(let name):
                names.removeLast()
                if name == "w:p", let pieces = paragraphs.popLast() { scan(pieces, tokens) }
                tracker.follow(token)
            case .text:
                if names.last == "w:t", !paragraphs.isEmpty {
                    paragraphs[paragraphs.count - 1].append(Piece(token: i, place: tracker.current))
                }
            case .raw, .tag: break
            }
        }
        return LexedPart(name: part, tokens: rebuild(tokens), tags: tags, delimitersAfter: delimiters)
    }

    private mutating func scan(_ pieces: [Piece], _ tokens: [XMLToken]) {
        var chars: [Character] = []
        var owner: [Int] = []
        for (k, piece) in pieces.enumerated() {
            guard case .text(let t) = tokens[piece.token] else { continue }
            for c in t {
                chars.append(c)
                owner.append(k)
            }
        }
        var spans: [(start: Int, end: Int, tag: Int)] = []
        var pos = 0
        var open = Array(delimiters.open), close = Array(delimiters.close)
        while pos < chars.count {
            if Self.matches(open, chars, at: pos) {
                var q = pos + open.count
                var end = -1
                // A delimiter change `{{=<% %>=}}` ends at `=` + close, whatever it contains.
                let changesDelimiters = q < chars.count && chars[q] == "="
                while q < chars.count {
                    if changesDelimiters {
                        if chars[q] == "=", q > pos + open.count, Self.matches(close, chars, at: q + 1) { end = q + 1; break }
                    } else {
                        if Self.matches(close, chars, at: q) { end = q; break }
                        if Self.matches(open, chars, at: q) { break }
                    }
                    q += 1
                }
                let place = pieces[owner[pos]].place
                guard end >= 0 else {
                    let text = String(chars[pos..<q])
                    report(.unclosedTag, place, "标签 \(text) 没有闭合（段落结束前没有 \(delimiters.close)）")
                    pos = q
                    continue
                }
                let content = String(chars[(pos + open.count)..<end])
                let raw = String(chars[pos..<(end + close.count)])
                tags.append(LexedTag(raw: raw, content: content, place: place))
                spans.append((pos, end + close.count, tags.count - 1))
                let tagEnd = end + close.count
                if changesDelimiters, content.count >= 2, content.hasPrefix("="), content.hasSuffix("=") {
                    let spec = String(content.dropFirst().dropLast())
                    if let d = Delimiters(spec: spec) {
                        delimiters = d
                        open = Array(d.open)
                        close = Array(d.close)
                    } else {
                        report(.badDelimiters, place, "分隔符 \(raw) 无效：请写两个不含空格和 = 的字符串，如 \(delimiters.open)=[[ ]]=\(delimiters.close)")
                    }
                }
                pos = tagEnd
            } else if Self.matches(close, chars, at: pos) {
                let start = max(0, pos - 20)
                let text = String(chars[start..<(pos + close.count)])
                report(.unopenedTag, pieces[owner[pos]].place, "“\(text)”中的 \(delimiters.close) 前面没有 \(delimiters.open)")
                pos += close.count
            } else {
                pos += 1
            }
        }
        guard !spans.isEmpty else { return }
        var segments = Array(repeating: [XMLToken](), count: pieces.count)
        var pending = Array(repeating: "", count: pieces.count)
        var changed = Array(repeating: false, count: pieces.count)
        var next = 0
        var i = 0
        while i < chars.count {
            if next < spans.count, spans[next].start == i {
                let span = spans[next]
                for j in span.start..<span.end { changed[owner[j]] = true }
                let k = owner[i]
                if !pending[k].isEmpty { segments[k].append(.text(pending[k])); pending[k] = "" }
                segments[k].append(.tag(span.tag))
                i = span.end
                next += 1
                continue
            }
            pending[owner[i]].append(chars[i])
            i += 1
        }
        for k in pieces.indices where changed[k] {
            if !pending[k].isEmpty { segments[k].append(.text(pending[k])) }
            replacements[pieces[k].token] = segments[k]
        }
    }

    /// The tokens with lexed text replaced; `w:t` elements whose text changed keep spaces.
    private mutating func rebuild(_ tokens: [XMLToken]) -> [XMLToken] {
        guard !replacements.isEmpty else { return tokens }
        var out = [XMLToken]()
        out.reserveCapacity(tokens.count + tags.count * 2)
        for (i, token) in tokens.enumerated() {
            if let replacement = replacements[i] {
                if case .start(var t)? = out.last, t.name == "w:t" {
                    t[attribute: "xml:space"] = "preserve"
                    out[out.count - 1] = .start(t)
                }
                for r in replacement {
                    if case .tag(let n) = r { tags[n].token = out.count }
                    out.append(r)
                }
            } else {
                out.append(token)
            }
        }
        return out
    }

    private mutating func report(_ code: DiagnosticCode, _ place: DocxLocation, _ message: String) {
        diagnostics.append(.error(code, place: place.description, message))
    }

    private static func matches(_ needle: [Character], _ chars: [Character], at pos: Int) -> Bool {
        guard pos + needle.count <= chars.count else { return false }
        for (k, c) in needle.enumerated() where chars[pos + k] != c { return false }
        return true
    }
}
