/// The canonical JSON form of a data tree: what a filled DOCX embeds and what its digest covers.
///
/// Map keys keep their written order, scalars are JSON strings (numbers keep their literal text as
/// JSON numbers, booleans and null as themselves), no whitespace. The same data written in YAML or
/// JSON therefore gives the same bytes and the same SHA-256.
extension DataValue {
    public func canonicalJSON() -> [UInt8] {
        var out = [UInt8]()
        write(into: &out)
        return out
    }

    /// SHA-256 of `canonicalJSON()`, lowercase hex: the data digest recorded in filled documents.
    public var digest: String { SHA256.hex(canonicalJSON()) }

    private func write(into out: inout [UInt8]) {
        switch kind {
        case .null: out.append(contentsOf: "null".utf8)
        case .bool(let b): out.append(contentsOf: (b ? "true" : "false").utf8)
        case .number(let n): out.append(contentsOf: n.utf8)
        case .string(let s): Self.writeString(s, into: &out)
        case .list(let items):
            out.append(0x5B)
            for (i, item) in items.enumerated() {
                if i > 0 { out.append(0x2C) }
                item.write(into: &out)
            }
            out.append(0x5D)
        case .map(let map):
            out.append(0x7B)
            for (i, entry) in map.entries.enumerated() {
                if i > 0 { out.append(0x2C) }
                Self.writeString(entry.key, into: &out)
                out.append(0x3A)
                entry.value.write(into: &out)
            }
            out.append(0x7D)
        }
    }

    private static func writeString(_ s: String, into out: inout [UInt8]) {
        var s = s
        s.withUTF8 { bytes in
            out.append(0x22)
            var runStart = 0
            for (i, b) in bytes.enumerated() where b == 0x22 || b == 0x5C || b < 0x20 {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<i]))
                runStart = i + 1
                switch b {
                case 0x22: out.append(contentsOf: "\\\"".utf8)
                case 0x5C: out.append(contentsOf: "\\\\".utf8)
                case 0x0A: out.append(contentsOf: "\\n".utf8)
                case 0x0D: out.append(contentsOf: "\\r".utf8)
                case 0x09: out.append(contentsOf: "\\t".utf8)
                default:
                    let hex: StaticString = "0123456789abcdef"
                    out.append(contentsOf: "\\u00".utf8)
                    out.append(hex.utf8Start[Int(b >> 4)])
                    out.append(hex.utf8Start[Int(b & 15)])
                }
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart...]))
            out.append(0x22)
        }
    }
}
