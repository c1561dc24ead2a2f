import ShenbaoOOXML

/// Small helpers to build XML trees for the parts the summary writes from scratch.
enum XMLBuild {
    /// An element with attributes in the given order and element children.
    static func el(_ name: String, _ attributes: KeyValuePairs<String, String> = [:], _ children: [XMLElement] = []) -> XMLElement {
        XMLElement(name, attributes: attributes.map { XMLAttribute($0.key, $0.value) }, children: children.map { .element($0) })
    }

    /// An element holding text only.
    static func text(_ name: String, _ attributes: KeyValuePairs<String, String> = [:], _ text: String) -> XMLElement {
        XMLElement(name, attributes: attributes.map { XMLAttribute($0.key, $0.value) }, children: [.text(clean(text))])
    }

    /// An element holding text only, without attributes.
    static func text(_ name: String, _ text: String) -> XMLElement {
        XMLElement(name, children: [.text(clean(text))])
    }

    /// A serialized standalone part.
    static func part(_ root: XMLElement) -> [UInt8] { XMLSerializer.serialize(XMLPart(root: root, standalone: true)) }

    /// Drops characters XML 1.0 cannot hold (controls other than tab, newline, return).
    static func clean(_ s: String) -> String {
        guard s.unicodeScalars.contains(where: { $0.value < 0x20 && $0 != "\t" && $0 != "\n" && $0 != "\r" || $0.value == 0xFFFE || $0.value == 0xFFFF }) else {
            return s
        }
        return String(String.UnicodeScalarView(s.unicodeScalars.filter {
            !($0.value < 0x20 && $0 != "\t" && $0 != "\n" && $0 != "\r") && $0.value != 0xFFFE && $0.value != 0xFFFF
        }))
    }

    /// Display width in character cells: CJK and other wide characters count 2.
    static func displayWidth(_ s: String) -> Int {
        s.unicodeScalars.reduce(0) { $0 + (isWide($1) ? 2 : 1) }
    }

    private static func isWide(_ u: Unicode.Scalar) -> Bool {
        switch u.value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
             0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
             0xFFE0...0xFFE6, 0x20000...0x3FFFD:
            return true
        default:
            return false
        }
    }
}
