import Foundation
import ShenbaoTestSupport
import ShenbaoCore
import ShenbaoOOXML
import Testing

/// Runs the built `shenbao summary` and reads what a user gets: files, stderr, exit code.
@Suite(.enabled(if: RequiredTools.present(.shenbao)))
struct SummaryCommandTests {
    /// Runs the built `shenbao` (`ShenbaoCommand`); the suites that call it need `.shenbao`.
    static func run(_ arguments: [String]) throws -> ToolResult {
        try ShenbaoCommand.run(arguments, timeout: 60)
    }

    @Test func writesEachFormatByExtension() throws {
        let dir = TempDirectory("summary-cli")
        let templates = try dir.fixtureTemplates()
        let inbox = try SubmissionFactory.jbgs(in: dir).map(\.path)
        for ext in ["xlsx", "csv", "docx"] {
            let out = "\(dir.path)/推荐汇总表.\(ext)"
            let result = try Self.run(["summary", "--form", "jbgs-test", "--templates", templates, "--by", "推荐单位"] + inbox + ["-o", out])
            #expect(result.status == 0, "\(result.errorText)")
            #expect(result.errorText == "\(out): 30 行\n")
            #expect(FileManager.default.fileExists(atPath: out))
        }
        let csv = try String(contentsOfFile: "\(dir.path)/推荐汇总表.csv", encoding: .utf8)
        #expect(CSVRecords.parse(csv).count == 31)
        // The CSV is one table with a 推荐单位 column; the XLSX has one sheet per recommender.
        let sheets = try (1...3).map { try XLSXReader(path: "\(dir.path)/推荐汇总表.xlsx", sheet: $0).tableTexts }
        #expect(sheets.allSatisfy { $0.first == CSVRecords.parse(csv).first })
        #expect([sheets[0][0]] + sheets.flatMap { $0.dropFirst() } == CSVRecords.parse(csv))
    }

    @Test func problemsExitNonZeroAndWriteNothing() throws {
        let dir = TempDirectory("summary-cli-bad")
        let templates = try dir.fixtureTemplates()
        let generated = try SubmissionFactory.jbgs(in: dir)
        let third = generated.first { $0.city == "青岛市大数据局" && $0.rank == 3 }!.path
        try SubmissionFactory.edit(third, "榜单方向: \"公共数据授权运营\"", to: "榜单方向: \"数据产权\"")
        let out = "\(dir.path)/推荐汇总表.xlsx"
        let result = try Self.run(["summary", "--form", "jbgs-test", "--templates", templates] + generated.map(\.path) + ["-o", out])
        #expect(result.status == 1)
        #expect(result.errorText.hasPrefix("\(try SubmissionFactory.location(of: "推荐单位", in: third)): error: 每个榜单方向每市推荐数量不超过2个："))
        #expect(result.errorText.hasSuffix("1 个错误，0 个警告\n"))
        #expect(!FileManager.default.fileExists(atPath: out))

        // JSON diagnostics name the file too.
        let json = try Self.run(["summary", "--form", "jbgs-test", "--templates", templates, "--diagnostics", "json"]
                                      + generated.map(\.path) + ["-o", out])
        let report = try JSONSerialization.jsonObject(with: Data(json.standardOutput)) as? [String: Any]
        let first = (report?["diagnostics"] as? [[String: Any]])?.first
        #expect(first?["file"] as? String == third)
        #expect(first?["code"] as? String == "over-quota")
    }

    @Test func refusesBadOutputsAndOverwritingAnInput() throws {
        let dir = TempDirectory("summary-cli-args")
        let templates = try dir.fixtureTemplates()
        let inbox = try SubmissionFactory.jbgs(in: dir).map(\.path)
        let pdf = try Self.run(["summary", "--form", "jbgs-test", "--templates", templates, inbox[0], "-o", "\(dir.path)/x.pdf"])
        #expect(pdf.status != 0)
        #expect(pdf.errorText.contains("扩展名应为 .docx、.xlsx 或 .csv"))
        let before = try String(contentsOfFile: inbox[0], encoding: .utf8)
        let clash = try Self.run(["summary", "--form", "jbgs-test", "--templates", templates, inbox[0], "-o", inbox[0].replacingOccurrences(of: ".yaml", with: ".csv"), "-o", inbox[0]])
        #expect(clash.status != 0)
        #expect(try String(contentsOfFile: inbox[0], encoding: .utf8) == before)
        let unknown = try Self.run(["summary", "--form", "no-such-form", "--templates", templates, inbox[0], "-o", "\(dir.path)/x.csv"])
        #expect(unknown.status == 1)
        #expect(unknown.errorText.contains("找不到表单「no-such-form」的规格"))
    }

    /// `--make-template` writes the summary template; a bureau's restyled copy in the package is
    /// what later summaries are filled into.
    @Test func restyledTemplateIsUsed() throws {
        let dir = TempDirectory("summary-cli-template")
        let templates = try dir.fixtureTemplates()
        let inbox = try SubmissionFactory.jbgs(in: dir).map(\.path)
        let template = "\(templates)/jbgs-test/summary.docx"
        let made = try Self.run(["summary", "--form", "jbgs-test", "--templates", templates, "--make-template", "-o", template])
        #expect(made.status == 0, "\(made.errorText)")
        // The bureau adds 附件2 above the title.
        var archive = try ZipArchive(contentsOf: template)
        var document = try archive.xml("word/document.xml")
        var body = try #require(document.root.child("w:body"))
        body.children.insert(.element(XMLElement("w:p", children: [.element(XMLElement("w:r", children: [
            .element(XMLElement("w:t", children: [.text("附件2")])),
        ]))])), at: 0)
        document.root.children = [.element(body)]
        archive.setXML("word/document.xml", document)
        try archive.write(to: template)

        let out = "\(dir.path)/汇总.docx"
        let result = try Self.run(["summary", "--form", "jbgs-test", "--templates", templates] + inbox + ["-o", out])
        #expect(result.status == 0, "\(result.errorText)")
        let filled = try ZipArchive(contentsOf: out).xml("word/document.xml").root
        #expect(DOCXSummaryTests.paragraphs(filled).prefix(2) == ["附件2", "2025年全省数据要素市场化配置改革揭榜挂帅推荐汇总表"])
        #expect(DOCXSummaryTests.tableText(filled).count == 33)  // three recommenders: a header row each
    }
}
