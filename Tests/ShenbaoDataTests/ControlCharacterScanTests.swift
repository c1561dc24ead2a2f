import ShenbaoCore
import Testing

@testable import ShenbaoData

/// The byte pass that lets a clean data file skip the walk over its tree must never let a control
/// character through, however the file spells it.
@Suite struct ControlCharacterScanTests {
    /// Every way a JSON or YAML file can put a control character into a value or a key.
    static let spellings: [(format: DataFormat, text: String)] = [
        (.json, "{\"名称\": \"海岱\u{1B}[2J大学\"}"),
        (.json, "{\"名称\": \"海岱\\u001b[2J大学\"}"),
        (.json, "{\"名称\": \"海岱\\u001B大学\"}"),
        (.json, "{\"名称\": \"退格\\b\"}"),
        (.json, "{\"名称\": \"换页\\f\"}"),
        (.json, "{\"名称\": \"C1 \\u0085\"}"),
        (.json, "{\"名称\": \"DEL \\u007f\"}"),
        (.json, "{\"名称\": \"DEL \u{7F}\"}"),
        (.json, "{\"名称\": \"C1 \u{85}\"}"),
        (.json, "{\"名\\u0007称\": \"键名中的响铃\"}"),
        (.yaml, "名称: \"海岱\\e[2J大学\"\n"),
        (.yaml, "名称: \"海岱\\x1b大学\"\n"),
        (.yaml, "名称: \"海岱\\u001b大学\"\n"),
        (.yaml, "名称: \"海岱\\U0000001b大学\"\n"),
        (.yaml, "名称: \"下一行\\N\"\n"),
        (.yaml, "名称: \"空字符\\0\"\n"),
        (.yaml, "名称: \"响铃\\a\"\n"),
        (.yaml, "名称: \"竖制表\\v\"\n"),
        (.yaml, "\"名\\e称\": 键名\n"),
    ]

    @Test(arguments: spellings.indices)
    func everySpellingIsSeenAndRefused(_ k: Int) throws {
        let (format, text) = Self.spellings[k]
        let bytes = Array(text.utf8)
        #expect(ControlCharacters.mayOccur(in: bytes), "未察觉：\(text.debugDescription)")
        let error = try #require(throws: DiagnosticsError.self) {
            try DataFile.parse(bytes, path: "d.\(format == .json ? "json" : "yaml")", format: format)
        }
        // (A raw C0 byte inside a JSON string is already a syntax error.)
        #expect(error.diagnostics.contains { $0.code == .controlCharacter || $0.code == .jsonSyntax }, "\(text.debugDescription): \(error.diagnostics)")
    }

    @Test func cleanFilesWithTheCommonEscapesAreNotWalked() {
        let clean = [
            "{\"简介\": \"第一行\\n第二行\\t制表\\r\\n\", \"路径\": \"a\\/b\", \"引号\": \"\\\"好\\\"\", \"反斜\": \"\\\\\"}",
            "人员:\n  - 姓名: 张三\n    职务: 教授\r\n简介: |\n  多行\n\t文字\n",
        ]
        for text in clean {
            #expect(!ControlCharacters.mayOccur(in: Array(text.utf8)), "\(text.debugDescription)")
        }
    }

    /// For any file the byte pass calls clean, the walk finds nothing: no spelling slips between them.
    @Test func whatTheByteScanPassesTheWalkFindsClean() throws {
        var generator = SystemRandomNumberGenerator()
        let pieces = ["a", "张", "\\n", "\\t", "\\\\", "\\/", "\\\"", "\\u00e9", "\\u4e09", " ", "é", "\u{A0}"]
        for _ in 0..<300 {
            let value = (0..<Int.random(in: 1...12, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            let bytes = Array("{\"k\": \"\(value)\"}".utf8)
            guard !ControlCharacters.mayOccur(in: bytes) else { continue }
            let parsed = try DataFile.parse(bytes, path: "d.json", format: .json)
            #expect(ControlCharacters.find(in: parsed).isEmpty, "\(value.debugDescription)")
        }
    }
}

extension ControlCharacterScanTests {
    /// The word-at-a-time pass sees a suspicious byte at every offset of a word, next to ASCII and
    /// to Chinese, and passes clean text of every length.
    @Test func theWordPassMissesNoOffset() {
        let fillers: [[UInt8]] = [Array("abcdefgh".utf8), Array("海岱大学实验室".utf8)]
        for filler in fillers {
            for length in 0..<40 {
                let clean = (0..<length).map { filler[$0 % filler.count] }
                #expect(!ControlCharacters.mayOccur(in: clean) || filler.contains(0xC2), "干净文本被误判：长度 \(length)")
                for offset in 0...length {
                    for bad: [UInt8] in [[0x1B], [0x00], [0x7F], [0xC2, 0x85], [0x5C, 0x65], [0x08]] {
                        var bytes = clean
                        bytes.insert(contentsOf: bad, at: offset)
                        #expect(ControlCharacters.mayOccur(in: bytes), "偏移 \(offset)、长度 \(length) 处的 \(bad) 未察觉")
                    }
                }
            }
        }
    }
}
