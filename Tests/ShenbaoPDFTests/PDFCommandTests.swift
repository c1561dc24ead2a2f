import ShenbaoTestSupport
import Foundation
import ShenbaoCore
import ShenbaoPDF
import Testing

/// `shenbao pdf` run as users run it: the built binary, its exit code, stdout and stderr.
@Suite struct PDFCommandTests {
    /// The `shenbao` executable built beside this test bundle.
    static let binary: String? = ShenbaoCommand.path

    static func shenbao(_ arguments: [String]) throws -> ToolResult {
        let binary = try #require(binary, "build the shenbao executable first (swift build)")
        return try ExternalTool.run(binary, arguments, timeout: 300)
    }

    @Test(.enabled(if: RequiredTools.present(.shenbao)))
    func missingLibreOfficeStopsBeforeAnythingRuns() throws {
        let folder = try makeScratchFolder("cli-missing")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let input = folder + "/form.docx"
        try SpecimenForm(number: 0).archive(path: input).write(to: input)
        let result = try Self.shenbao(["pdf", input, "--soffice", folder + "/no-soffice"])
        #expect(result.status == 2)
        #expect(result.errorText.contains("找不到 LibreOffice"))
        #expect(result.errorText.contains("sudo apt-get install libreoffice-writer-nogui"))
        #expect(filesIn(folder) == ["form.docx"])
    }

    @Test(.enabled(if: RequiredTools.present(.shenbao, .libreOffice, .poppler)))
    func showsTheFontTableItUses() throws {
        let result = try Self.shenbao(["pdf", "--show-fonts"])
        #expect(result.status == 0)
        let table = try FontSubstitution.resolve(installed: InstalledFonts.system().families)
        #expect(result.outputText.contains("宋体 → \(try #require(table.face(for: "宋体")))\n"))
        #expect(result.outputText.contains("仿宋_GB2312 → \(try #require(table.face(for: "仿宋_GB2312")))\n"))
    }

    @Test(.enabled(if: RequiredTools.present(.shenbao, .libreOffice, .poppler)))
    func reportsEachDocumentAndFailsWhenOneFails() throws {
        let folder = try makeScratchFolder("cli")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let good = folder + "/甲公司.docx"
        try SpecimenForm(number: 0).archive(path: good).write(to: good)
        var bad = SpecimenForm(number: 1)
        bad.extraText = "\u{10FFFD}"
        let uncovered = folder + "/乙公司.docx"
        try bad.archive(path: uncovered).write(to: uncovered)

        let result = try Self.shenbao(["pdf", good, uncovered, "-o", folder + "/pdf", "--jobs", "2", "--timeout", "120"])
        #expect(result.status == 1)
        #expect(result.outputText.contains("已转换 \(good) -> \(folder)/pdf/甲公司.pdf"))
        #expect(result.outputText.contains("转换失败 \(uncovered)"))
        #expect(result.errorText.contains("\(uncovered): word/document.xml, paragraph 9: error: U+10FFFD"), "\(result.errorText)")
        #expect(result.errorText.contains("1/2 份已转换"))
        #expect(filesIn(folder + "/pdf") == ["甲公司.pdf"])
        #expect(try Poppler.compactText(folder + "/pdf/甲公司.pdf").contains("2025年度专精特新中小企业申报表"))
    }

    @Test(.enabled(if: RequiredTools.present(.shenbao, .libreOffice, .poppler)))
    func jsonFormatPrintsOneObjectWithEachDocument() throws {
        let folder = try makeScratchFolder("cli-json")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let good = folder + "/甲公司.docx"
        try SpecimenForm(number: 0).archive(path: good).write(to: good)
        let notZip = folder + "/乙公司.docx"
        try Data("not a zip".utf8).write(to: URL(fileURLWithPath: notZip))

        let result = try Self.shenbao(["pdf", good, notZip, "-o", folder + "/pdf", "--jobs", "1", "--format", "json"])
        #expect(result.status == 1)
        let parsed = try JSONSerialization.jsonObject(with: Data(result.outputText.utf8))
        let report = try #require(parsed as? [String: Any], "stdout is not one JSON object: \(result.outputText)")
        #expect(Set(report.keys) == ["converted", "failed", "documents"])
        #expect(report["converted"] as? Int == 1)
        #expect(report["failed"] as? Int == 1)
        let documents = try #require(report["documents"] as? [[String: Any]])
        try #require(documents.count == 2)

        let converted = try #require(documents.first { $0["input"] as? String == good })
        #expect(converted["output"] as? String == folder + "/pdf/甲公司.pdf")
        #expect(converted["attempts"] as? Int == 1)
        #expect((converted["diagnostics"] as? [Any])?.isEmpty == true)

        let failed = try #require(documents.first { $0["input"] as? String == notZip })
        #expect(failed["output"] is NSNull)
        #expect(failed["attempts"] as? Int == 0)
        let problems = try #require(failed["diagnostics"] as? [[String: Any]])
        try #require(problems.count == 1)
        #expect(problems[0]["severity"] as? String == "error")
        #expect(problems[0]["file"] as? String == notZip)
        #expect((problems[0]["message"] as? String)?.isEmpty == false)
        #expect(filesIn(folder + "/pdf") == ["甲公司.pdf"])
    }

    @Test(.enabled(if: RequiredTools.present(.shenbao)))
    func ctrlCStopsLibreOfficeAndLeavesNothing() throws {
        let folder = try makeScratchFolder("cli-interrupt")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let fake = try HangingConverter.install(in: folder)
        let input = folder + "/form.docx"
        try SpecimenForm(number: 0).archive(path: input).write(to: input)

        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(Self.binary))
        process.arguments = ["pdf", input, "-o", folder + "/pdf", "--soffice", fake, "--timeout", "100"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        // Wait until the stand-in converter runs, then press Ctrl-C.
        let deadline = Date().addingTimeInterval(30)
        while !FileManager.default.fileExists(atPath: folder + "/children") && Date() < deadline { usleep(50_000) }
        process.interrupt()
        process.waitUntilExit()
        #expect(process.terminationStatus == 130)
        let children = try HangingConverter.children(in: folder)
        #expect(children.count == 1)
        for pid in children { #expect(kill(pid, 0) != 0 || isZombie(pid), "converter \(pid) still running") }
        #expect(filesIn(folder + "/pdf").isEmpty)
    }
}

private func isZombie(_ pid: Int32) -> Bool {
    guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8), let close = stat.lastIndex(of: ")") else { return true }
    return stat[stat.index(close, offsetBy: 2)] == "Z"
}
