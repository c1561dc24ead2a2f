import Foundation
import ShenbaoCore
import ShenbaoOOXML
import Testing

@testable import ShenbaoFill

/// Random tag soup in random places: the filler either reports diagnostics or writes
/// well-formed parts; it never crashes.
@Suite struct RandomTemplateTests {
    struct Generator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state ^= state << 13
            state ^= state >> 7
            state ^= state << 17
            return state
        }
    }

    static let pieces = ["{{", "}}", "{{#a}}", "{{/a}}", "{{^b}}", "{{/b}}", "{{/}}", "{{x}}", "{{.}}", "{{@index}}", "{{! c }}",
                         "{{a.y}}", "{{c=1}}", "{{x | default \"无\"}}", "{{#a}}", "文字", " ", "{", "}", "{{=[[ ]]=}}", "[[x]]", "[[={{ }}=]]"]

    @Test(arguments: 0..<200)
    func randomTemplate(seed: Int) throws {
        var g = Generator(state: UInt64(seed) &* 0x9E37_79B9_7F4A_7C15 | 1)
        func text() -> String { (0..<Int.random(in: 1...4, using: &g)).map { _ in Self.pieces.randomElement(using: &g)! }.joined() }
        func runs() -> String { (0..<Int.random(in: 1...3, using: &g)).map { _ in run(text()) }.joined() }
        func paragraph() -> String { "<w:p>\(runs())</w:p>" }
        func table() -> String {
            "<w:tbl>" + (0..<Int.random(in: 1...3, using: &g)).map { _ in
                "<w:tr>" + (0..<Int.random(in: 1...3, using: &g)).map { _ in cell(paragraph()) }.joined() + "</w:tr>"
            }.joined() + "</w:tbl>"
        }
        let body = (0..<Int.random(in: 1...6, using: &g)).map { _ in Bool.random(using: &g) ? paragraph() : table() }.joined()
        let data = try yaml("a: [{y: 1, x: 2}, {y: 3}]\nb: false\nc: '1'\nx: 四\n")
        do {
            let out = try fill(DocxBuilder(body), data) { $0.allowMissing = Bool.random(using: &g) }
            _ = try XMLParser.parse(out["word/document.xml"] ?? [], part: "word/document.xml")
        } catch let error as DiagnosticsError {
            #expect(!error.diagnostics.isEmpty)
            #expect(error.diagnostics.allSatisfy { $0.place?.hasPrefix("word/document.xml") == true })
        }
    }
}

/// Valid templates whose text is cut into runs at random places (inside tags too), with the
/// marks Word puts between runs: the filled text is the same as without the cuts.
@Suite struct RandomRunSplitTests {
    static let paragraphs = [
        "单位：{{单位.名称}}，联系人{{ 联系人 }}", "{{#人员}}{{@index}}.{{姓名}}、{{/人员}}", "{{^联合单位}}无{{/联合单位}}",
        "{{#人员}}{{姓名}}（{{单位.名称}}）{{/}}", "金额{{经费 | rmb}}", "{{性质=企业}}企业{{性质=高校}}高校", "{{! 注释 }}结束",
    ]
    static let marks = ["", "<w:proofErr w:type=\"spellStart\"/>", "<w:bookmarkStart w:id=\"9\" w:name=\"_GoBack\"/><w:bookmarkEnd w:id=\"9\"/>", "<w:r><w:lastRenderedPageBreak/></w:r>"]

    @Test(arguments: 0..<100)
    func runSplitsDoNotChangeTheResult(seed: Int) throws {
        var g = RandomTemplateTests.Generator(state: UInt64(seed + 1) &* 0x2545_F491_4F6C_DD1D | 1)
        let chosen = (0..<3).map { _ in Self.paragraphs.randomElement(using: &g)! }
        func split(_ text: String) -> String {
            var out = ""
            var current = ""
            for c in text {
                current.append(c)
                if Int.random(in: 0..<4, using: &g) == 0 {
                    out += "<w:r w:rsidR=\"00\(Int.random(in: 10...99, using: &g))\"><w:t>\(current)</w:t></w:r>" + Self.marks.randomElement(using: &g)!
                    current = ""
                }
            }
            if !current.isEmpty { out += run(current) }
            return "<w:p>\(out)</w:p>"
        }
        let data = try yaml("单位: {名称: 山大}\n联系人: 张三\n人员: [{姓名: 甲}, {姓名: 乙}]\n经费: '1234.5'\n性质: 企业\n")
        let whole = try fill(DocxBuilder(chosen.map { para(run($0)) }.joined()), data)
        let cut = try fill(DocxBuilder(chosen.map(split).joined()), data)
        #expect(try Docx.paragraphs(cut) == Docx.paragraphs(whole))
        #expect(try !Docx.paragraphs(whole).joined().contains("{{"))
    }
}
