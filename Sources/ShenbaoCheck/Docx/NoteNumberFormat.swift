import ShenbaoOOXML

/// How endnote marks are numbered (`w:endnotePr/w:numFmt`, `w:numStart`): Word and LibreOffice
/// both default to lowercase Roman numerals from i.
struct NoteNumberFormat: Equatable {
    var format = "lowerRoman"
    var start = 1

    /// The endnote numbering the document sets: the last section's `w:endnotePr`, else the one in
    /// `word/settings.xml`, else the default.
    static func endnotes(document: XMLElement, settings: XMLElement?) -> NoteNumberFormat {
        var result = NoteNumberFormat()
        for properties in [settings?.child("w:endnotePr"), document.child("w:body")?.child("w:sectPr")?.child("w:endnotePr")] {
            guard let properties else { continue }
            if let format = properties.child("w:numFmt")?[attribute: "w:val"] { result.format = format }
            if let start = properties.child("w:numStart")?[attribute: "w:val"].flatMap({ Int($0) }), start >= 0 { result.start = start }
        }
        return result
    }

    /// The mark for the `ordinal`-th note (from 1), as the renderer prints it.
    func mark(_ ordinal: Int) -> String {
        let n = start + ordinal - 1
        switch format {
        case "lowerRoman": return Self.roman(n).lowercased()
        case "upperRoman": return Self.roman(n)
        case "lowerLetter": return Self.letters(n).lowercased()
        case "upperLetter": return Self.letters(n)
        default: return String(n)
        }
    }

    static func roman(_ n: Int) -> String {
        guard n > 0 else { return String(n) }
        let numerals: [(Int, String)] = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
                                         (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
        var rest = n
        var out = ""
        for (value, numeral) in numerals {
            while rest >= value { out += numeral; rest -= value }
        }
        return out
    }

    /// A, B, …, Z, AA, BB, … as Word counts letters.
    static func letters(_ n: Int) -> String {
        guard n > 0 else { return String(n) }
        let letter = Character(Unicode.Scalar(UInt8(65 + (n - 1) % 26)))
        return String(repeating: letter, count: (n - 1) / 26 + 1)
    }
}
