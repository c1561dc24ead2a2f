import ShenbaoCore
/// A dotted data path (`单位.名称`), or `.` for the current item.
struct DataPath: Sendable, Hashable, CustomStringConvertible {
    var components: [String] { didSet { plain = components.map(DataKey.isPlain) } }
    /// `DataKey.isPlain` of each component, for fast lookups.
    private(set) var plain: [Bool]
    init(_ components: [String]) {
        self.components = components
        self.plain = components.map(DataKey.isPlain)
    }
    static func == (a: DataPath, b: DataPath) -> Bool { a.components == b.components }
    func hash(into hasher: inout Hasher) { hasher.combine(components) }

    /// The current item, `{{.}}`.
    var isCurrent: Bool { components.isEmpty }
    var description: String { components.isEmpty ? "." : components.joined(separator: ".") }

    /// Parses `a.b.c` (spaces around components allowed) or `.`; nil when a component is empty.
    init?(parsing text: Substring) {
        let trimmed = text.trimmingSpaces
        if trimmed == "." { self.init([]); return }
        let parts = trimmed.split(separator: ".", omittingEmptySubsequences: false).map { String($0.trimmingSpaces) }
        guard !parts.isEmpty, !parts.contains(where: \.isEmpty) else { return nil }
        self.init(parts)
    }
}

/// A formatter applied to a value: `| date "iso"` is name `date`, arguments `["iso"]`.
struct FormatterCall: Sendable, Hashable {
    var name: String
    var arguments: [String]
}

/// What a tag does, decided by the feature that claims it.
enum TagKind: Sendable, Hashable {
    /// `{{path}}`, `{{path | formatter}}`.
    case value(DataPath, [FormatterCall])
    /// `{{#path}}`, or `{{^path}}` when inverted; `{{-w:tr path}}` repeats the named element
    /// around the tags (docxtemplater's explicit loops).
    case sectionOpen(DataPath, inverted: Bool, element: String? = nil)
    /// `{{/path}}`, or `{{/}}` (nil) closing the innermost section.
    case sectionClose(DataPath?)
    /// `{{@index}}`: the 1-based number of the current loop item.
    case index
    /// `{{@path}}`: raw WordprocessingML replacing the tag's paragraph.
    case rawXML(DataPath)
    /// `{{! comment }}` and delimiter changes `{{=[[ ]]=}}`: render nothing.
    case comment
    /// `{{path=选项}}`: ☑ when the value is the option (or a list containing it), else □.
    case checkbox(DataPath, option: String)
    /// `{{%path}}`: an image (a seal when the key ends in 公章).
    case image(DataPath)

    /// Sections' open and close tags and comments produce no text of their own.
    var isStructural: Bool {
        switch self {
        case .sectionOpen, .sectionClose, .comment: return true
        default: return false
        }
    }
}

extension StringProtocol {
    /// Without leading and trailing spaces, tabs and ideographic spaces.
    var trimmingSpaces: Substring {
        var s = self[...]
        while let f = s.first, f == " " || f == "\t" || f == "\u{3000}" || f == "\u{A0}" { s = s.dropFirst() }
        while let l = s.last, l == " " || l == "\t" || l == "\u{3000}" || l == "\u{A0}" { s = s.dropLast() }
        return Substring(s)
    }
}
