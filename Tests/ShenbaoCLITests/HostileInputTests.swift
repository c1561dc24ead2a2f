import Foundation
import ShenbaoCore
import ShenbaoOOXML
import ShenbaoTestSupport
import Testing

/// Issue 14, items 3, 6 and 8, as a user meets them: huge and bomb files, damaged packages,
/// control characters in data and options.
@Suite(.enabled(if: RequiredTools.present(.shenbao)))
struct HostileInputTests {
    static let template = Checkout.template("sd-lab-2022") + "/template.docx"
    static let sample = Checkout.sample("sd-lab-2022") + "/申报数据.yaml"

    static func filled(in scratch: Scratch) throws -> String {
        let out = scratch.file("申报表.docx")
        let result = try ShenbaoCommand.run(["fill", template, sample, "-o", out])
        try #require(result.status == 0, "\(result.errorText)")
        return out
    }

    @Test func tagsOfA2GBFileThatIsNotAZipIsRefusedWithoutReadingIt() throws {
        let scratch = try Scratch("huge")
        defer { scratch.remove() }
        let huge = scratch.file("huge.docx")
        FileManager.default.createFile(atPath: huge, contents: nil)
        #expect(truncate(huge, 2 << 30) == 0)  // sparse: no disk used
        let started = Date()
        let result = try ShenbaoCommand.run(["tags", huge], timeout: 30)
        #expect(Date().timeIntervalSince(started) < 5)
        #expect(result.status == 1)
        #expect(result.errorText == "error: \(huge): 太大：有 2147483648 字节，超过上限 268435456 字节（256 MB），拒绝读取\n")
    }

    @Test func docxWhoseDocumentInflatesTo250MBIsRefusedQuicklyWithBoundedMemory() throws {
        let scratch = try Scratch("bomb")
        defer { scratch.remove() }
        var archive = try ZipArchive(contentsOf: Self.template)
        let document = String(decoding: try archive.bytes(of: "word/document.xml"), as: UTF8.self)
        let body = try #require(document.range(of: "<w:body>"))
        let paragraph = "<w:p><w:r><w:t>" + String(repeating: "填", count: 1000) + "</w:t></w:r></w:p>"
        archive["word/document.xml"] = Array((String(document[..<body.upperBound]) + String(repeating: paragraph, count: 85_000) + String(document[body.upperBound...])).utf8)
        let bomb = scratch.file("bomb.docx")
        try archive.write(to: bomb)
        let size = try #require(try FileManager.default.attributesOfItem(atPath: bomb)[.size] as? Int)
        #expect(size < 5 << 20)
        // 200 MB of heap at most: inflating the part would need more than that. (An
        // AddressSanitizer build, `make asan`, reserves its shadow memory beyond any such limit:
        // there the limit is left off and only the refusal is checked.)
        let shenbao = try #require(ShenbaoCommand.path)
        let limit = shenbao.contains("/.build-asan/") ? [] : ["prlimit", "--data=200000000"]
        for arguments in [["tags", bomb], ["fill", bomb, Self.sample, "-o", scratch.file("out.docx")]] {
            let started = Date()
            let command = limit + [shenbao] + arguments
            let result = try ExternalTool.run(command[0], Array(command.dropFirst()), timeout: 60)
            #expect(Date().timeIntervalSince(started) < 10)
            #expect(result.status == 1, "\(result.errorText)")
            #expect(result.errorText.contains("\(bomb) [word/document.xml]: 太大：解压后有"), "\(result.errorText)")
            #expect(result.errorText.contains("超过每个部件 64 MB 的上限"))
        }
        #expect(!FileManager.default.fileExists(atPath: scratch.file("out.docx")))
    }

    @Test func flippedCRCOnTheDocumentIsRefusedByTagsFillCheckAndData() throws {
        let scratch = try Scratch("crc")
        defer { scratch.remove() }
        let docx = try Self.filled(in: scratch)
        let damaged = scratch.file("damaged.docx")
        let bytes = ZipSurgery.flippingCRC(of: "word/document.xml", in: [UInt8](try Data(contentsOf: URL(fileURLWithPath: docx))))
        try Data(bytes).write(to: URL(fileURLWithPath: damaged))
        let fakePDF = try scratch.write("damaged.pdf", "%PDF-1.4\n%%EOF\n")
        let message = "\(damaged) [word/document.xml]: 校验和（CRC-32）不符，文件已损坏"
        for arguments in [["tags", damaged], ["fill", damaged, Self.sample, "-o", scratch.file("o.docx")], ["data", damaged], ["check", damaged, fakePDF]] {
            let result = try ShenbaoCommand.run(arguments)
            #expect(result.status != 0, "\(arguments)")
            #expect(result.errorText.contains(message), "\(arguments): \(result.errorText)")
        }
    }

