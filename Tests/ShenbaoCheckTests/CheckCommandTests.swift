import Foundation
import ShenbaoTestSupport
import ShenbaoCore
import Testing

/// Runs the built `shenbao check` and reads its stdout, stderr and exit status.
@Suite("shenbao check command", .enabled(if: RequiredTools.present(.libreOffice, .poppler, .shenbao)))
struct CheckCommandTests {
    private func run(_ arguments: [String]) throws -> ToolResult {
        let binary = try #require(ShenbaoCommand.path, "build the shenbao executable first (swift build)")
        return try ExternalTool.run(binary, ["check"] + arguments, timeout: 60)
    }

    @Test func matchingPairExitsZero() throws {
        let result = try run([FormFixture.docx(.base), FormFixture.pdf(.base)])
        #expect(result.status == 0)
        #expect(result.outputText.contains("base.pdf：一致，3 页，"))
    }

    @Test func differingPairExitsOneAndPrintsEachDifference() throws {
        let result = try run([FormFixture.docx(.base), FormFixture.pdf(.changedCell)])
        #expect(result.status == 1)
        let lines = result.outputText.split(separator: "\n")
        #expect(lines.first == "word/document.xml, table 1, row 4, cell 2，PDF 第 1 页：文字：DOCX 为「学」，PDF 为「字」，位于「三单位名称山东大【学】一、项目基本情况」")
        #expect(lines.last?.hasSuffix("changedCell.pdf：1 处不同（文字 1 处），3 页") == true)
    }

    @Test func jsonFormat() throws {
        let result = try run([FormFixture.docx(.base), FormFixture.pdf(.swappedCheckbox), "--format", "json"])
        #expect(result.status == 1)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.standardOutput)) as? [String: Any])
        #expect(json["matches"] as? Bool == false)
        let differences = try #require(json["differences"] as? [[String: Any]])
        #expect(differences.map { $0["kind"] as? String } == ["checkbox", "checkbox"])
        #expect(differences.first?["location"] as? String == "word/document.xml, table 1, row 2, cell 2")
        #expect(differences.first?["docx"] as? String == "☑")
        #expect(differences.first?["pdf"] as? String == "□")
        #expect(differences.first?["pdfPage"] as? Int == 1)
    }

    @Test func dataFileDigestIsChecked() throws {
        let dir = try FormFixture.directory.get()
        let data = dir + "/older-data.json"
        try Data(FormFixture.olderData.canonicalJSON()).write(to: URL(fileURLWithPath: data))
        let result = try run([FormFixture.docx(.base), FormFixture.pdf(.base), "--data", data])
        #expect(result.status == 1)
        #expect(result.outputText.contains("数据校验值：数据文件不是生成 DOCX 和 PDF 所用的数据"))
    }

    @Test func batchUsesTheDataFileBesideEachPair() throws {
        let source = try FormFixture.directory.get()
        let inbox = try TestDirectory.fresh("shenbao-check-cli-inbox")
        for name in ["甲单位", "乙单位"] {
            try FileManager.default.copyItem(atPath: source + "/base.docx", toPath: "\(inbox)/\(name).docx")
            try FileManager.default.copyItem(atPath: source + "/base.pdf", toPath: "\(inbox)/\(name).pdf")
        }
        try Data(FormFixture.data.canonicalJSON()).write(to: URL(fileURLWithPath: "\(inbox)/甲单位.json"))
        try Data(FormFixture.olderData.canonicalJSON()).write(to: URL(fileURLWithPath: "\(inbox)/乙单位.json"))
        let result = try run(["--batch", inbox])
        #expect(result.status == 1)
        let lines = result.outputText.split(separator: "\n")
        // The fixture's form (test-form) has no template: the pair matches, and the row says what was not checked.
        #expect(lines.contains { $0.hasPrefix("| 甲单位 | 文本 PDF | 一致 | 0 | 0 | 警告：customXml/item1.xml：嵌入数据：找不到或无法使用表单「test-form」的模板") })
        #expect(lines.contains { $0.hasPrefix("| 乙单位 | 文本 PDF | 不一致 | 1 | 0 | customXml/item1.xml：数据校验值：数据文件不是生成 DOCX 和 PDF 所用的数据") })
        #expect(lines.last == "共 2 对：一致 1，不一致 1，无法读取 0，不成对 0")

        let json = try run(["--batch", inbox, "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.standardOutput)) as? [String: Any])
        let pairs = try #require(object["pairs"] as? [[String: Any]])
        #expect(pairs.map { $0["name"] as? String } == ["乙单位", "甲单位"])
        #expect(pairs.map { $0["verdict"] as? String } == ["differs", "match"])
        #expect(((pairs.first?["report"] as? [String: Any])?["differences"] as? [[String: Any]])?.first?["kind"] as? String == "digest")
    }

    @Test func unreadableFileExitsTwo() throws {
        let result = try run([FormFixture.docx(.base), "/nonexistent/form.pdf"])
        #expect(result.status == 2)
        #expect(result.errorText.contains("/nonexistent/form.pdf：无法读取："))
        #expect(result.outputText.isEmpty)
    }

    @Test func batchNeedsAFolderOrAPair() throws {
        let result = try run([FormFixture.docx(.base)])
        #expect(result.status == 64)
        #expect(result.errorText.contains("请给出 FORM.docx FORM.pdf 两个文件"))
    }
}
