/// Text made safe for a terminal: control characters (ESC, NUL, the other C0 and C1 codes, DEL)
/// are shown as escapes (`\u{1B}`), so a value or an option can never move the cursor, recolour
/// or retitle the terminal. Tab and newline stay.
public enum TerminalText {
    /// `text` with every control character but tab and newline written as `\u{XX}`.
    public static func escaped(_ text: String, keepNewlines: Bool = true) -> String {
        guard text.unicodeScalars.contains(where: { isControl($0, keepNewlines: keepNewlines) }) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if isControl(scalar, keepNewlines: keepNewlines) {
                out.append(contentsOf: "\\u{\(String(scalar.value, radix: 16, uppercase: true))}".unicodeScalars)
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// Whether `scalar` is a control character: C0 but tab (and line feed when `keepNewlines`), DEL, C1.
    public static func isControl(_ scalar: Unicode.Scalar, keepNewlines: Bool = true) -> Bool {
        let v = scalar.value
        if v == 0x09 { return false }
        if v == 0x0A { return !keepNewlines }
        return v < 0x20 || (0x7F...0x9F).contains(v)
    }
}
