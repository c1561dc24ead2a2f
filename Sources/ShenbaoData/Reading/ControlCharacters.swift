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

    /// Whether a data file's bytes can give any key or value a control character: a raw C0 byte
    /// but tab, line feed and carriage return; DEL; C1 (0xC2 0x80–0x9F); or a backslash that is not
    /// `\n`, `\t`, `\r`, `\"`, `\\` or `\/`, since JSON's `\u001b` and `\b` and YAML's `\e`,
    /// `\x1b` and `\N` spell one. When they cannot, `find` need not walk the tree (one pass over
    /// the bytes instead of a look at each of a table's 40,000 cells).
    static func mayOccur(in bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBytes { raw in
            let n = raw.count
            var i = 0
            while i < n {
                // Eight bytes at a time while none of them needs a look.
                if i + 8 <= n, !mayHoldOne(UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i, as: UInt64.self))) {
                    i += 8
                    continue
                }
                switch raw[i] {
                case 0x09, 0x0A, 0x0D: break
                case 0x5C:
                    guard i + 1 < n else { return true }
                    switch raw[i + 1] {
                    case 0x6E, 0x74, 0x72, 0x22, 0x5C, 0x2F: i += 1
                    default: return true
                    }
                case 0xC2:
                    if i + 1 < n, (0x80...0x9F).contains(raw[i + 1]) { return true }
                case 0x7F: return true
                case let c where c < 0x20: return true
                default: break
                }
                i += 1
            }
            return false
        }
    }

    /// Whether a word holds a byte below 0x20, or a 0x5C, 0x7F or 0xC2 (the bit tricks of
    /// "Bit Twiddling Hacks": a byte below n, a byte equal to zero).
    private static func mayHoldOne(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        func hasZeroByte(_ v: UInt64) -> Bool { (v &- ones) & ~v & highs != 0 }
        let hasByteBelow20 = (word &- ones &* 0x20) & ~word & highs != 0
        return hasByteBelow20 || hasZeroByte(word ^ (ones &* 0x5C)) || hasZeroByte(word ^ (ones &* 0x7F)) || hasZeroByte(word ^ (ones &* 0xC2))
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
