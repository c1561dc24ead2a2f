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
        JSONWriter.appendString(s, into: &out, escapingC1: false)
    }
}
