import Foundation
import ShenbaoTestSupport
import Testing

/// What `shenbao data` prints reads back to the same data: refilled, it gives the same digest.
/// Regression: a digit-only string ("13912345678") was printed unquoted, read back as a number,
/// and refilled to another digest.
@Suite struct DataRoundTripTests {
    @Test func printedDataRefillsToTheSameDigest() throws {
        let scratch = try Scratch("data-roundtrip")
        defer { scratch.remove() }
        let sample = try String(contentsOfFile: Checkout.path("samples/sd-lab-2022/申报数据.yaml"), encoding: .utf8)
        let text = sample.replacingOccurrences(of: "  电话: 0531-88661234", with: "  电话: \"13912345678\"")
            + "备注: \"true\"\n"
        #expect(text != sample)
        for image in ["公章.png", "推荐单位公章.png"] {
            try FileManager.default.copyItem(atPath: Checkout.path("samples/sd-lab-2022/\(image)"), toPath: scratch.file(image))
        }
        let data = try scratch.write("data.yaml", text)
        let template = Checkout.path("templates/sd-lab-2022/template.docx")
        let first = try ShenbaoCommand.run(["fill", template, data, "-o", scratch.file("a.docx")])
        #expect(first.status == 0, "\(first.errorText)")
        let printed = try ShenbaoCommand.run(["data", scratch.file("a.docx")])
        #expect(printed.status == 0, "\(printed.errorText)")
        #expect(printed.outputText.contains("电话: '13912345678'\n"))
        #expect(printed.outputText.contains("备注: 'true'\n"))
        let again = try scratch.write("again.yaml", printed.outputText)
        let second = try ShenbaoCommand.run(["fill", template, again, "-o", scratch.file("b.docx")])
        #expect(second.status == 0, "\(second.errorText)")
        let reprinted = try ShenbaoCommand.run(["data", scratch.file("b.docx")])
        let digest = { (text: String) in text.split(separator: "\n").first.map(String.init) ?? "" }
        #expect(digest(printed.outputText).contains("sha256: "))
        #expect(digest(reprinted.outputText) == digest(printed.outputText))
        #expect(reprinted.outputText == printed.outputText)
    }
}
