/// The one JSON printer. Objects' keys come out in Unicode scalar order (the same bytes on every
/// machine and locale); strings escape `"`, `\` and the C0 controls, and for text meant for a
/// terminal also DEL and the C1 controls, so nothing raw reaches one and the text reads back the
/// same. `DataValue.canonicalJSON()` writes its strings through `appendString` too.
package enum JSONWriter {
    /// How pretty output is laid out.
    package enum Style: Sendable {
        /// Reports (`--format json`): `"key" : value`, one array item a line.
        case report
        /// Documents people read and edit (a JSON Schema): `"key": value`, and an array of
        /// strings on one line (`["string", "number"]`).
        case document
    }

    /// `value` pretty-printed, two spaces an indent, with a final newline.
    package static func pretty(_ value: JSONValue, style: Style = .report) -> String {
        var out: [UInt8] = []
        write(value, indent: 0, pretty: true, style: style, into: &out)
        out.append(0x0A)
        return String(decoding: out, as: UTF8.self)
    }

    /// `value` on one line, no spaces.
    package static func compact(_ value: JSONValue) -> String {
        var out: [UInt8] = []
        write(value, indent: 0, pretty: false, style: .report, into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Whether `a` sorts before `b` as object keys are printed: by Unicode scalar values.
    package static func keyPrecedes(_ a: String, _ b: String) -> Bool {
        a.unicodeScalars.lexicographicallyPrecedes(b.unicodeScalars)
    }

    private static func write(_ value: JSONValue, indent: Int, pretty: Bool, style: Style, into out: inout [UInt8]) {
        switch value {
        case .null: out.append(contentsOf: "null".utf8)
        case .bool(let b): out.append(contentsOf: (b ? "true" : "false").utf8)
        case .number(let n): out.append(contentsOf: n.utf8)
        case .string(let s): appendString(s, into: &out, escapingC1: true)
        case .array(let items):
            guard !items.isEmpty else { out.append(contentsOf: "[]".utf8); return }
            let inline = pretty && style == .document && items.allSatisfy { if case .string = $0 { true } else { $0 == .null } }
            out.append(0x5B)
            for (i, item) in items.enumerated() {
                if i > 0 { out.append(contentsOf: (inline ? ", " : ",").utf8) }
                if !inline { newline(indent + 1, pretty, &out) }
                write(item, indent: indent + 1, pretty: pretty, style: style, into: &out)
            }
            if !inline { newline(indent, pretty, &out) }
            out.append(0x5D)
        case .object(let members):
            let sorted = members.keys.sorted(by: keyPrecedes).map { JSONMember(key: $0, value: members[$0]!) }
            writeMembers(sorted, indent: indent, pretty: pretty, style: style, into: &out)
        case .members(let members):
            writeMembers(members, indent: indent, pretty: pretty, style: style, into: &out)
        }
    }

    private static func writeMembers(_ members: [JSONMember], indent: Int, pretty: Bool, style: Style, into out: inout [UInt8]) {
        guard !members.isEmpty else { out.append(contentsOf: "{}".utf8); return }
        out.append(0x7B)
        for (i, member) in members.enumerated() {
            if i > 0 { out.append(0x2C) }
            newline(indent + 1, pretty, &out)
            appendString(member.key, into: &out, escapingC1: true)
            out.append(contentsOf: (!pretty ? ":" : style == .document ? ": " : " : ").utf8)
            write(member.value, indent: indent + 1, pretty: pretty, style: style, into: &out)
        }
        newline(indent, pretty, &out)
        out.append(0x7D)
    }

    private static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)

    private static func newline(_ indent: Int, _ pretty: Bool, _ out: inout [UInt8]) {
        guard pretty else { return }
        out.append(0x0A)
        out.append(contentsOf: repeatElement(0x20, count: indent * 2))
    }

    /// Appends `s` as a JSON string: `"`, `\` and C0 controls escaped (`\n`, `\r`, `\t`, else
    /// `\u00XX`); with `escapingC1`, DEL and U+0080–U+009F as `\u00XX` too. Other characters are
    /// written as UTF-8, `/` unescaped.
    package static func appendString(_ s: String, into out: inout [UInt8], escapingC1: Bool) {
        var s = s
        s.withUTF8 { bytes in
            out.append(0x22)
            var runStart = 0
            var i = 0
            while i < bytes.count {
                let b = bytes[i]
                // U+0080–U+009F is C2 80–C2 9F in UTF-8; DEL is 7F.
                let c1 = escapingC1 && (b == 0x7F || (b == 0xC2 && i + 1 < bytes.count && (0x80...0x9F).contains(bytes[i + 1])))
                guard b == 0x22 || b == 0x5C || b < 0x20 || c1 else { i += 1; continue }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<i]))
                switch b {
                case 0x22: out.append(contentsOf: "\\\"".utf8)
                case 0x5C: out.append(contentsOf: "\\\\".utf8)
                case 0x0A: out.append(contentsOf: "\\n".utf8)
                case 0x0D: out.append(contentsOf: "\\r".utf8)
                case 0x09: out.append(contentsOf: "\\t".utf8)
                default:
                    let scalar = b == 0xC2 ? bytes[i + 1] : b
                    out.append(contentsOf: "\\u00".utf8)
                    out.append(hexDigits[Int(scalar >> 4)])
                    out.append(hexDigits[Int(scalar & 15)])
                }
                i += b == 0xC2 ? 2 : 1
                runStart = i
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart...]))
            out.append(0x22)
        }
    }
}
