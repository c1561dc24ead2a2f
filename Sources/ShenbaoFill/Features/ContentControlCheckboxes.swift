import ShenbaoOOXML

/// Word checkbox content controls (`w:sdt` with `w14:checkbox`) whose tag or alias is
/// `path=选项`: ticked like `{{path=选项}}`, both the glyph and `w14:checked`.
enum ContentControlCheckboxes {
    /// A slot on one token of a checkbox control.
    enum Slot: Sendable {
        /// The `w14:checked` element: its `w14:val`.
        case checked(DataPath, option: String)
        /// The text of the control's glyph run.
        case glyph(DataPath, option: String, checked: String?, unchecked: String?)
    }

    static func mayContain(_ bytes: [UInt8]) -> Bool {
        let needle = Array("w14:checkbox".utf8)
        guard bytes.count >= needle.count else { return false }
        var i = 0
        while i <= bytes.count - needle.count {
            if bytes[i] == 0x77, bytes[i + 1] == 0x31, Array(bytes[i..<(i + needle.count)]) == needle { return true }
            i += 1
        }
        return false
    }

    /// Slots by token index.
    static func find(in tokens: [XMLToken]) -> [Int: Slot] {
        var slots: [Int: Slot] = [:]
        var i = 0
        while i < tokens.count {
            guard case .start(let sdt) = tokens[i], sdt.name == "w:sdt" else { i += 1; continue }
            var binding: (DataPath, String)?
            var isCheckbox = false
            var checkedToken: Int?
            var checkedGlyph: String?, uncheckedGlyph: String?
            var glyphToken: Int?
            var depth = 0
            var inContent = false
            var j = i
            func inspect(_ e: XMLElement) {
                switch e.name {
                case "w14:checkbox": isCheckbox = true
                case "w14:checked": checkedToken = j
                case "w14:checkedState": checkedGlyph = glyph(e[attribute: "w14:val"])
                case "w14:uncheckedState": uncheckedGlyph = glyph(e[attribute: "w14:val"])
                case "w:tag", "w:alias":
                    if binding == nil, let v = e[attribute: "w:val"], let eq = v.firstIndex(of: "="),
                        let path = DataPath(parsing: v[..<eq]), !v[v.index(after: eq)...].trimmingSpaces.isEmpty
                    {
                        binding = (path, String(v[v.index(after: eq)...].trimmingSpaces))
                    }
                default: break
                }
            }
            while j < tokens.count {
                switch tokens[j] {
                case .start(let e):
                    depth += 1
                    if e.name == "w:sdtContent" && depth == 2 { inContent = true }
                    inspect(e)
                case .empty(let e): inspect(e)
                case .end(let name):
                    depth -= 1
                    if name == "w:sdtContent" && depth == 1 { inContent = false }
                case .text:
                    if inContent, glyphToken == nil, case .start(let parent) = tokens[j - 1], parent.name == "w:t" { glyphToken = j }
                default: break
                }
                if depth == 0 { break }
                j += 1
            }
            if isCheckbox, let (path, option) = binding {
                if let checkedToken { slots[checkedToken] = .checked(path, option: option) }
                if let glyphToken { slots[glyphToken] = .glyph(path, option: option, checked: checkedGlyph, unchecked: uncheckedGlyph) }
            }
            i += 1
        }
        return slots
    }

    private static func glyph(_ hex: String?) -> String? {
        guard let hex, let code = UInt32(hex, radix: 16), let scalar = Unicode.Scalar(code) else { return nil }
        return String(Character(scalar))
    }
}
