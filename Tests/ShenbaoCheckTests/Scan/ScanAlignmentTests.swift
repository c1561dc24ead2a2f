import Testing
@testable import ShenbaoCheck
import ShenbaoOOXML

/// The scan comparison on OCR boxes written by hand: no OCR, no images.
@Suite("scan alignment")
struct ScanAlignmentTests {
    private func docx(_ cells: [String]) -> DocxText {
        var d = DocxText()
        for (i, text) in cells.enumerated() {
            d.locations.append(DocxLocation(part: "word/document.xml", table: 1, row: i / 2 + 1, cell: i % 2 + 1))
            d.append(text, location: Int32(i))
        }
        return d
    }

    /// One box a line, 60 px high, in the order given.
    private func page(_ number: Int, _ lines: [(String, Double)]) -> ScanPage {
        let boxes = lines.enumerated().map { i, line in
            let y = 300 + Double(i) * 80
            let w = Double(line.0.count) * 44
            return OCRBox(page: number, box: [200, y, 200 + w, y + 60], quad: [200, y, 200 + w, y, 200 + w, y + 60, 200, y + 60], text: line.0, confidence: line.1)
        }
        return ScanPage(number: number, width: 1654, height: 2339, image: "", hasTextLayer: false, boxes: boxes)
    }

    private func compare(_ d: DocxText, _ pages: [ScanPage]) -> ScanTextDifferences {
        ScanTextDifferences(alignment: ScanAlignment(docx: d, stream: ScanStream(pages: pages, headerFooter: [])), pages: pages)
    }

    let cells = ["单位名称", "山东海岱大学数据科学与工程学院", "单位性质", "☑高校□科研院所", "联系电话", "0531-88661234", "通讯地址", "济南市历下区经十路 100 号"]

    @Test func cellsReadInAnotherOrderAndPageNumbersAreNoDifference() {
        let p = page(1, [("山东海岱大学数据科学与工程学院", 0.999), ("单位名称", 0.999), ("区高校口科研院所", 0.97), ("单位性质", 1),
                         ("0531-88661234", 1), ("联系电话", 1), ("济南市历下区经十路100号", 0.999), ("通讯地址", 1), ("—1—", 0.9)])
        let result = compare(docx(cells), [p])
        #expect(result.differences.isEmpty)
        #expect(result.review.isEmpty)
    }

    @Test func changedDigitReadWithConfidenceIsADifferenceAtItsCell() throws {
        let p = page(1, [("单位名称", 1), ("山东海岱大学数据科学与工程学院", 1), ("单位性质", 1), ("高校科研院所", 1),
                         ("联系电话", 1), ("0531-88661284", 0.998), ("通讯地址", 1), ("济南市历下区经十路100号", 1)])
        let result = compare(docx(cells), [p])
        let d = try #require(result.differences.first?.difference)
        #expect(result.differences.count == 1)
        #expect(d.kind == .text && d.docx == "3" && d.pdf == "8" && d.pdfPage == 1)
        #expect(d.docxLocation == DocxLocation(part: "word/document.xml", table: 1, row: 3, cell: 2))
        #expect(d.pdfBox?.page == 1)
    }

    @Test func lowConfidenceMisreadIsASpotToLookAtNotADifference() throws {
        let p = page(1, [("单位名称", 1), ("山東海岱大学数据科学与工程学院", 0.90), ("单位性质", 1), ("高校科研院所", 1),
                         ("联系电话", 1), ("0531-88661234", 1), ("通讯地址", 1), ("济南市历下区经十路100号", 1)])
        let result = compare(docx(cells), [p])
        #expect(result.differences.isEmpty)
        let spot = try #require(result.review.first)
        #expect(result.review.count == 1)
        #expect(spot.scan == "山東海岱大学数据科学与工程学院" && spot.confidence == 0.90 && spot.box.page == 1)
    }

    @Test func missingRowIsADifference() throws {
        let p = page(1, [("单位名称", 1), ("山东海岱大学数据科学与工程学院", 1), ("单位性质", 1), ("高校科研院所", 1),
                         ("通讯地址", 1), ("济南市历下区经十路100号", 1)])
        let result = compare(docx(cells), [p])
        #expect(result.differences.map(\.difference.docx) == ["联系电话0531-88661234"])
        #expect(result.differences.first?.difference.message == "扫描件缺少「联系电话0531-88661234」")
    }

    @Test func pagesInAnotherOrderAreReported() {
        var long: [String] = []
        for i in 0..<6 { long += ["第\(i)段", String(repeating: "数据开放创新应用实验室建设内容第\(i)部分", count: 3)] }
        let d = docx(long)
        let first = page(1, (0..<6).map { (long[$0], 1.0) })
        let second = page(2, (6..<12).map { (long[$0], 1.0) })
        let result = compare(d, [second, first].enumerated().map { i, p in
            var p = p
            p.number = i + 1
            p.boxes = p.boxes.map { var b = $0; b.page = i + 1; return b }
            return p
        })
        #expect(result.differences.map(\.difference.kind) == [.page])
        #expect(result.differences.first?.difference.pdfPage == 2)
    }
}

