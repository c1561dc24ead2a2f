import ShenbaoCore

/// Turns a data file's bytes into text: UTF-8 with or without a byte order mark.
///
/// Anything else is refused with the place of the first byte that is not UTF-8 and, when the file
/// looks like GBK/GB18030 (what Chinese Windows saves by default) or UTF-16, how to convert it.
enum TextDecoding {
    /// The decoded text without its BOM.
    /// - Throws: `DiagnosticsError` (`not-utf8`) at the first offending byte's line and column.
    static func decode(_ bytes: [UInt8], path: String) throws -> String {
        String(decoding: try validUTF8(bytes, path: path), as: UTF8.self)
    }

    /// The bytes without their BOM, checked to be UTF-8.
    /// - Throws: `DiagnosticsError` (`not-utf8`) at the first offending byte's line and column.
    static func validUTF8(_ bytes: [UInt8], path: String) throws -> [UInt8] {
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            throw DiagnosticsError([
                .error(
                    .notUtf8, at: SourceLocation(file: path, line: 1, column: 1),
                    "文件是 UTF-16 编码，请另存为 UTF-8，或运行 iconv -f UTF-16 -t UTF-8 \(quoted(path)) > \(quoted(convertedName(path)))")
            ])
        }
        let start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        if let bad = firstInvalidUTF8(bytes, from: start) {
            let location = self.location(ofByte: bad, in: bytes, from: start, path: path)
            let hex = bytes[bad..<min(bad + 2, bytes.count)].map { String($0, radix: 16, uppercase: true) }.joined(separator: " ")
            let message: String
            if looksLikeGB18030(bytes, from: start) {
                message = "文件不是 UTF-8 编码，看起来是 GBK/GB18030（中文 Windows 的默认编码；第一个非 UTF-8 字节 0x\(hex)）。"
                    + "请在编辑器中另存为 UTF-8，或运行 iconv -f GB18030 -t UTF-8 \(quoted(path)) > \(quoted(convertedName(path)))"
            } else {
                message = "文件不是 UTF-8 编码（第一个非 UTF-8 字节 0x\(hex)），请另存为 UTF-8"
            }
            throw DiagnosticsError([.error(.notUtf8, at: location, message)])
        }
        return withoutByteOrderMark(bytes)
    }

    /// The bytes without a UTF-8 byte order mark (not checked).
    static func withoutByteOrderMark(_ bytes: [UInt8]) -> [UInt8] {
        bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes[3...]) : bytes
    }

    /// The offset of the first byte that does not start or continue a valid UTF-8 sequence.
    static func firstInvalidUTF8(_ b: [UInt8], from start: Int) -> Int? {
        var i = start
        let n = b.count
        while i < n {
            let c = b[i]
            if c < 0x80 { i += 1; continue }
            let need: Int
            var scalar: UInt32
            let minimum: UInt32
            if c & 0xE0 == 0xC0 { need = 1; scalar = UInt32(c & 0x1F); minimum = 0x80 }
            else if c & 0xF0 == 0xE0 { need = 2; scalar = UInt32(c & 0x0F); minimum = 0x800 }
            else if c & 0xF8 == 0xF0 { need = 3; scalar = UInt32(c & 0x07); minimum = 0x10000 }
            else { return i }
            guard i + need < n else { return i }
            for k in 1...need {
                let d = b[i + k]
                guard d & 0xC0 == 0x80 else { return i }
                scalar = scalar << 6 | UInt32(d & 0x3F)
            }
            if scalar < minimum || scalar > 0x10FFFF || (0xD800...0xDFFF).contains(scalar) { return i }
            i += need + 1
        }
        return nil
    }

    /// Whether every byte sequence is a valid GB18030 character (one, two or four bytes) and at
    /// least one is not ASCII.
    static func looksLikeGB18030(_ b: [UInt8], from start: Int) -> Bool {
        var i = start
        var multibyte = false
        while i < b.count {
            let c = b[i]
            if c < 0x80 { i += 1; continue }
            guard (0x81...0xFE).contains(c), i + 1 < b.count else { return false }
            let d = b[i + 1]
            if (0x40...0x7E).contains(d) || (0x80...0xFE).contains(d) {
                i += 2
            } else if (0x30...0x39).contains(d), i + 3 < b.count, (0x81...0xFE).contains(b[i + 2]),
                (0x30...0x39).contains(b[i + 3])
            {
                i += 4
            } else {
                return false
            }
            multibyte = true
        }
        return multibyte
    }

    /// Line and column (in Unicode scalars, 1-based) of byte `offset`; the bytes before it are UTF-8.
    static func location(ofByte offset: Int, in b: [UInt8], from start: Int, path: String) -> SourceLocation {
        var line = 1
        var column = 1
        var i = start
        while i < offset {
            if b[i] == 0x0A { line += 1; column = 1 } else if b[i] & 0xC0 != 0x80 { column += 1 }
            i += 1
        }
        return SourceLocation(file: path, line: line, column: column)
    }

    private static func quoted(_ path: String) -> String {
        path.contains(" ") ? "'\(path)'" : path
    }

    private static func convertedName(_ path: String) -> String {
        if let dot = path.lastIndex(of: "."), !path[dot...].contains("/") {
            return path[..<dot] + ".utf8" + path[dot...]
        }
        return path + ".utf8"
    }
}
