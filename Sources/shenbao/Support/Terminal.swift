import Foundation
import ShenbaoCore

/// Human-readable output of the commands: every line escaped by `TerminalText`, so a path, an
/// option or a value holding ESC or NUL cannot drive the terminal.
enum Terminal {
    /// Writes `text` and `terminator` to standard output, escaped.
    static func out(_ text: String, terminator: String = "\n") {
        FileHandle.standardOutput.write(Data((TerminalText.escaped(text) + terminator).utf8))
    }

    /// Writes `text` and `terminator` to standard error, escaped.
    static func err(_ text: String, terminator: String = "\n") {
        FileHandle.standardError.write(Data((TerminalText.escaped(text) + terminator).utf8))
    }

    /// JSON text with the C1 controls and DEL (which JSON may hold raw) written as `\u00XX`, so the
    /// same data comes back when it is read and nothing raw reaches a terminal.
    static func json(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { (0x7F...0x9F).contains($0.value) }) else { return text }
        var out = String.UnicodeScalarView()
        for s in text.unicodeScalars {
            if (0x7F...0x9F).contains(s.value) {
                out.append(contentsOf: String(format: "\\u%04x", s.value).unicodeScalars)
            } else {
                out.append(s)
            }
        }
        return String(out)
    }
}
