import Foundation

/// Turns text into the character stream both sides are compared on: whitespace of every kind
/// dropped (Chinese has no spaces between words, and line wrapping only adds whitespace),
/// full-width ASCII and other compatibility forms folded (ＡＢＣ１２３ → ABC123, ⼀ → 一, ﬁ → fi),
/// Wingdings checkbox codes (U+F0FE, U+F052…) folded to ☑/□/☒; everything else kept as written,
/// so ☑ and □ stay distinct.
package enum TextNormalizer {
    /// The normalized form of `text`, one element per Unicode scalar.
    package static func normalize(_ text: String) -> [Unicode.Scalar] {
        var out: [Unicode.Scalar] = []
        append(text, to: &out)
        return out
    }

    /// Appends the normalized scalars of `text` to `out`; returns how many were appended.
    @discardableResult
    package static func append(_ text: String, to out: inout [Unicode.Scalar]) -> Int {
        let before = out.count
        for scalar in text.unicodeScalars { append(scalar, to: &out) }
        return out.count - before
    }

    /// Marks a normalized scalar that continues the previous one's source (ﬁ → f, i).
    package static let continuation: Unicode.Scalar = "\u{FFFF}"

    /// Appends the normalized scalars of `text` to `out` and, for each, the source scalar it
    /// came from to `originals` (`continuation` after the first of an expansion), so that
    /// differences can be quoted as written.
    @discardableResult
    package static func append(_ text: String, to out: inout [Unicode.Scalar], originals: inout [Unicode.Scalar]) -> Int {
        let before = out.count
        for scalar in text.unicodeScalars {
            let start = out.count
            append(scalar, to: &out)
            if out.count > start {
                originals.append(scalar)
                if out.count > start + 1 { originals.append(contentsOf: repeatElement(continuation, count: out.count - start - 1)) }
            }
        }
        return out.count - before
    }

    /// The source text of `originals[range]`.
    package static func displayText(_ originals: [Unicode.Scalar], _ range: Range<Int>) -> String {
        String(String.UnicodeScalarView(originals[range].lazy.filter { $0 != continuation }))
    }

    /// Appends the normalized form of one scalar (zero, one or several scalars).
    @inline(__always)
    package static func append(_ scalar: Unicode.Scalar, to out: inout [Unicode.Scalar]) {
        let v = scalar.value
        if v < 0x80 {
            if v > 0x20 && v != 0x7F { out.append(scalar) }
            return
        }
        if isIgnorable(v) { return }
        if v >= 0xF000 && v <= 0xF0FF, let box = SymbolFont.checkboxes[v] {
            out.append(box)
            return
        }
        if v >= 0xFF01 && v <= 0xFF5E {
            out.append(Unicode.Scalar(v - 0xFEE0)!)
            return
        }
        if needsCompatibilityMapping(v) {
            for s in String(scalar).precomposedStringWithCompatibilityMapping.unicodeScalars {
                if s.value < 0x80 ? s.value > 0x20 : !isIgnorable(s.value) { out.append(s) }
            }
            return
        }
        out.append(scalar)
    }

    /// Whitespace, format characters and soft hyphens: nothing a reader sees as content.
    @inline(__always)
    static func isIgnorable(_ v: UInt32) -> Bool {
        switch v {
        case 0x85, 0xA0, 0xAD, 0x1680, 0x2000...0x200F, 0x2028...0x202F, 0x205F...0x2064, 0x3000, 0xFEFF:
            return true
        default:
            return false
        }
    }

    /// Ranges whose characters have compatibility decompositions that PDF text extraction
    /// produces for ordinary text: Kangxi radicals, CJK compatibility ideographs, ligatures,
    /// half-width katakana and full-width signs.
    @inline(__always)
    static func needsCompatibilityMapping(_ v: UInt32) -> Bool {
        (0x2F00...0x2FDF).contains(v) || (0x2E80...0x2EFF).contains(v) || (0xF900...0xFAFF).contains(v)
            || (0xFB00...0xFB4F).contains(v) || (0xFF5F...0xFFEF).contains(v) || (0x2460...0x24FF).contains(v)
    }

    /// Checkbox glyphs: ☐ ☑ ☒ □ ■ ▢ ✓ ✔ ✗ ✘ and their Wingdings forms once mapped.
    package static func isCheckbox(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x2610, 0x2611, 0x2612, 0x25A1, 0x25A0, 0x25A2, 0x25A3, 0x2713, 0x2714, 0x2717, 0x2718, 0x2BBD, 0x2BBE:
            return true
        default:
            return false
        }
    }
}
