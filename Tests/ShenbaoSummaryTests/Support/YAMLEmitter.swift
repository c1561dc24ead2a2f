import ShenbaoCore

/// Writes a data tree as block YAML, strings double-quoted, numbers plain: how the tests turn a
/// modified sample back into the data files a bureau receives.
enum YAMLEmitter {
    static func emit(_ value: DataValue) -> String {
        var out = ""
        write(value, indent: 0, into: &out)
        return out
    }

    private static func write(_ value: DataValue, indent: Int, into out: inout String) {
        let pad = String(repeating: " ", count: indent)
        switch value.kind {
        case .map(let map):
            for e in map.entries {
                switch e.value.kind {
                case .map(let m) where !m.isEmpty:
                    out += "\(pad)\(e.key):\n"
                    write(e.value, indent: indent + 2, into: &out)
                case .list(let l) where !l.isEmpty:
                    out += "\(pad)\(e.key):\n"
                    write(e.value, indent: indent + 2, into: &out)
                default:
                    out += "\(pad)\(e.key): \(scalar(e.value))\n"
                }
            }
        case .list(let items):
            for item in items {
                if case .map(let m) = item.kind, !m.isEmpty {
                    var nested = ""
                    write(item, indent: indent + 2, into: &nested)
                    out += pad + "- " + nested.dropFirst(indent + 2)
                } else {
                    out += "\(pad)- \(scalar(item))\n"
                }
            }
        default:
            out += pad + scalar(value) + "\n"
        }
    }

    private static func scalar(_ value: DataValue) -> String {
        switch value.kind {
        case .null: return "null"
        case .bool(let b): return b ? "true" : "false"
        case .number(let n): return n
        case .string(let s): return String(decoding: DataValue.string(s).canonicalJSON(), as: UTF8.self)
        case .map: return "{}"
        case .list: return "[]"
        }
    }
}
