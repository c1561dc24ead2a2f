import Foundation
import ShenbaoCore
import ShenbaoTestSupport
import Testing

/// Issue 14, items 9 and 11: only regular files are opened (a FIFO used to block for ever), and
/// file-system failures are said in Chinese with the path and the cause (they used to come out as
/// `NSCocoaErrorDomain Code=516/513/640` dumps with user-info and temporary paths).
@Suite(.enabled(if: RequiredTools.present(.shenbao)))
struct FileSystemFailureTests {
    static func sample() throws -> Scratch {
        let scratch = try Scratch("fs-failures")
        for name in ["申报数据.yaml", "公章.png", "推荐单位公章.png"] {
            try FileManager.default.copyItem(atPath: Checkout.sample("sd-lab-2022") + "/" + name, toPath: scratch.file(name))
        }
        return scratch
    }

    static let template = Checkout.template("sd-lab-2022") + "/template.docx"

    static func expectNoFoundationDump(_ result: ToolResult) {
        #expect(!result.errorText.contains("NSCocoaErrorDomain"), "\(result.errorText)")
        #expect(!result.errorText.contains("UserInfo"), "\(result.errorText)")
        #expect(!result.errorText.contains("Error Domain"), "\(result.errorText)")
    }

    @Test func aFIFONamedAsTheSealIsRefusedAtOnceByValidateAndFill() throws {
        let s = try Self.sample()
        defer { s.remove() }
        try FileManager.default.removeItem(atPath: s.file("公章.png"))
        #expect(mkfifo(s.file("公章.png"), 0o644) == 0)
        let validate = try ShenbaoCommand.run(["validate", s.file("申报数据.yaml")], timeout: 20)
        #expect(validate.status == 1)
        #expect(validate.errorText.contains("error: 申报单位公章: 图片「公章.png」不是普通文件（是一个管道 FIFO），拒绝读取"), "\(validate.errorText)")
        let fill = try ShenbaoCommand.run(["fill", Self.template, s.file("申报数据.yaml"), "-o", s.file("out.docx")], timeout: 20)
        #expect(fill.status == 1)
        #expect(fill.errorText.contains("不是普通文件（是一个管道 FIFO）"), "\(fill.errorText)")
        #expect(!FileManager.default.fileExists(atPath: s.file("out.docx")))
    }

    @Test func aFIFONamedAsAPDFInCheckBatchIsRefusedAtOnce() throws {
        let s = try Self.sample()
        defer { s.remove() }
        let inbox = s.file("inbox")
        try FileManager.default.createDirectory(atPath: inbox, withIntermediateDirectories: true)
        let fill = try ShenbaoCommand.run(["fill", Self.template, s.file("申报数据.yaml"), "-o", inbox + "/甲.docx"])
        try #require(fill.status == 0, "\(fill.errorText)")
        #expect(mkfifo(inbox + "/甲.pdf", 0o644) == 0)
        let started = Date()
        let check = try ShenbaoCommand.run(["check", "--batch", inbox], timeout: 30)
        #expect(Date().timeIntervalSince(started) < 20)
        #expect(check.status == 1)
        #expect(check.outputText.contains("不是普通文件（是一个管道 FIFO），拒绝读取"), "\(check.outputText)")
    }

    @Test func aFIFOAsTheDataFileOrTheTemplateIsRefusedAtOnce() throws {
        let s = try Self.sample()
        defer { s.remove() }
        #expect(mkfifo(s.file("fifo.yaml"), 0o644) == 0)
        #expect(mkfifo(s.file("fifo.docx"), 0o644) == 0)
        let validate = try ShenbaoCommand.run(["validate", s.file("fifo.yaml")], timeout: 20)
        #expect(validate.status == 1)
        #expect(validate.errorText.contains("\(s.file("fifo.yaml")): error: 不是普通文件（是一个管道 FIFO），拒绝读取"), "\(validate.errorText)")
        let tags = try ShenbaoCommand.run(["tags", s.file("fifo.docx")], timeout: 20)
        #expect(tags.status == 1)
        #expect(tags.errorText.contains("不是普通文件（是一个管道 FIFO）"), "\(tags.errorText)")
    }

