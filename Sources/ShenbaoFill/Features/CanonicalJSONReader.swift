import ShenbaoCore

/// Reads JSON back into a `DataValue`, keeping key order and numbers' literal text, so that
/// embedded data read from a DOCX has the same canonical JSON and digest it was written with.
struct CanonicalJSONReader {
    private let bytes: [UInt8]
    private var i = 0
    private let source: String

    static func parse(_ text: String, source: String) throws -> DataValue {
        var reader = CanonicalJSONReader(bytes: Array(text.utf8), source: source)
        reader.skipSpace()
        let value = try reader.value(depth: 0)
        reader.skipSpace()
        guard reader.i == reader.bytes.count else { throw reader.failure("trailing characters") }
        return value
    }

    private init(bytes: [UInt8], source: String) {
        self.bytes = bytes
        self.source = source
    }

    private func failure(_ message: String) -> DiagnosticsError {
        DiagnosticsError([.error("bad-embedded-data", place: source, "invalid JSON at byte \(i): \(message)")])
    }

    private mutating func skipSpace() {
        while i < bytes.count, [0x20, 0x0A, 0x0D, 0x09].contains(bytes[i]) { i += 1 }
    }

    private mutating func value(depth: Int) throws -> DataValue {
        guard depth < 200, i < bytes.count else { throw failure("unexpected end") }
        switch bytes[i] {
        case 0x7B:
            i += 1
            var map = DataMap()
            skipSpace()
            if i < bytes.count, bytes[i] == 0x7D { i += 1; return DataValue(.map(map)) }
            while true {
                skipSpace()
                let key = try string()
                skipSpace()
                guard i < bytes.count, bytes[i] == 0x3A else { throw failure("expected :") }
                i += 1
                skipSpace()
                map.append(.init(key: key, value: try value(depth: depth + 1)))
                skipSpace()
                guard i < bytes.count else { throw failure("unexpected end") }
                if bytes[i] == 0x2C { i += 1; continue }
                guard bytes[i] == 0x7D else { throw failure("expected , or }") }
                i += 1
                return DataValue(.map(map))
            }
        case 0x5B:
            i += 1
            var items: [DataValue] = []
            skipSpace()
            if i < bytes.count, bytes[i] == 0x5D { i += 1; return DataValue(.list(items)) }
            while true {
                skipSpace()
                items.append(try value(depth: depth + 1))
                skipSpace()
                guard i < bytes.count else { throw failure("unexpected end") }
                if bytes[i] == 0x2C { i += 1; continue }
                guard bytes[i] == 0x5D else { throw failure("expected , or ]") }
                i += 1
                return DataValue(.list(items))
            }
        case 0x22: return DataValue(.string(try string()))
        default:
            let start = i
            while i < bytes.count, !",]} \n\r\t".utf8.contains(bytes[i]) { i += 1 }
            let word = String(decoding: bytes[start..<i], as: UTF8.self)
            switch word {
            case "null": return DataValue(.null)
            case "true": return DataValue(.bool(true))
            case "false": return DataValue(.bool(false))
            default:
                guard !word.isEmpty, word.allSatisfy({ "-+.eE0123456789".contains($0) }) else { throw failure("unexpected “\(word)”") }
                return DataValue(.number(word))
            }
        }
    }

    private mutating func string() throws -> String {
        guard i < bytes.count, bytes[i] == 0x22 else { throw failure("expected a string") }
        i += 1
        var out = [UInt8]()
        while i < bytes.count {
            let b = bytes[i]
            i += 1
            if b == 0x22 { return String(decoding: out, as: UTF8.self) }
            guard b == 0x5C else { out.append(b); continue }
            guard i < bytes.count else { break }
            let e = bytes[i]
            i += 1
            switch e {
            case 0x6E: out.append(0x0A)
            case 0x72: out.append(0x0D)
            case 0x74: out.append(0x09)
            case 0x62: out.append(0x08)
            case 0x66: out.append(0x0C)
            case 0x75:
                guard i + 4 <= bytes.count, let code = UInt32(String(decoding: bytes[i..<(i + 4)], as: UTF8.self), radix: 16) else {
                    throw failure("bad \\u escape")
                }
                i += 4
                var scalarValue = code
                if (0xD800..<0xDC00).contains(code), i + 6 <= bytes.count, bytes[i] == 0x5C, bytes[i + 1] == 0x75,
                    let low = UInt32(String(decoding: bytes[(i + 2)..<(i + 6)], as: UTF8.self), radix: 16)
                {
                    scalarValue = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                    i += 6
                }
                out.append(contentsOf: String(Character(Unicode.Scalar(scalarValue) ?? "\u{FFFD}")).utf8)
            default: out.append(e)
            }
        }
        throw failure("unclosed string")
    }
}
