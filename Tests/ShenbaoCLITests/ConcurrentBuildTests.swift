import Foundation
import ShenbaoCore
import ShenbaoTestSupport
import Testing

/// Issue 14, item 10: two `shenbao build` into one folder at once. One run used to report its
/// own correct pair as 不一致 because the other replaced its files mid-check. The folder is now
/// locked for a build: the second waits, says so, and both pairs are checked as 一致.
@Suite(.enabled(if: RequiredTools.present(.shenbao, .libreOffice, .poppler)))
struct ConcurrentBuildTests {
    /// Starts `shenbao arguments` without waiting; stdout and stderr go to files in `folder`.
    static func start(_ arguments: [String], logs folder: String, name: String) throws -> (Process, String, String) {
        let run = Process()
        run.executableURL = URL(fileURLWithPath: try #require(ShenbaoCommand.path))
        run.arguments = arguments
        let out = folder + "/\(name).out", err = folder + "/\(name).err"
        FileManager.default.createFile(atPath: out, contents: nil)
        FileManager.default.createFile(atPath: err, contents: nil)
        run.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: out))
        run.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: err))
        try run.run()
        return (run, out, err)
    }

    @Test func twoBuildsIntoOneFolderAtOnceBothMatch() throws {
        let scratch = try Scratch("concurrent-build")
        defer { scratch.remove() }
        // Two applicants whose data files share a name: both builds write 申报数据.docx and .pdf.
        var data: [String] = []
        for (folder, unit) in [("甲", "甲市大学数据科学学院"), ("乙", "乙市大学数据科学学院")] {
            let dir = scratch.file(folder)
            try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
            for name in ["公章.png", "推荐单位公章.png"] {
                try FileManager.default.copyItem(atPath: Checkout.sample("sd-lab-2022") + "/" + name, toPath: dir + "/" + name)
            }
            let text = try String(contentsOfFile: Checkout.sample("sd-lab-2022") + "/申报数据.yaml", encoding: .utf8)
            let edited = text.replacingOccurrences(of: "山东海岱大学数据科学与工程学院", with: unit)
            #expect(edited != text)
            try edited.write(toFile: dir + "/申报数据.yaml", atomically: true, encoding: .utf8)
            data.append(dir + "/申报数据.yaml")
        }
        let out = scratch.file("out")
        let first = try Self.start(["build", data[0], "-o", out], logs: scratch.path, name: "first")
        // The second starts once the first holds the folder.
        let deadline = Date().addingTimeInterval(30)
        while !FolderLock.isHeld(out) && first.0.isRunning && Date() < deadline { usleep(20_000) }
        #expect(FolderLock.isHeld(out), "the first build did not lock \(out)")
        let second = try Self.start(["build", data[1], "-o", out], logs: scratch.path, name: "second")
        first.0.waitUntilExit()
        second.0.waitUntilExit()

        let read = { (path: String) in (try? String(contentsOfFile: path, encoding: .utf8)) ?? "" }
        #expect(first.0.terminationStatus == 0, "\(read(first.2))")
        #expect(second.0.terminationStatus == 0, "\(read(second.2))")
        #expect(read(first.1).contains("：一致，"), "\(read(first.1))")
        #expect(read(second.1).contains("：一致，"), "\(read(second.1))")
        #expect(read(second.2).contains("输出目录 \(out) 正被另一个 shenbao build 使用，等待它完成…"), "\(read(second.2))")
        // What is left is the second applicant's pair.
        let pdfText = try ExternalTool.run("pdftotext", [out + "/申报数据.pdf", "-"], timeout: 60).outputText
        #expect(pdfText.contains("乙市大学数据科学学院"))
    }
}
