import Yams

/// Finds the second occurrence of a duplicated YAML key, which Yams does not report, and hides it
/// so that composing can go on and find every other duplicate.
///
/// Yams stops at the first mapping with a repeated key and gives the first occurrence's mark.
/// A block mapping's next key with the same text sits at the same column on a later line, before
/// any line indented less; in a flow mapping it follows on the same line.
enum DuplicateKeyFinder {
    struct Place: Equatable {
        var line: Int
        var column: Int
        var length: Int
    }

    static func nextOccurrence(in text: String, after mark: Mark) -> Place? {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { Array($0.unicodeScalars) }
        let lineIndex = mark.line - 1
        let col = mark.column - 1
        guard lineIndex < lines.count, col < lines[lineIndex].count else { return nil }
        let first = lines[lineIndex]
        guard let token = keyToken(first, at: col) else { return nil }
        // Flow mapping: later on the same line.
        var i = col + token.count
        while i + token.count <= first.count {
            if Array(first[i..<(i + token.count)]) == token, i > 0, [" ", "{", ","].contains(first[i - 1]),
                keyToken(first, at: i) == token
            {
                return Place(line: mark.line, column: i + 1, length: token.count)
            }
            i += 1
        }
        // Block mapping: same column on a later line.
        for l in (lineIndex + 1)..<lines.count {
            let line = lines[l]
            let indent = line.prefix { $0 == " " }.count
            if indent == line.count || line[indent] == "#" { continue }
            if indent < col { return nil }
            if indent == col, keyToken(line, at: col) == token {
                return Place(line: l + 1, column: col + 1, length: token.count)
            }
        }
        return nil
    }

    /// Replaces the key at `place` with private-use characters of the same length, so columns
    /// after it do not move and it can no longer equal any key.
    static func renaming(_ place: Place, in text: String, serial: Int) -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { Array($0.unicodeScalars) }
        let marker = [Unicode.Scalar(0xF0000 + UInt32(serial))!] + Array(repeating: Unicode.Scalar(0xE000)!, count: place.length - 1)
        lines[place.line - 1].replaceSubrange((place.column - 1)..<(place.column - 1 + place.length), with: marker)
        return lines.map { line in
            var s = String.UnicodeScalarView()
            s.append(contentsOf: line)
            return String(s)
        }.joined(separator: "\n")
    }

    /// Whether a key was hidden by `renaming`.
    static func isRenamed(_ key: String) -> Bool {
        guard let first = key.unicodeScalars.first else { return false }
        return (0xF0000...0xF00FF).contains(first.value)
    }

    /// The key as written at `column`: a quoted string with its quotes, or plain text up to `:`.
    private static func keyToken(_ line: [Unicode.Scalar], at column: Int) -> [Unicode.Scalar]? {
        guard column < line.count else { return nil }
        let open = line[column]
        if open == "\"" || open == "'" {
            var i = column + 1
            while i < line.count {
                if line[i] == "\\" && open == "\"" { i += 2; continue }
                if line[i] == open { return Array(line[column...i]) }
                i += 1
            }
            return nil
        }
        var i = column
        while i < line.count {
            if line[i] == ":" && (i + 1 == line.count || line[i + 1] == " " || line[i + 1] == "," || line[i + 1] == "}") {
                var end = i
                while end > column && line[end - 1] == " " { end -= 1 }
                return Array(line[column..<end])
            }
            i += 1
        }
        return nil
    }
}
