/// The Unicode character a `w:sym` shows: Word stores symbol-font characters as a font name and
/// a code in the private-use area (`w:font="Wingdings 2" w:char="F052"`).
enum SymbolFont {
    private static let checkboxes: [String: [UInt32: Unicode.Scalar]] = [
        "wingdings": [0xA8: "\u{25A1}", 0x6F: "\u{25A1}", 0x71: "\u{25A1}", 0xFE: "\u{2611}", 0xFD: "\u{2612}", 0x78: "\u{2612}", 0xFC: "\u{2713}"],
        "wingdings 2": [0xA3: "\u{25A1}", 0x2A: "\u{25A1}", 0x52: "\u{2611}", 0x53: "\u{2612}", 0x54: "\u{2612}", 0x50: "\u{2713}", 0x4F: "\u{2717}"],
    ]

    /// The character for `code` (hex, optionally with the F0 private-use prefix) in `font`.
    static func character(font: String?, code: String?) -> String {
        guard let code, var value = UInt32(code, radix: 16) else { return "" }
        if value >= 0xF000 && value <= 0xF0FF { value -= 0xF000 }
        if let mapped = checkboxes[(font ?? "").lowercased()]?[value] { return String(mapped) }
        return Unicode.Scalar(0xF000 + value).map { String($0) } ?? ""
    }
}
