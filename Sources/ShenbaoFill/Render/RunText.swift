import ShenbaoOOXML

/// Writes a value's text inside a `w:t`: XML-escaped, a newline as `<w:br/>` and a tab as
/// `<w:tab/>` in the same run (so the run's formatting applies), characters XML forbids dropped.
enum RunText {
    private static let lineBreak = Array("</w:t><w:br/><w:t xml:space=\"preserve\">".utf8)
    private static let tab = Array("</w:t><w:tab/><w:t xml:space=\"preserve\">".utf8)

    static func append(_ text: String, into out: inout [UInt8]) {
        var text = text
        text.withUTF8 { bytes in append(bytes, into: &out) }
    }

    private static func append(_ bytes: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) {
        var plain = true
        for b in bytes where b < 0x20 || b == 0x26 || b == 0x3C || b == 0x3E {
            plain = false
            break
        }
        if plain {
            out.append(contentsOf: bytes)
            return
        }
        var previous: UInt8 = 0
        for b in bytes {
            switch b {
            case 0x26: out.append(contentsOf: [0x26, 0x61, 0x6D, 0x70, 0x3B])
            case 0x3C: out.append(contentsOf: [0x26, 0x6C, 0x74, 0x3B])
            case 0x3E: out.append(contentsOf: [0x26, 0x67, 0x74, 0x3B])
            case 0x0A: if previous != 0x0D { out.append(contentsOf: lineBreak) }
            case 0x0D: out.append(contentsOf: lineBreak)
            case 0x09: out.append(contentsOf: tab)
            case 0..<0x20: break
            default: out.append(b)
            }
            previous = b
        }
    }
}
