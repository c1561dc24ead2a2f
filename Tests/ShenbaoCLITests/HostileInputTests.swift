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

    /// Issue 14, item 3: a YAML file of 1,000,000 keys (9.9 MB, under the 10 MB file limit) took
    /// 12.8 s and 717 MB; it is refused from libyaml's events before any value is built.
    @Test func yamlWithAMillionKeysIsRefusedQuicklyWithBoundedMemory() throws {
        let scratch = try Scratch("million-keys")
        defer { scratch.remove() }
        var text = ""
        text.reserveCapacity(10_000_000)
        for i in 0..<1_000_000 { text += "k" + String(i, radix: 16) + ": 1\n" }
        let data = try scratch.write("keys.yaml", text)
        #expect(text.utf8.count < 10 << 20)
        let shenbao = try #require(ShenbaoCommand.path)
        // 300 MB of heap at most (left off under AddressSanitizer, as above).
        let limit = shenbao.contains("/.build-asan/") ? [] : ["prlimit", "--data=300000000"]
        let command = limit + [shenbao, "validate", data]
        let started = Date()
        let result = try ExternalTool.run(command[0], Array(command.dropFirst()), timeout: 60)
        #expect(Date().timeIntervalSince(started) < 10)
        #expect(result.status == 1)
        #expect(result.errorText.contains("\(data):1:1: error: 数据超过 1000000 个值，拒绝读取"), "\(result.errorText)")
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

    /// The sample with its seal 公章.png replaced by `seal`, in a scratch folder.
    static func sample(withSeal seal: [UInt8], in scratch: Scratch) throws -> String {
        try FileManager.default.copyItem(atPath: Checkout.sample("sd-lab-2022") + "/推荐单位公章.png", toPath: scratch.file("推荐单位公章.png"))
        try Data(seal).write(to: URL(fileURLWithPath: scratch.file("公章.png")))
        try FileManager.default.copyItem(atPath: sample, toPath: scratch.file("申报数据.yaml"))
        return scratch.file("申报数据.yaml")
    }

    /// Issue 14, item 7: a seal cut in half, a PNG header followed by junk and a 60000×60000 PNG
    /// passed validate and fill (the seal partly missing in the PDF, or only "seal missing").
    enum DamagedSeal: String, CaseIterable, Sendable {
        case truncated, junkAfterHeader, tooManyPixels

        func bytes() throws -> [UInt8] {
            let seal = [UInt8](try Data(contentsOf: URL(fileURLWithPath: Checkout.sample("sd-lab-2022") + "/公章.png")))
            switch self {
            case .truncated: return Array(seal.prefix(seal.count / 2))
            case .junkAfterHeader: return Array(seal.prefix(33)) + (0..<5000).map { UInt8(truncatingIfNeeded: $0 &* 7919) }
            case .tooManyPixels: return PNGSurgery.withSize(seal, width: 60_000, height: 60_000)
            }
        }

        var reason: String {
            switch self {
            case .truncated: "PNG 文件不完整：数据块 IDAT 被截断"
            case .junkAfterHeader: "PNG 文件在第 33 字节处损坏（不是有效的数据块）"
            case .tooManyPixels: "图片有 60000×60000 像素，超过上限（每边 20000 像素、共 40 百万像素）"
            }
        }
    }

    @Test(arguments: DamagedSeal.allCases)
    func damagedSealIsRefusedByValidateAndFillNamingTheField(damaged: DamagedSeal) throws {
        let scratch = try Scratch("seal-\(damaged.rawValue)")
        defer { scratch.remove() }
        let data = try Self.sample(withSeal: try damaged.bytes(), in: scratch)
        let validate = try ShenbaoCommand.run(["validate", data])
        #expect(validate.status == 1)
        #expect(validate.errorText.contains("error: 申报单位公章: 「公章.png」不是完好的图片：\(damaged.reason)"), "\(validate.errorText)")
        let out = scratch.file("out.docx")
        let fill = try ShenbaoCommand.run(["fill", Self.template, data, "-o", out])
        #expect(fill.status == 1)
        #expect(fill.errorText.contains("图片「公章.png」不是完好的 PNG 或 JPEG 图片：\(damaged.reason)"), "\(fill.errorText)")
        #expect(!FileManager.default.fileExists(atPath: out))
    }

    @Test(.enabled(if: RequiredTools.present(.libreOffice)))
    func truncatedSealIsRefusedByBuildBeforeAnythingIsWritten() throws {
        let scratch = try Scratch("seal-build")
        defer { scratch.remove() }
        let data = try Self.sample(withSeal: try DamagedSeal.truncated.bytes(), in: scratch)
        let build = try ShenbaoCommand.run(["build", data, "-o", scratch.file("out")])
        #expect(build.status == 1)
        #expect(build.outputText.contains("未生成，数据有误"), "\(build.outputText)")
        #expect(build.errorText.contains("「公章.png」不是完好的图片：PNG 文件不完整"), "\(build.errorText)")
        #expect(((try? FileManager.default.contentsOfDirectory(atPath: scratch.file("out"))) ?? []).isEmpty)
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
