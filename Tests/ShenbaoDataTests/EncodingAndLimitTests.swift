import Foundation
import ShenbaoCore
import Testing

@testable import ShenbaoData

@Suite struct EncodingAndLimitTests {
    /// `单位: 海岱大学` saved by Chinese Windows Notepad in GBK.
    static let gbkLine: [UInt8] = [0xB5, 0xA5, 0xCE, 0xBB, 0x3A, 0x20, 0xBA, 0xA3, 0xE1, 0xB7, 0xB4, 0xF3, 0xD1, 0xA7, 0x0A]

    @Test func gbkFileGetsTheConversionCommandAtTheFirstBadByte() throws {
        let files = try TestFiles()
        let path = try files.write("gbk.yaml", bytes: Array("form: sd-lab-2022\n".utf8) + Self.gbkLine)
        let converted = String(path.dropLast(5)) + ".utf8.yaml"
        #expect(diagnosticLines { try DataFile.load(path) } == [
            "\(path):2:1: error: 文件不是 UTF-8 编码，看起来是 GBK/GB18030（中文 Windows 的默认编码；第一个非 UTF-8 字节 0xB5 A5）。"
                + "请在编辑器中另存为 UTF-8，或运行 iconv -f GB18030 -t UTF-8 \(path) > \(converted)"
        ])
        // The suggested command really converts it.
        let iconv = try ExternalTool.run("iconv", ["-f", "GB18030", "-t", "UTF-8", path], timeout: 10)
        #expect(iconv.status == 0)
        let fixed = try files.write("fixed.yaml", bytes: iconv.standardOutput)
        #expect(try DataFile.load(fixed)["单位"] == .string("海岱大学"))
    }

    @Test func badByteAfterChineseTextCountsColumnsInCharacters() throws {
        let files = try TestFiles()
        let path = try files.write("mixed.json", bytes: Array("{\"单位\": \"海岱".utf8) + [0xFF, 0x22, 0x7D])
        #expect(diagnosticLines { try DataFile.load(path) } == [
            "\(path):1:11: error: 文件不是 UTF-8 编码（第一个非 UTF-8 字节 0xFF 22），请另存为 UTF-8"
        ])
    }

    @Test func utf16IsRecognised() throws {
        let files = try TestFiles()
        let path = try files.write("u16.yaml", bytes: [0xFF, 0xFE, 0x61, 0x00])
        let lines = diagnosticLines { try DataFile.load(path) }
        #expect(lines.count == 1)
        #expect(lines.first?.hasPrefix("\(path):1:1: error: 文件是 UTF-16 编码，请另存为 UTF-8，或运行 iconv -f UTF-16 -t UTF-8 ") == true)
    }

    @Test func fileOverTheSizeLimitIsRefusedWithoutParsing() throws {
        let files = try TestFiles()
        let big = [UInt8](repeating: 0x23, count: 10 * 1024 * 1024 + 1)
        let path = try files.write("big.yaml", bytes: big)
        #expect(diagnosticLines { try DataFile.load(path) } == [
            "\(path): error: 文件有 10485761 字节，超过上限 10485760 字节（10 MB），拒绝读取"
        ])
        var small = DataLimits()
        small.maximumBytes = 10
        #expect(diagnosticLines { try DataFile.parse(Array("a: 12345678901".utf8), path: "s.yaml", limits: small) } == [
            "s.yaml: error: 文件有 14 字节，超过上限 10 字节（0 MB），拒绝读取"
        ])
    }

    /// Issue 14, item 8: a raw ESC or NUL byte (not the `"\e"` escape) is refused by libyaml's
    /// reader; the message names the character in Chinese instead of libyaml's English.
    @Test func rawControlByteInYAMLIsNamedWithItsCodeAndPlace() {
        for (byte, code) in [(0x1B, "U+001B"), (0x00, "U+0000"), (0x7F, "U+007F")] as [(UInt8, String)] {
            let bytes = Array("form: sd-lab-2022\n单位: 山东".utf8) + [byte] + Array("[31m海岱大学\n".utf8)
            #expect(diagnosticLines { try DataFile.parse(bytes, path: "raw.yaml", limits: DataLimits()) } == [
                "raw.yaml:2:7: error: 文件中有控制字符 \(code)（不可见，可能来自复制粘贴或终端转义序列），请删除"
            ])
        }
    }

    /// Issue 14, item 3, in JSON: the value limit held for YAML only; a JSON object of a million
    /// keys (8.8 MB) was read whole.
    @Test func jsonAndYAMLCountKeysAndValuesAgainstTheSameLimit() {
        var small = DataLimits()
        small.maximumExpandedValues = 10
        let json = "{" + (0..<6).map { "\"k\($0)\": \($0)" }.joined(separator: ", ") + "}"
        let yaml = (0..<6).map { "k\($0): \($0)\n" }.joined()
        for (text, name) in [(json, "keys.json"), (yaml, "keys.yaml")] {
            #expect(diagnosticLines { try DataFile.parse(Array(text.utf8), path: name, limits: small) } == [
                "\(name):1:1: error: 数据超过 10 个值，拒绝读取"
            ])
        }
        // 1 map + 4 keys + 4 values: within the limit in both.
        #expect(throws: Never.self) { try DataFile.parse(Array("{\"a\": 1, \"b\": 2, \"c\": 3, \"d\": 4}".utf8), path: "ok.json", limits: small) }
        #expect(throws: Never.self) { try DataFile.parse(Array("a: 1\nb: 2\nc: 3\nd: 4\n".utf8), path: "ok.yaml", limits: small) }
    }

    @Test func missingFileAndDirectoryAreSaidSo() throws {
        let files = try TestFiles()
        #expect(diagnosticLines { try DataFile.load(files.directory + "/none.yaml") } == ["\(files.directory)/none.yaml: error: 找不到文件"])
        #expect(diagnosticLines { try DataFile.load(files.directory) } == ["\(files.directory): error: 这是一个目录，不是数据文件"])
    }

    @Test func formatIsGuessedFromNameThenContent() {
        #expect(DataFormat.guess(path: "a.json", bytes: []) == .json)
        #expect(DataFormat.guess(path: "a.YML", bytes: Array("{}".utf8)) == .yaml)
        #expect(DataFormat.guess(path: "a.txt", bytes: [0xEF, 0xBB, 0xBF] + Array("\n  {".utf8)) == .json)
        #expect(DataFormat.guess(path: "a", bytes: Array("a: 1".utf8)) == .yaml)
    }
}
