import Foundation
import ShenbaoCore

/// YAML typed with a Chinese input method: quotes “…” ‘…’ that YAML does not know, a full-width
/// colon （：） after a key, list items separated by 、 or ，. libyaml reads such text as plain
/// words, or fails a line later with a message about something else; these checks say what was
/// typed, at the key's own line and column, and how to write it.
enum ChinesePunctuation {
    /// Where a plain scalar stands.
    enum Position: Equatable {
        case key
        /// A value; `key` is the mapping key it belongs to, if any.
        case value(key: String?)
        case flowListItem
    }

    static let fullWidthColon: Character = "："
    static let openingQuotes: Set<Character> = ["“", "‘"]
    static let closingQuotes: Set<Character> = ["”", "’"]
    static let listSeparators: Set<Character> = ["、", "，"]

    /// The problem with a plain scalar `text` read at `mark`, or nil when it reads as meant.
    static func check(_ text: String, at mark: YAMLMark, position: Position, in source: SourceLines, path: String) -> Diagnostic? {
        // Every character looked for is encoded from a lead byte 0xE2, 0xE3 or 0xEF.
        guard text.utf8.contains(where: { $0 == 0xE2 || $0 == 0xE3 || $0 == 0xEF }) else { return nil }
        let at = SourceLocation(file: path, line: mark.line, column: mark.column)
        let chars = Array(text)
        if chars.count >= 2, let first = chars.first, let last = chars.last, openingQuotes.contains(first), closingQuotes.contains(last) {
            let inner = String(chars.dropFirst().dropLast())
            if position == .key {
                return .error(.chineseQuotes, at: at, "键「\(text)」两端是中文引号：请去掉引号，写成 \(inner): …")
            }
            return .error(.chineseQuotes, at: at, label: position.key,
                          "「\(text)」两端是中文引号，引号会原样填进表格：请去掉引号，写成 \(inner)；确需引号时用英文引号 \"\(inner)\"")
        }
        switch position {
        case .key:
            if let colon = chars.firstIndex(of: fullWidthColon) {
                return colonDiagnostic(key: String(chars[..<colon]), rest: String(chars[(colon + 1)...]), at: at)
            }
        case .value:
            // A value that starts its own line and reads `键：…` is a key typed with the wrong colon.
            if chars.contains(fullWidthColon), source.startsLine(mark), let (key, rest) = keyBeforeColon(source.line(mark.line)[(mark.column - 1)...]) {
                return colonDiagnostic(key: key, rest: rest, at: at)
            }
        case .flowListItem:
            if chars.contains(where: listSeparators.contains) {
                let items = text.split(whereSeparator: { listSeparators.contains($0) || $0 == "," }).map { $0.trimmingCharacters(in: .whitespaces) }
                return .error(.listSeparator, at: at,
                              "「\(text)」里的「、」或「，」不能分隔列表项：列表项之间要用英文逗号，写成 [\(items.joined(separator: ", "))]")
            }
        }
        return nil
    }

    /// A clearer diagnosis of a syntax error caused by a full-width colon after a key (libyaml
    /// reports it a line later) or a full-width comma between the entries of `{…}` or `[…]`.
    /// - Parameter textLines: lines inside quoted or block scalars, whose words are text.
    static func explain(_ error: YAMLSyntaxError, in source: SourceLines, textLines: ClosedRange<Int>?, path: String) -> Diagnostic? {
        guard error.stage == .scanner || error.stage == .parser else { return nil }
        // The key libyaml was reading (`while scanning a simple key`), else the lines just before.
        var candidates = Array((max(1, error.mark.line - 2)...error.mark.line).reversed())
        if let context = error.contextMark, context.line < error.mark.line - 2, context.line >= error.mark.line - 5 { candidates.append(context.line) }
        for number in candidates where !(textLines?.contains(number) ?? false) {
            let line = source.line(number)
            let indent = line.prefix { $0 == " " || $0 == "-" }.count
            if let (key, rest) = keyBeforeColon(line[indent...]) {
                return colonDiagnostic(key: key, rest: rest, at: SourceLocation(file: path, line: number, column: indent + 1))
            }
        }
        let line = source.line(error.mark.line)
        let upTo = line[..<min(max(error.mark.column, 1), line.count)]
        if let open = upTo.firstIndex(where: { $0 == "{" || $0 == "[" }),
            let comma = upTo[open...].firstIndex(where: listSeparators.contains)
        {
            return .error(.listSeparator, at: SourceLocation(file: path, line: error.mark.line, column: comma + 1),
                          "花括号或方括号里的各项要用英文逗号「,」隔开，这里是中文的「\(line[comma])」")
        }
        return nil
    }

    /// `电话：0531…` → (电话, 0531…) when the text before the first full-width colon can be a key:
    /// no spaces, no ASCII colon, quote or bracket, at most 40 characters.
    private static func keyBeforeColon(_ text: ArraySlice<Character>) -> (String, String)? {
        guard let colon = text.firstIndex(of: fullWidthColon) else { return nil }
        let key = String(text[..<colon]).trimmingCharacters(in: .whitespaces)
        guard !key.isEmpty, key.count <= 40,
            !key.contains(where: { " \t:#\"'{}[],".contains($0) })
        else { return nil }
        let rest = String(text[text.index(after: colon)...]).trimmingCharacters(in: .whitespaces)
        return (key, rest)
    }

    private static func colonDiagnostic(key: String, rest: String, at: SourceLocation) -> Diagnostic {
        let fixed = rest.isEmpty ? "\(key):" : "\(key): \(rest)"
        return .error(.fullWidthColon, at: at, "「\(key)」后面是中文冒号「：」：键后应为英文冒号加空格，写成 \(fixed)")
    }
}

extension ChinesePunctuation.Position {
    var key: String? {
        if case .value(let key) = self { return key }
        return nil
    }
}
