/// Writes XML trees back to bytes, the way Word writes them: a UTF-8 declaration, `\r\n`, no
/// indentation added, empty elements as `<x/>`. Deterministic: the same tree gives the same bytes.
package enum XMLSerializer {
    /// The bytes of a whole part, with its XML declaration.
    package static func serialize(_ part: XMLPart) -> [UInt8] {
        var out = [UInt8]()
        out.reserveCapacity(1 << 16)
        let standalone = part.standalone ? " standalone=\"yes\"" : ""
        out.append(contentsOf: "<?xml version=\"1.0\" encoding=\"UTF-8\"\(standalone)?>\r\n".utf8)
        write(part.root, into: &out)
        return out
    }

    /// Appends `element` and its subtree to `out`.
    package static func write(_ element: XMLElement, into out: inout [UInt8]) {
        writeStartTag(element, selfClosing: element.children.isEmpty, into: &out)
        if element.children.isEmpty { return }
        for child in element.children {
            switch child {
            case .element(let e): write(e, into: &out)
            case .text(let t): appendEscapedText(t, into: &out)
            case .raw(let r): out.append(contentsOf: r.utf8)
            }
        }
        writeEndTag(element.name, into: &out)
    }

    /// Appends `<name attr="v">` (or `<name/>` when `selfClosing`).
    package static func writeStartTag(_ element: XMLElement, selfClosing: Bool, into out: inout [UInt8]) {
        out.append(0x3C)
        out.append(contentsOf: element.name.utf8)
        for a in element.attributes {
            out.append(0x20)
            out.append(contentsOf: a.name.utf8)
            out.append(contentsOf: "=\"".utf8)
            appendEscapedAttribute(a.value, into: &out)
            out.append(0x22)
        }
        if selfClosing { out.append(0x2F) }
        out.append(0x3E)
    }

    package static func writeEndTag(_ name: String, into out: inout [UInt8]) {
        out.append(contentsOf: "</".utf8)
        out.append(contentsOf: name.utf8)
        out.append(0x3E)
    }

    /// Escapes `&`, `<` and `>` in character data.
    package static func appendEscapedText(_ s: String, into out: inout [UInt8]) {
        var s = s
        s.withUTF8 { appendEscapedText(bytes: $0, into: &out) }
    }

    /// Escapes `&`, `<` and `>` in UTF-8 character data, copying the runs between them whole.
    package static func appendEscapedText(bytes: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) {
        var runStart = 0
        for (i, b) in bytes.enumerated() where b == 0x26 || b == 0x3C || b == 0x3E {
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<i]))
            runStart = i + 1
            switch b {
            case 0x26: out.append(contentsOf: "&amp;".utf8)
            case 0x3C: out.append(contentsOf: "&lt;".utf8)
            default: out.append(contentsOf: "&gt;".utf8)
            }
        }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart...]))
    }

    /// Escapes an attribute value, including quotes and whitespace that parsers would normalise.
    package static func appendEscapedAttribute(_ s: String, into out: inout [UInt8]) {
        for b in s.utf8 {
            switch b {
            case 0x26: out.append(contentsOf: "&amp;".utf8)
            case 0x3C: out.append(contentsOf: "&lt;".utf8)
            case 0x3E: out.append(contentsOf: "&gt;".utf8)
            case 0x22: out.append(contentsOf: "&quot;".utf8)
            case 0x0A: out.append(contentsOf: "&#10;".utf8)
            case 0x0D: out.append(contentsOf: "&#13;".utf8)
            case 0x09: out.append(contentsOf: "&#9;".utf8)
            default: out.append(b)
            }
        }
    }

    /// The escaped text as a String, for building XML by hand.
    package static func escapeText(_ s: String) -> String {
        var out = [UInt8]()
        appendEscapedText(s, into: &out)
        return String(decoding: out, as: UTF8.self)
    }
}
