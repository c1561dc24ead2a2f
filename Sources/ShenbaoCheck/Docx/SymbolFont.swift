/// The character a `w:sym` stands for: Word stores symbol-font characters as a font name and a
/// code (`w:font="Wingdings 2" w:char="F052"`). LibreOffice's PDF gives them back from
/// `pdftotext` as the private-use character U+F000+code, so that is what the DOCX side yields
/// too; `TextNormalizer` then folds the checkbox codes of both sides to ☑/□/☒.
enum SymbolFont {
    /// The private-use character for `code` (hex, with or without the F0 prefix).
    static func character(font: String?, code: String?) -> String {
        guard let code, var value = UInt32(code, radix: 16) else { return "" }
        if value < 0x100 { value += 0xF000 }
        return Unicode.Scalar(value).map { String($0) } ?? ""
    }

    /// Checkbox glyphs of Wingdings and Wingdings 2 by private-use code. The two fonts' checkbox
    /// codes do not collide, so the font need not be known (the PDF's text does not say it).
    static let checkboxes: [UInt32: Unicode.Scalar] = [
        // Wingdings
        0xF0A8: "\u{25A1}", 0xF06F: "\u{25A1}", 0xF071: "\u{25A1}", 0xF0FE: "\u{2611}", 0xF0FD: "\u{2612}", 0xF078: "\u{2612}", 0xF0FC: "\u{2713}",
        // Wingdings 2
        0xF0A3: "\u{25A1}", 0xF02A: "\u{25A1}", 0xF052: "\u{2611}", 0xF053: "\u{2612}", 0xF054: "\u{2612}", 0xF050: "\u{2713}", 0xF04F: "\u{2717}",
    ]
}
