import ShenbaoCore

/// The scalable fonts fontconfig knows: their family names and the characters they cover
/// together. Read with two `fc-list` calls once per process and cached.
package struct InstalledFonts: Sendable {
    /// Every family name any installed scalable font answers to (`Noto Serif CJK SC Light`,
    /// `文鼎ＰＬ简中楷`, ...).
    package let families: Set<String>
    /// The characters at least one installed font has a glyph for.
    package let coverage: CharacterSet21

    package init(families: Set<String>, coverage: CharacterSet21) {
        self.families = families
        self.coverage = coverage
    }

    /// The fonts of this machine, read once and shared.
    /// - Throws: `PDFSetupError.fontconfigMissing` when `fc-list` cannot be run.
    package static func system() throws -> InstalledFonts { try cached.get() }

    private static let cached: Result<InstalledFonts, Error> = Result { try load() }

    private static func load() throws -> InstalledFonts {
        let families = try fcList(["--format", "%{family}\n", ":scalable=true"])
        let charsets = try fcList(["--format", "%{charset}\n", ":scalable=true"])
        var names = Set<String>()
        for line in families.split(separator: "\n") {
            for name in line.split(separator: ",") { names.insert(String(name)) }
        }
        var coverage = CharacterSet21()
        for line in charsets.split(separator: "\n") { coverage.insert(fontconfigRanges: line) }
        return InstalledFonts(families: names, coverage: coverage)
    }

    private static func fcList(_ arguments: [String]) throws -> String {
        let result: ToolResult
        do {
            result = try ExternalTool.run("fc-list", arguments, timeout: 60, outputLimit: 256 << 20, package: "fontconfig")
        } catch ToolError.notFound {
            throw PDFSetupError.fontconfigMissing
        }
        guard result.status == 0 else { throw PDFSetupError.fontconfigMissing }
        return result.outputText
    }
}

/// A set of Unicode scalars as a bitmap over U+0000...U+10FFFF: 136 KiB, one load and mask per
/// lookup.
package struct CharacterSet21: Sendable, Equatable {
    private var words = [UInt64](repeating: 0, count: 0x110000 / 64)

    /// The empty set.
    package init() {}

    /// True when `scalar` is in the set.
    package func contains(_ scalar: Unicode.Scalar) -> Bool {
        let v = Int(scalar.value)
        return words[v >> 6] & (1 << UInt64(v & 63)) != 0
    }

    /// Adds the scalars `first...last` (clamped to the Unicode range).
    package mutating func insert(_ first: Int, through last: Int) {
        guard first <= last, first >= 0 else { return }
        for v in first...min(last, 0x10FFFF) { words[v >> 6] |= 1 << UInt64(v & 63) }
    }

    /// Adds the ranges of a fontconfig charset as `fc-list --format '%{charset}'` prints it:
    /// hexadecimal code points and ranges separated by spaces (`20-7e a0-17f 2010`).
    package mutating func insert(fontconfigRanges text: Substring) {
        for token in text.split(separator: " ") {
            let bounds = token.split(separator: "-", maxSplits: 1)
            guard let first = Int(bounds[0], radix: 16) else { continue }
            let last = bounds.count == 2 ? Int(bounds[1], radix: 16) ?? first : first
            insert(first, through: last)
        }
    }
}
