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
