import ShenbaoCore

/// A small JSON parser (RFC 8259) that keeps the line and column of every value and key, reports
/// duplicate keys, keeps numbers' literal text and refuses nesting or a count of keys and values
/// beyond the limits.
/// Foundation's `JSONSerialization` gives none of these.
///
/// The scanner moves a byte offset only; line and column are counted when a location is taken,
/// from the last location onwards, so each byte is counted once and strings are copied whole.
struct JSONReader {
    private let b: [UInt8]
    private let path: String
    /// `path` as a location, moved to each value's line and column.
    private let origin: SourceLocation
    /// Per object depth, the keys of the last object there, in order (`parseKey`).
    private var recentKeys: [[RecentKey]] = []
    /// Per object depth, how many of `recentKeys` the last object there had, all distinct and all
    /// remembered; 0 when it had a duplicate or a key not remembered.
    private var distinctRecentKeys: [Int] = []
    private let limits: DataLimits
    private var i = 0
    /// The last place a location was computed for: offset, line, column.
    private var mark = (offset: 0, line: 1, column: 1)
    private var duplicates: [Diagnostic] = []
    /// Keys and values read so far, against `limits.maximumExpandedValues` (as the YAML reader counts).
    private var count = 0

    /// The value and the duplicate keys found (a repeated key's later value is left out).
    /// - Throws: `DiagnosticsError` at the first syntax error, or when nesting is too deep.
    static func read(_ text: String, path: String, limits: DataLimits) throws -> (DataValue, [Diagnostic]) {
        try read(bytes: Array(text.utf8), path: path, limits: limits)
    }

    /// Like `read(_:path:limits:)` over UTF-8 `bytes` already checked to be valid, without a BOM.
    static func read(bytes: [UInt8], path: String, limits: DataLimits) throws -> (DataValue, [Diagnostic]) {
        var reader = JSONReader(b: bytes, path: path, limits: limits)
        reader.skipSpace()
        let value = try reader.parseValue(depth: 1)
        reader.skipSpace()
        if reader.i < reader.b.count { throw reader.syntax("数据结束后还有多余的内容") }
        return (value, reader.duplicates)
    }

    private init(b: [UInt8], path: String, limits: DataLimits) {
        self.b = b
        self.path = path
        self.origin = .file(path)
        self.limits = limits
    }

    /// The line and column (in Unicode scalars) of the current offset.
    private var here: SourceLocation {
        mutating get {
            var (line, column) = (mark.line, mark.column)
            b.withUnsafeBufferPointer { b in
                for k in mark.offset..<i {
                    if b[k] == 0x0A { line += 1; column = 1 } else if b[k] & 0xC0 != 0x80 { column += 1 }
                }
            }
            mark = (i, line, column)
            return origin.moved(line: line, column: column)
        }
    }
    private var peek: UInt8? { i < b.count ? b[i] : nil }

    private mutating func advance() { i += 1 }

    private mutating func skipSpace() {
        while i < b.count, b[i] == 0x20 || b[i] == 0x09 || b[i] == 0x0A || b[i] == 0x0D { i += 1 }
    }

    private mutating func syntax(_ message: String) -> DiagnosticsError {
        DiagnosticsError(duplicates + [.error(.jsonSyntax, at: here, "JSON 语法错误：\(message)")])
    }

    private mutating func unexpected(_ expecting: String) -> DiagnosticsError {
        guard let c = peek else { return syntax("文件意外结束，\(expecting)") }
        if c == 0x2F { return syntax("JSON 不允许注释") }
        if c == 0x27 { return syntax("字符串要用英文双引号 \"，不能用单引号") }
        if b[i...].starts(with: Array("“".utf8)) || b[i...].starts(with: Array("”".utf8)) {
            return syntax("用了中文引号“”，JSON 的字符串要用英文双引号 \"")
        }
        if c == 0xEF, b[i...].starts(with: Array("，".utf8)) || b[i...].starts(with: Array("：".utf8)) {
            return syntax("用了中文标点，JSON 的逗号和冒号要用英文 , 和 :")
        }
        let shown = String(decoding: b[i..<min(i + 4, b.count)], as: UTF8.self).unicodeScalars.first.map { String($0) } ?? "?"
        return syntax("这里不应出现「\(shown)」，\(expecting)")
    }

    private mutating func expect(_ byte: UInt8, _ expecting: String) throws {
        guard peek == byte else { throw unexpected(expecting) }
        advance()
    }

    private mutating func countValue() throws {
        count += 1
        if count > limits.maximumExpandedValues { throw DiagnosticsError(duplicates + [LimitMessages.tooManyValues(path: path, limits: limits)]) }
    }

