import ShenbaoCore

/// The lines of a text being read, found only when a message needs one (most files never do).
final class SourceLines {
    private let bytes: [UInt8]
    private lazy var starts: [Int] = {
        var starts = [0]
        for (i, b) in bytes.enumerated() where b == 0x0A { starts.append(i + 1) }
        return starts
    }()

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    /// Line `number` (1-based) as characters, without its line break; empty past the end.
    func line(_ number: Int) -> [Character] {
        guard number >= 1, number <= starts.count else { return [] }
        let start = starts[number - 1]
        var end = number < starts.count ? starts[number] - 1 : bytes.count
        if end > start && bytes[end - 1] == 0x0D { end -= 1 }
        return Array(String(decoding: bytes[start..<end], as: UTF8.self))
    }

    /// The line and column of byte `offset`.
    func location(ofByte offset: Int, path: String) -> SourceLocation {
        TextDecoding.location(ofByte: min(offset, bytes.count), in: bytes, from: 0, path: path)
    }

    /// The Unicode scalar whose UTF-8 starts at byte `offset`, if any.
    func scalar(atByte offset: Int) -> Unicode.Scalar? {
        guard offset >= 0, offset < bytes.count else { return nil }
        return String(decoding: bytes[offset..<min(offset + 4, bytes.count)], as: UTF8.self).unicodeScalars.first
    }

    /// The character at `mark`, if any.
    func character(at mark: YAMLMark) -> Character? {
        let text = line(mark.line)
        return mark.column >= 1 && mark.column <= text.count ? text[mark.column - 1] : nil
    }

    /// What stands on the line before `mark`.
    func prefix(before mark: YAMLMark) -> ArraySlice<Character> {
        let text = line(mark.line)
        return text[..<min(max(mark.column - 1, 0), text.count)]
    }

    /// The bytes before `mark` on its line when they are all among `allowed` (ASCII), else nil;
    /// reads no further than the mark, so asking about every key of a big file stays cheap.
    private func asciiPrefix(before mark: YAMLMark, allowed: Set<UInt8>) -> ArraySlice<UInt8>? {
        guard mark.line >= 1, mark.line <= starts.count else { return nil }
        let start = starts[mark.line - 1]
        let end = start + mark.column - 1
        guard end <= bytes.count else { return nil }
        let prefix = bytes[start..<end]
        return prefix.allSatisfy(allowed.contains) ? prefix : nil
    }

    /// Whether `mark` follows an explicit-key indicator (`? key`) on its line.
    func isExplicitKey(at mark: YAMLMark) -> Bool {
        guard mark.column > 1, let prefix = asciiPrefix(before: mark, allowed: [0x20, 0x2D, 0x3F]) else { return false }
        return prefix.last(where: { $0 != 0x20 }) == 0x3F
    }

    /// The place of the `?` before an explicit key at `mark`.
    func indicatorBefore(_ mark: YAMLMark) -> YAMLMark {
        let column = prefix(before: mark).lastIndex(of: "?").map { $0 + 1 } ?? mark.column
        return YAMLMark(line: mark.line, column: column)
    }

    /// Whether only indentation and list dashes (`- `) stand before `mark` on its line: a value
    /// there starts its line rather than following its key.
    func startsLine(_ mark: YAMLMark) -> Bool {
        asciiPrefix(before: mark, allowed: [0x20, 0x2D]) != nil
    }
}