    @Test func anExistingFileAsTheOutputFolderIsSaidInChinese() throws {
        let s = try Self.sample()
        defer { s.remove() }
        let file = try s.write("occupied", "x")
        let build = try ShenbaoCommand.run(["build", s.file("申报数据.yaml"), "-o", file])
        #expect(build.status == 2)
        Self.expectNoFoundationDump(build)
        #expect(build.errorText.contains("\(file): 无法写入：已存在同名文件，不是目录"), "\(build.errorText)")
        let docx = s.file("out.docx")
        try #require(try ShenbaoCommand.run(["fill", Self.template, s.file("申报数据.yaml"), "-o", docx]).status == 0)
        let pdf = try ShenbaoCommand.run(["pdf", docx, "-o", file])
        #expect(pdf.status == 1)
        Self.expectNoFoundationDump(pdf)
        #expect(pdf.errorText.contains("已存在同名文件，不是目录"), "\(pdf.errorText)")
        let fill = try ShenbaoCommand.run(["fill", Self.template, s.file("申报数据.yaml"), "-o", file + "/x.docx"])
        #expect(fill.status == 1)
        #expect(fill.errorText.contains("\(file) 是一个文件，不是目录"), "\(fill.errorText)")
    }

    /// A tmpfs of `size` mounted at a fresh folder (read-only when asked), unmounted by `body`'s end.
    static func withMount(size: String, readOnly: Bool = false, _ body: (String) throws -> Void) throws {
        let scratch = try Scratch("mount")
        defer { scratch.remove() }
        let point = scratch.file("m")
        try FileManager.default.createDirectory(atPath: point, withIntermediateDirectories: true)
        let options = "size=\(size)" + (readOnly ? ",ro" : "")
        let mounted = try ExternalTool.run("mount", ["-t", "tmpfs", "-o", options, "tmpfs", point], timeout: 10)
        try #require(mounted.status == 0, "mount: \(mounted.errorText)")
        defer { _ = try? ExternalTool.run("umount", [point], timeout: 10) }
        try body(point)
    }

    @Test(.enabled(if: RequiredTools.present(.mount)))
    func aReadOnlyFolderIsSaidInChinese() throws {
        let s = try Self.sample()
        defer { s.remove() }
        try Self.withMount(size: "64k", readOnly: true) { folder in
            let fill = try ShenbaoCommand.run(["fill", Self.template, s.file("申报数据.yaml"), "-o", folder + "/out.docx"])
            #expect(fill.status == 1)
            Self.expectNoFoundationDump(fill)
            #expect(fill.errorText == "error: \(folder)/out.docx: 无法写入：所在文件系统是只读的\n")
            let schema = try ShenbaoCommand.run(["schema", "--form", "sd-lab-2022", "--templates", Checkout.path("templates"), "-o", folder + "/s.json"])
            #expect(schema.status == 1)
            #expect(schema.errorText == "error: \(folder)/s.json: 无法写入：所在文件系统是只读的\n")
            let build = try ShenbaoCommand.run(["build", s.file("申报数据.yaml"), "-o", folder + "/out"])
            #expect(build.status == 2)
            Self.expectNoFoundationDump(build)
            #expect(build.errorText.contains("\(folder)/out: 无法写入：无法创建目录：所在文件系统是只读的"), "\(build.errorText)")
        }
    }

    @Test(.enabled(if: RequiredTools.present(.mount)))
    func aFullDiskIsSaidInChineseAndLeavesNothing() throws {
        let s = try Self.sample()
        defer { s.remove() }
        // 8 KB: less than the filled form (about 25 KB).
        try Self.withMount(size: "8k") { folder in
            let fill = try ShenbaoCommand.run(["fill", Self.template, s.file("申报数据.yaml"), "-o", folder + "/out.docx"])
            #expect(fill.status == 1)
            Self.expectNoFoundationDump(fill)
            #expect(fill.errorText == "error: \(folder)/out.docx: 无法写入：磁盘已满\n")
            #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == [])
        }
    }
}