    private mutating func parseValue(depth: Int) throws -> DataValue {
        try countValue()
        let start = here
        switch peek {
        case 0x7B: return try parseObject(depth: depth, start: start)
        case 0x5B: return try parseArray(depth: depth, start: start)
        case 0x22: return DataValue(.string(try parseString()), at: start)
        case 0x74: try literal("true"); return DataValue(.bool(true), at: start)
        case 0x66: try literal("false"); return DataValue(.bool(false), at: start)
        case 0x6E: try literal("null"); return DataValue(.null, at: start)
        case let c? where c == 0x2D || (0x30...0x39).contains(c): return DataValue(.number(try parseNumber()), at: start)
        default: throw unexpected("应为一个值（字符串、数字、true、false、null、[ 或 {）")
        }
    }

    private mutating func checkDepth(_ depth: Int, _ start: SourceLocation) throws {
        if depth > limits.maximumDepth { throw DiagnosticsError(duplicates + [LimitMessages.tooDeep(at: start, limits: limits)]) }
    }

    private mutating func parseObject(depth: Int, start: SourceLocation) throws -> DataValue {
        try checkDepth(depth, start)
        advance()
        var map = DataMap()
        skipSpace()
        if peek == 0x7D { advance(); return DataValue(.map(map), at: start) }
        // As many keys as the last object at this depth had: a table row grows its entries once.
        if depth < recentKeys.count { map.reserveCapacity(recentKeys[depth].count) }
        // While this object's keys are the last one's, in order, they are known to be distinct.
        let knownDistinct = depth < distinctRecentKeys.count ? distinctRecentKeys[depth] : 0
        var sameKeysSoFar = true, everyKeyRemembered = true, hadDuplicate = false
        while true {
            skipSpace()
            let keyLocation = here
            guard peek == 0x22 else {
                if peek == 0x7D { throw syntax("} 前面多了一个逗号") }
                throw unexpected("应为用双引号括起的键")
            }
            let ordinal = map.count
            let key = try parseKey(depth: depth, ordinal: ordinal)
            sameKeysSoFar = sameKeysSoFar && key.reused
            everyKeyRemembered = everyKeyRemembered && key.remembered
            try countValue()
            skipSpace()
            try expect(0x3A, "键后面应为冒号 :")
            skipSpace()
            let value = try parseValue(depth: depth + 1)
            let entry = DataMap.Entry(key: key.text, plain: key.plain, keyLocation: keyLocation, value: value)
            if sameKeysSoFar && ordinal < knownDistinct {
                map.appendNew(entry)
            } else if let first = map.appendUnlessPresent(entry)?.keyLocation {
                hadDuplicate = true
                duplicates.append(.error(
                    .duplicateKey, at: keyLocation, label: key.text, "键重复，第一次出现在第 \(first.line) 行第 \(first.column) 列"))
            }
            skipSpace()
            if peek == 0x2C { advance(); continue }
            try expect(0x7D, "应为逗号 , 或 }")
            while distinctRecentKeys.count <= depth { distinctRecentKeys.append(0) }
            distinctRecentKeys[depth] = everyKeyRemembered && !hadDuplicate ? map.count : 0
            return DataValue(.map(map), at: start)
        }
    }

    private mutating func parseArray(depth: Int, start: SourceLocation) throws -> DataValue {
        try checkDepth(depth, start)
        advance()
        var items: [DataValue] = []
        skipSpace()
        if peek == 0x5D { advance(); return DataValue(.list(items), at: start) }
        while true {
            skipSpace()
            if peek == 0x5D { throw syntax("] 前面多了一个逗号") }
            items.append(try parseValue(depth: depth + 1))
            skipSpace()
            if peek == 0x2C { advance(); continue }
            try expect(0x5D, "应为逗号 , 或 ]")
            return DataValue(.list(items), at: start)
        }
    }

    private mutating func literal(_ word: String) throws {
        for byte in word.utf8 {
            guard peek == byte else { throw unexpected("应为 \(word)") }
            advance()
        }
    }

    private mutating func parseNumber() throws -> String {
        let begin = i
        if peek == 0x2D { advance() }
        guard let first = peek, (0x30...0x39).contains(first) else { throw unexpected("负号后应为数字") }
        if first == 0x30 {
            advance()
            if let c = peek, (0x30...0x39).contains(c) { throw syntax("数字不能以 0 开头；电话、编号等请写成字符串（加双引号）") }
        } else {
            while let c = peek, (0x30...0x39).contains(c) { advance() }
        }
        if peek == 0x2E {
            advance()
            guard let c = peek, (0x30...0x39).contains(c) else { throw unexpected("小数点后应为数字") }
            while let c = peek, (0x30...0x39).contains(c) { advance() }
        }
        if peek == 0x65 || peek == 0x45 {
            advance()
            if peek == 0x2B || peek == 0x2D { advance() }
            guard let c = peek, (0x30...0x39).contains(c) else { throw unexpected("指数应为数字") }
            while let c = peek, (0x30...0x39).contains(c) { advance() }
        }
        if let c = peek, c == 0x2D || (0x41...0x5A).contains(c) || (0x61...0x7A).contains(c) {
            throw syntax("数字后面跟了别的字符；电话、日期等请写成字符串（加双引号）")
        }
        return String(decoding: b[begin..<i], as: UTF8.self)
    }

