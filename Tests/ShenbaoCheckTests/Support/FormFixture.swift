import ShenbaoTestSupport
import Foundation
import ShenbaoCore
import ShenbaoPDF
@testable import ShenbaoCheck

/// A small filled application form and variants of it, each converted to PDF once for the whole
/// test run (one `soffice` call): the base form, and the form changed in the ways the check must
/// catch or must forgive.
enum FormFixture {
    enum Variant: String, CaseIterable {
        case base, changedCell, missingParagraph, extraRow, swappedCheckbox, missingSeal, olderData, reflowed, letterPaper, helloWorld
        /// A 60-row member table whose header row repeats on every page.
        case longTable
        /// The base form with an endnote, and with one character of the endnote changed.
        case withEndnote, changedEndnote
    }

    static let data = DataValue(.map(DataMap([
        .init(key: "主申报单位名称", value: .string("山东大学")),
        .init(key: "主申报单位性质", value: .string("高校")),
    ])))
    static let olderData = DataValue(.map(DataMap([
        .init(key: "主申报单位名称", value: .string("山东大学")),
        .init(key: "主申报单位性质", value: .string("科研院所")),
    ])))

    static let missingParagraphText = "二、研究目标：突破三项核心技术，申请发明专利五项"
    static let endnoteText = "数据来源：2025年山东省统计年鉴。"

    static func document(_ variant: Variant) -> TestDocx {
        if variant == .helloWorld {
            var doc = TestDocx(blocks: [TestDocx.paragraph("Hello Helvetica")])
            doc.header = nil
            doc.pageNumberFooter = false
            return doc
        }
        if variant == .longTable {
            let members = (1...60).map { ["\($0)", "成员\($0)", $0 % 2 == 0 ? "女" : "男", "山东大学"] }
            var doc = TestDocx(blocks: [TestDocx.paragraph("项目组成员"), TestDocx.table([["序号", "姓名", "性别", "单位"]] + members, headerRows: 1)])
            doc.header = nil
            return doc
        }
        var rows = [
            ["项目名称", "智能制造关键技术研究"],
            ["主申报单位性质", variant == .swappedCheckbox ? "□高校 ☑科研院所 □企业" : "☑高校 □科研院所 □企业"],
            ["项目负责人", "张三"],
            ["单位名称", variant == .changedCell ? "山东大字" : "山东大学"],
        ]
        if variant == .extraRow { rows.append(["联系人", "李四"]) }
        var blocks = [
            TestDocx.paragraph("科技计划项目申报书"),
            TestDocx.table(rows),
            TestDocx.paragraph(runs: [TestDocx.run("一、项目基本情况"), TestDocx.footnoteReference(1)]),
            TestDocx.textBoxParagraph("本项目的补充说明见右侧文本框。", boxText: "文本框：经费自筹部分由单位承担"),
        ]
        for i in 1...30 {
            if variant == .reflowed && (i == 6 || i == 17) { blocks.append(TestDocx.pageBreak) }
            blocks.append(TestDocx.paragraph("第\(i)条　研究内容说明：围绕关键技术开展系统研究，形成可推广的成果与示范应用。"))
            if i == 12 && variant != .missingParagraph { blocks.append(TestDocx.paragraph(missingParagraphText)) }
        }
        blocks.append(variant == .missingSeal ? TestDocx.paragraph("申报单位（盖章）：山东大学") : TestDocx.sealParagraph("申报单位（盖章）：山东大学"))
        blocks.append(TestDocx.paragraph("日期：2026年11月23日"))
        blocks.append(TestDocx.symbolCheckboxParagraph)
        blocks.append(TestDocx.numberedParagraph("项目背景"))
        blocks.append(TestDocx.numberedParagraph("研究内容"))
        if variant == .withEndnote || variant == .changedEndnote {
            blocks.append(TestDocx.paragraph(runs: [TestDocx.run("经费预算依据统计数据编制"), TestDocx.endnoteReference(1)]))
        }

        var doc = TestDocx(blocks: blocks)
        doc.footnotes = ["项目基本情况以申报年度为准。"]
        if variant == .withEndnote { doc.endnotes = [endnoteText] }
        if variant == .changedEndnote { doc.endnotes = [endnoteText.replacingOccurrences(of: "鉴", with: "签")] }
        doc.sealPNG = variant == .missingSeal ? nil : SealImage.redRing(pixels: 160)
        let recorded = variant == .olderData ? olderData : data
        doc.digest = recorded.digest
        doc.dataJSON = String(decoding: recorded.canonicalJSON(), as: UTF8.self)
        switch variant {
        case .reflowed:
            doc.margins = (top: 1_000, right: 2_600, bottom: 1_000, left: 2_600)
            doc.fontSize = 24
        case .letterPaper:
            doc.pageWidth = 12_240
            doc.pageHeight = 15_840
        default: break
        }
        return doc
    }

    /// The folder holding `<variant>.docx` and `<variant>.pdf` for every variant, plus
    /// `helvetica.pdf` (an unembedded standard font).
    static let directory: Result<String, Error> = Result {
        let dir = try TestDirectory.fresh("shenbao-check-fixture")
        let paths = try Variant.allCases.map { variant in
            let path = "\(dir)/\(variant.rawValue).docx"
            try document(variant).write(to: path)
            return path
        }
        try TestConversion.convert(paths, outputDirectory: dir)
        try Data(HandWrittenPDF.helvetica(text: "Hello Helvetica")).write(to: URL(fileURLWithPath: "\(dir)/helvetica.pdf"))
        return dir
    }

    static func docx(_ variant: Variant) throws -> String { try directory.get() + "/\(variant.rawValue).docx" }
    static func pdf(_ variant: Variant) throws -> String { try directory.get() + "/\(variant.rawValue).pdf" }
}

/// A one-page A4 PDF written byte by byte that uses the standard Helvetica font without
/// embedding it: what `pdffonts` reports as emb=no.
enum HandWrittenPDF {
    static func helvetica(text: String) -> [UInt8] {
        let stream = "BT /F1 24 Tf 72 720 Td (\(text)) Tj ET"
        let objects = [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
            "<< /Length \(stream.utf8.count) >>\nstream\n\(stream)\nendstream",
        ]
        var out = "%PDF-1.4\n"
        var offsets: [Int] = []
        for (i, object) in objects.enumerated() {
            offsets.append(out.utf8.count)
            out += "\(i + 1) 0 obj\n\(object)\nendobj\n"
        }
        let xref = out.utf8.count
        out += "xref\n0 \(objects.count + 1)\n0000000000 65535 f \n"
        for offset in offsets { out += String(format: "%010d 00000 n \n", offset) }
        out += "trailer\n<< /Size \(objects.count + 1) /Root 1 0 R >>\nstartxref\n\(xref)\n%%EOF\n"
        return Array(out.utf8)
    }
}
