import ShenbaoCore

/// Finds control characters in a data tree's keys and values: NUL, ESC and the other C0 codes but
/// tab, line feed and carriage return (a line break in old Mac and Windows text, which the
/// `paragraphs` formatter splits on); DEL; C1. None belongs in a form, and
/// printed raw they would drive the terminal. Each is reported at its line and column, with the
/// key path as label (`人员第3行姓名`, as the validator writes labels) and the character's code.
enum ControlCharacters {
    static func find(in value: DataValue) -> [Diagnostic] {
        var found: [Diagnostic] = []
        walk(value, label: "", into: &found)
        return found
    }

    private static func walk(_ value: DataValue, label: String, into found: inout [Diagnostic]) {
        switch value.kind {
        case .string(let s), .number(let s):
            if let code = firstControl(s) {
                found.append(.error(
                    .controlCharacter, at: value.location, label: label.isEmpty ? nil : label,
                    "值中有控制字符 \(code)（不可见，可能来自复制粘贴或终端转义序列），请删除"))
            }
        case .list(let items):
            for (n, item) in items.enumerated() { walk(item, label: "\(label)第\(n + 1)行", into: &found) }
        case .map(let map):
            for entry in map.entries {
                let path = label + entry.key
                if let code = firstControl(entry.key) {
                    found.append(.error(
                        .controlCharacter, at: entry.keyLocation ?? entry.value.location, label: TerminalText.escaped(path),
                        "键名中有控制字符 \(code)，请删除"))
                    continue
                }
                walk(entry.value, label: path, into: &found)
            }
        case .null, .bool:
            break
        }
    }

    /// `U+001B` for the first control character of `text`, or nil.
    static func firstControl(_ text: String) -> String? {
        for scalar in text.unicodeScalars where TerminalText.isControl(scalar) && scalar != "\r" {
            return "U+" + String(String(scalar.value, radix: 16, uppercase: true).leftPadded(to: 4))
        }
        return nil
    }
}

private extension String {
    func leftPadded(to width: Int) -> String { count >= width ? self : String(repeating: "0", count: width - count) + self }
}