    /// The input's bytes in `range` as a string.
    private func text(_ range: Range<Int>) -> String {
        b.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[range]), as: UTF8.self) }
    }

    /// Where the plain run of a string starting at `begin` ends: at its closing quote when it has
    /// no escape and no control character.
    private func plainEnd(from begin: Int) -> Int {
        b.withUnsafeBufferPointer { b in
            var k = begin
            while k < b.count, b[k] != 0x22, b[k] != 0x5C, b[k] >= 0x20 { k += 1 }
            return k
        }
    }

    /// A key and its `DataKey.isPlain`. The k-th key of an object is most often the k-th key of
    /// the last object at the same depth (a table's rows): that key's string is reused when the
    /// bytes are the same, instead of decoding and classifying it again.
    private mutating func parseKey(depth: Int, ordinal: Int) throws -> ParsedKey {
        let begin = i + 1
        let end = plainEnd(from: begin)
        guard end < b.count, b[end] == 0x22 else {
            let key = try parseString()
            return ParsedKey(text: key, plain: DataKey.isPlain(key), reused: false, remembered: false)
        }
        i = end + 1
        while recentKeys.count <= depth { recentKeys.append([]) }
        if ordinal < recentKeys[depth].count {
            let recent = recentKeys[depth][ordinal]
            if recent.bytes.elementsEqual(b[begin..<end]) { return ParsedKey(text: recent.key, plain: recent.plain, reused: true, remembered: true) }
        }
        let key = text(begin..<end)
        let remembered = RecentKey(bytes: Array(b[begin..<end]), key: key, plain: DataKey.isPlain(key))
        var stored = true
        if ordinal < recentKeys[depth].count {
            recentKeys[depth][ordinal] = remembered
        } else if ordinal == recentKeys[depth].count, ordinal < Self.recentKeysPerDepth {
            recentKeys[depth].append(remembered)
        } else {
            stored = false
        }
        return ParsedKey(text: key, plain: remembered.plain, reused: false, remembered: stored)
    }

    /// A key as `parseKey` read it: whether it is the last object's key at this place (`reused`)
    /// and whether it is now remembered there.
    private struct ParsedKey {
        var text: String
        var plain: Bool
        var reused: Bool
        var remembered: Bool
    }

    private struct RecentKey {
        var bytes: [UInt8]
        var key: String
        var plain: Bool
    }

    /// Keys remembered per object depth: enough for a table row's columns.
    private static let recentKeysPerDepth = 32

    private mutating func parseString() throws -> String {
        advance()
        // Fast path: no escape before the closing quote, so the string is a slice of the input.
        let begin = i
        let end = plainEnd(from: begin)
        if end < b.count, b[end] == 0x22 {
            i = end + 1
            return text(begin..<end)
        }
        var out = Array(b[begin..<end])
        i = end
        while true {
            guard let c = peek else { throw syntax("字符串没有闭合（缺少结尾的 \"）") }
            switch c {
            case 0x22:
                advance()
                return String(decoding: out, as: UTF8.self)
            case 0x5C:
                advance()
                guard let e = peek else { throw syntax("字符串没有闭合（缺少结尾的 \"）") }
                let simple: [UInt8: UInt8] = [0x22: 0x22, 0x5C: 0x5C, 0x2F: 0x2F, 0x62: 0x08, 0x66: 0x0C, 0x6E: 0x0A, 0x72: 0x0D, 0x74: 0x09]
                if let s = simple[e] {
                    out.append(s)
                    advance()
                } else if e == 0x75 {
                    advance()
                    var scalar = try hex4()
                    if (0xD800...0xDBFF).contains(scalar), peek == 0x5C, i + 1 < b.count, b[i + 1] == 0x75 {
                        advance(); advance()
                        let low = try hex4()
                        guard (0xDC00...0xDFFF).contains(low) else { throw syntax("\\u 代理对不完整") }
                        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    }
                    guard let u = Unicode.Scalar(scalar) else { throw syntax("\\u 转义不是有效字符") }
                    out.append(contentsOf: Array(String(Character(u)).utf8))
                } else {
                    throw syntax("无效的转义 \\\(Character(Unicode.Scalar(e)))；反斜杠本身要写成 \\\\")
                }
            case 0x0A, 0x0D:
                throw syntax("字符串中不能直接换行，请写成 \\n")
            case 0..<0x20:
                throw syntax("字符串中有控制字符，请写成 \\u 转义")
            default:
                out.append(c)
                advance()
            }
        }
    }

    private mutating func hex4() throws -> UInt32 {
        var v: UInt32 = 0
        for _ in 0..<4 {
            guard let c = peek else { throw syntax("\\u 后应有 4 位十六进制数") }
            let d: UInt32
            switch c {
            case 0x30...0x39: d = UInt32(c - 0x30)
            case 0x41...0x46: d = UInt32(c - 0x41 + 10)
            case 0x61...0x66: d = UInt32(c - 0x61 + 10)
            default: throw syntax("\\u 后应有 4 位十六进制数")
            }
            v = v << 4 | d
            advance()
        }
        return v
    }
}
