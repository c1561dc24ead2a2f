import ShenbaoCore

/// Finds control characters in a data tree's keys and values: NUL, ESC and the other C0 codes but
/// tab, line feed and carriage return (a line break in old Mac and Windows text, which the
/// `paragraphs` formatter splits on); DEL; C1. None belongs in a form, and
/// printed raw they would drive the terminal. Each is reported at its line and column, with the
/// key path as label (`人员第3行姓名`, as the validator writes labels) and the character's code.
enum ControlCharacters {
    static func find(in value: DataValue) -> [Diagnostic] {
        var found: [Diagnostic] = []
        var path: [Step] = []
        walk(value, path: &path, into: &found)
        return found
    }

    /// A step from the root: a key, or a list item (0-based). The label is only spelled out for
    /// a value that has a control character, not for each of a table's 40,000 cells.
    private enum Step {
        case key(String)
        case item(Int)
    }

    private static func label(_ path: [Step]) -> String {
        path.map { step in
            switch step {
            case .key(let key): key
            case .item(let n): "第\(n + 1)行"
            }
        }.joined()
    }

    private static func walk(_ value: DataValue, path: inout [Step], into found: inout [Diagnostic]) {
        switch value.kind {
        case .string(let s), .number(let s):
            if let code = firstControl(s) {
                let label = label(path)
                found.append(.error(
                    .controlCharacter, at: value.location, label: label.isEmpty ? nil : label,
                    "值中有控制字符 \(code)（不可见，可能来自复制粘贴或终端转义序列），请删除"))
            }
        case .list(let items):
            for (n, item) in items.enumerated() {
                path.append(.item(n))
                walk(item, path: &path, into: &found)
                path.removeLast()
            }
        case .map(let map):
            for entry in map.entries {
                path.append(.key(entry.key))
                defer { path.removeLast() }
                if let code = firstControl(entry.key) {
                    found.append(.error(
                        .controlCharacter, at: entry.keyLocation ?? entry.value.location, label: TerminalText.escaped(label(path)),
                        "键名中有控制字符 \(code)，请删除"))
                    continue
                }
                walk(entry.value, path: &path, into: &found)
            }
        case .null, .bool:
            break
        }
    }

    /// `U+001B` for the first control character of `text`, or nil.
    static func firstControl(_ text: String) -> String? {
        // Most values have none: C0 and DEL are bytes below 0x20 and 0x7F, C1 is 0xC2 0x80–0x9F.
        var suspicious = false
        for byte in text.utf8 where byte < 0x20 || byte == 0x7F || byte == 0xC2 {
            suspicious = true
            break
        }
        guard suspicious else { return nil }
        for scalar in text.unicodeScalars where TerminalText.isControl(scalar) && scalar != "\r" {
            return "U+" + String(String(scalar.value, radix: 16, uppercase: true).leftPadded(to: 4))
        }
        return nil
    }
}

private extension String {
    func leftPadded(to width: Int) -> String { count >= width ? self : String(repeating: "0", count: width - count) + self }
}
