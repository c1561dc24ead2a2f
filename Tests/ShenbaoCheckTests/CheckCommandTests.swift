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
        #expect(result.outputText.contains("base.pdf: match, 3 pages, "))
    }

    @Test func differingPairExitsOneAndPrintsEachDifference() throws {
        let result = try run([FormFixture.docx(.base), FormFixture.pdf(.changedCell)])
        #expect(result.status == 1)
        let lines = result.outputText.split(separator: "\n")
        #expect(lines.first == "word/document.xml, table 1, row 4, cell 2, PDF page 1: text: DOCX 「学」, PDF 「字」 in 「三单位名称山东大【学】一、项目基本情况」")
        #expect(lines.last?.hasSuffix("changedCell.pdf: 1 difference (1 text), 3 pages") == true)
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
        #expect(result.outputText.contains("digest: the data file is not the data the DOCX and the PDF were made from"))
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
        #expect(lines.contains { $0.hasPrefix("| 甲单位 | 文本 PDF | match | 0 | 0 | warning: customXml/item1.xml: data: 找不到或无法使用表单「test-form」的模板") })
        #expect(lines.contains { $0.hasPrefix("| 乙单位 | 文本 PDF | differs | 1 | 0 | customXml/item1.xml: digest: the data file is not the data the DOCX and the PDF were made from") })
        #expect(lines.last == "2 pairs: 1 match, 1 differ, 0 unreadable, 0 unpaired")

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
        #expect(result.errorText.contains("/nonexistent/form.pdf: cannot read"))
        #expect(result.outputText.isEmpty)
    }

    @Test func batchNeedsAFolderOrAPair() throws {
        let result = try run([FormFixture.docx(.base)])
        #expect(result.status == 64)
        #expect(result.errorText.contains("expected FORM.docx FORM.pdf"))
    }
}
