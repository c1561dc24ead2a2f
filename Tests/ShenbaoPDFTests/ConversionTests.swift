import ShenbaoTestSupport
import Foundation
import ShenbaoCore
import ShenbaoPDF
import Testing

/// Real LibreOffice conversions read back with poppler (see `ConvertedBatch`).
@Suite(.enabled(if: RequiredTools.present(.libreOffice, .poppler)), .serialized)
struct ConversionTests {
    let batch: ConvertedBatch

    init() throws { batch = try ConvertedBatch.shared.get() }

    private func pdf(_ number: Int) throws -> String {
        try #require(batch.oneJob[number].output)
    }

    @Test func goodFormsConvertAndBadOnesAreReportedWithoutAPDF() throws {
        for i in ConvertedBatch.goodForms {
            #expect(batch.oneJob[i].succeeded, "\(batch.oneJob[i].diagnostics)")
            #expect(batch.oneJob[i].output == "\(batch.oneJobFolder)/form\(i).pdf")
        }
        let uncovered = batch.oneJob[ConvertedBatch.uncoveredForm]
        #expect(!uncovered.succeeded && uncovered.attempts == 0)
        #expect(uncovered.diagnostics.map(\.code.rawValue) == ["uncovered-character"])
        #expect(uncovered.diagnostics.first?.message.contains("U+10FFFD") == true)
        #expect(uncovered.diagnostics.first?.place?.hasPrefix("word/document.xml, paragraph ") == true)
        #expect(batch.oneJob[ConvertedBatch.notAZip].diagnostics.map(\.code.rawValue) == ["unreadable-docx"])
        // Only the finished PDFs: nothing partial, no temporary or lock files.
        #expect(filesIn(batch.oneJobFolder) == ["form0.pdf", "form1.pdf", "form2.pdf", "form3.pdf"])
        #expect(filesIn(batch.inputFolder) == ["broken.docx", "form0.docx", "form1.docx", "form2.docx", "form3.docx", "uncovered.docx"])
    }

    @Test func textOfBodyTableHeaderAndFooterIsInThePDF() throws {
        let text = try Poppler.compactText(pdf(1))
        let form = SpecimenForm(number: 1)
        for expected in [
            "附件1", "2025年度专精特新中小企业申报表", "一、企业基本情况", "（一）主导产品与市场地位", "统一社会信用代码", form.creditCode,
            "江苏省工业和信息化厅制", "— 1 —", "本单位承诺所填报内容真实、准确、完整。", "2025年6月30日",
        ] {
            #expect(text.contains(expected.filter { !$0.isWhitespace }), "missing \(expected)")
        }
        #expect(text.contains(form.company))
    }

    @Test func pagesAreA4AndTitleComesFromTheDocument() throws {
        let info = try Poppler.info(pdf(0))
        let pages = try #require(info["Pages"].flatMap { Int($0) })
        #expect((1...2).contains(pages))
        #expect(info["Page size"]?.hasSuffix("(A4)") == true, "\(info["Page size"] ?? "")")
        #expect(info["Title"] == SpecimenForm(number: 0).company + "申报表")
    }

    @Test func formFontsUseTheChosenFacesAllEmbedded() throws {
        let fonts = try Poppler.fonts(pdf(0))
        #expect(!fonts.isEmpty)
        #expect(fonts.allSatisfy { $0.embedded }, "\(fonts)")
        let names = fonts.map { FaceName.normalised($0.baseName) }
        for formFont in ["宋体", "仿宋_GB2312", "黑体", "楷体_GB2312", "方正小标宋简体"] {
            let face = try #require(batch.substitution.face(for: formFont))
            let expected = try FaceName.postScriptName(ofFamily: face)
            #expect(names.contains { $0.hasPrefix(expected) }, "\(formFont) → \(face) (\(expected)) not among \(names)")
        }
        // Without the table every Chinese run would come out in one Japanese sans face.
        #expect(names.contains { $0.hasPrefix("notoserifcjk") })
    }

    @Test func sealComesOutAt42MillimetresWithItsTransparency() throws {
        let images = try Poppler.images(pdf(2))
        let picture = try #require(images.first { $0.type == "image" })
        #expect(abs(picture.widthMillimetres - 42) < 0.6, "\(picture.widthMillimetres) mm")
        #expect(picture.width == picture.height)
        let mask = try #require(images.first { $0.type == "smask" })
        #expect(mask.width == picture.width && mask.height == picture.height)
    }

    @Test func twoJobsGiveTheSameResultsAsOne() throws {
        #expect(batch.twoJobs.map(\.succeeded) == batch.oneJob.map(\.succeeded))
        #expect(filesIn(batch.twoJobsFolder) == filesIn(batch.oneJobFolder))
        for i in ConvertedBatch.goodForms {
            let one = try Poppler.text(#require(batch.oneJob[i].output))
            let two = try Poppler.text(#require(batch.twoJobs[i].output))
            #expect(one == two, "form\(i)")
        }
    }

    @Test func pdfaFlagWritesPDFA2b() throws {
        let output = try #require(batch.pdfa.output, "\(batch.pdfa.diagnostics)")
        let metadata = try Poppler.metadata(output)
        let part = metadata.contains("<pdfaid:part>2</pdfaid:part>") || metadata.contains("pdfaid:part=\"2\"")
        let conformance = metadata.contains("<pdfaid:conformance>B</pdfaid:conformance>") || metadata.contains("pdfaid:conformance=\"B\"")
        #expect(part && conformance, "\(metadata)")
        #expect(try Poppler.text(output) == Poppler.text(pdf(0)))
        // PDF/A-2 keeps the seal's soft mask (PDF/A-1 would forbid it) and embeds every font.
        #expect(try Poppler.images(output).contains { $0.type == "smask" })
        #expect(try Poppler.fonts(output).allSatisfy { $0.embedded })
    }
}

/// PostScript font names compared without the language tag LibreOffice writes: it names every face
/// of a Noto CJK collection after the collection's first (`NotoSerifCJKjp-Light`) even when it
/// draws the SC face, as rendering shows.
enum FaceName {
    static func normalised(_ name: String) -> String {
        var n = name.lowercased()
        for tag in ["cjkjp", "cjksc", "cjktc", "cjkkr", "cjkhk"] { n = n.replacingOccurrences(of: tag, with: "cjk") }
        return n.replacingOccurrences(of: "-vkana", with: "")
    }

    static func postScriptName(ofFamily family: String) throws -> String {
        let result = try ExternalTool.run("fc-list", ["--format", "%{postscriptname}\n", family], timeout: 30)
        let names = result.outputText.split(separator: "\n").map(String.init)
        // A weight's own family (`Noto Serif CJK SC Light`) lists one face; a base family lists
        // Regular among its weights.
        let chosen = names.first { $0.hasSuffix("-Regular") } ?? names.first ?? family
        return normalised(chosen)
    }
}