    @Test(.enabled(if: RequiredTools.present(.libreOffice)))
    func flippedCRCOnTheDocumentIsRefusedByPDF() throws {
        let scratch = try Scratch("crc-pdf")
        defer { scratch.remove() }
        let docx = try Self.filled(in: scratch)
        let damaged = scratch.file("damaged.docx")
        try Data(ZipSurgery.flippingCRC(of: "word/document.xml", in: [UInt8](try Data(contentsOf: URL(fileURLWithPath: docx))))).write(to: URL(fileURLWithPath: damaged))
        let result = try ShenbaoCommand.run(["pdf", damaged])
        #expect(result.status == 1)
        #expect(result.errorText.contains("校验和（CRC-32）不符，文件已损坏"), "\(result.errorText)")
        #expect(!FileManager.default.fileExists(atPath: scratch.file("damaged.pdf")))
    }

    @Test func templateWithADuplicatedPartNameIsRefused() throws {
        let scratch = try Scratch("duplicate")
        defer { scratch.remove() }
        var archive = try ZipArchive(contentsOf: Self.template)
        archive["word/documenX.xml"] = Array("<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"/>".utf8)
        let twice = scratch.file("twice.docx")
        try Data(ZipSurgery.renaming("word/documenX.xml", to: "word/document.xml", in: try archive.serialized())).write(to: URL(fileURLWithPath: twice))
        for arguments in [["tags", twice], ["fill", twice, Self.sample, "-o", scratch.file("o.docx")]] {
            let result = try ShenbaoCommand.run(arguments)
            #expect(result.status == 1)
            #expect(result.errorText.contains("\(twice): 部件「word/document.xml」出现了不止一次，拒绝读取"), "\(result.errorText)")
        }
    }

    @Test func controlCharactersInValuesAreRefusedWithLabelAndPlace() throws {
        let scratch = try Scratch("controls")
        defer { scratch.remove() }
        for name in ["公章.png", "推荐单位公章.png"] {
            try FileManager.default.copyItem(atPath: Checkout.sample("sd-lab-2022") + "/" + name, toPath: scratch.file(name))
        }
        let text = try String(contentsOfFile: Self.sample, encoding: .utf8)
        let lines = text.components(separatedBy: "\n")
        let row = try #require(lines.firstIndex { $0.hasPrefix("主申报单位名称:") })
        var edited = lines
        edited[row] = "主申报单位名称: \"山东\\e[2J海岱\\0大学\""
        let data = try scratch.write("申报数据.yaml", edited.joined(separator: "\n"))
        let expected = "\(data):\(row + 1):10: error: 主申报单位名称: 值中有控制字符 U+001B（不可见，可能来自复制粘贴或终端转义序列），请删除"
        let validate = try ShenbaoCommand.run(["validate", data])
        #expect(validate.status == 1)
        #expect(validate.errorText.contains(expected), "\(validate.errorText)")
        #expect(!validate.errorText.contains("\u{1B}"))
        let fill = try ShenbaoCommand.run(["fill", Self.template, data, "-o", scratch.file("out.docx")])
        #expect(fill.status == 1)
        #expect(fill.errorText.contains(expected), "\(fill.errorText)")
        #expect(!FileManager.default.fileExists(atPath: scratch.file("out.docx")))
    }

    @Test func dataNeverPrintsControlCharactersRaw() throws {
        let scratch = try Scratch("data-controls")
        defer { scratch.remove() }
        // Embedded data tampered with outside shenbao: a C1 CSI (U+009B, "ESC [" to a terminal)
        // and DEL, the control characters XML 1.0 lets through.
        let docx = try Self.filled(in: scratch)
        var archive = try ZipArchive(contentsOf: docx)
        for name in archive.names where name.hasPrefix("customXml/") && name.hasSuffix(".xml") {
            let text = String(decoding: try archive.bytes(of: name), as: UTF8.self)
            archive[name] = Array(text.replacingOccurrences(of: "山东海岱大学", with: "山东&#x9B;2J&#x7F;海岱大学").utf8)
        }
        try archive.write(to: docx)
        for format in ["yaml", "json"] {
            let result = try ShenbaoCommand.run(["data", docx, "--format", format])
            #expect(result.status != 0)
            #expect(result.errorText.contains("值中有控制字符 U+009B"), "\(result.errorText)")
            for raw in ["\u{9B}", "\u{7F}", "\u{1B}"] {
                #expect(!result.outputText.contains(raw) && !result.errorText.contains(raw), "\(format)")
            }
        }
    }

    @Test func anEscapeSequenceInAnOptionNeverReachesTheTerminalRaw() throws {
        for arguments in [["schema", "--form", "\u{1B}]0;pwned\u{07}"], ["fill", "a.docx", "b.yaml", "-o", "x", "--delimiters", "\u{1B}[2J"], ["build", "x.yaml", "--jobs", "\u{1B}[31m"]] {
            let result = try ShenbaoCommand.run(arguments)
            #expect(result.status != 0)
            #expect(!result.errorText.contains("\u{1B}") && !result.outputText.contains("\u{1B}"), "\(arguments): \(result.errorText)")
            if arguments[0] != "fill" { #expect(result.errorText.contains("\\u{1B}"), "\(arguments): \(result.errorText)") }
        }
    }
}
