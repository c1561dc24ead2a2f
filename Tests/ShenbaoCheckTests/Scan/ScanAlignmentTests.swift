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

    /// One box a line as `page` lays them out, each with its characters' own scores (the box's
    /// score is their mean, as RapidOCR gives it); `scores` maps a character's index to its
    /// score, 1 for the others.
    private func page(_ number: Int, scored lines: [(String, [Int: Double])]) -> ScanPage {
        var p = page(number, lines.map { ($0.0, 1.0) })
        for (i, line) in lines.enumerated() {
            let n = line.0.unicodeScalars.count
            let scores = (0..<n).map { line.1[$0] ?? 1 }
            let b = p.boxes[i].box
            let w = (b[2] - b[0]) / Double(n)
            p.boxes[i].characters = scores.enumerated().map { k, score in
                OCRCharacter(box: [b[0] + Double(k) * w, b[1], b[0] + Double(k + 1) * w, b[3]], confidence: score)
            }
            p.boxes[i].confidence = scores.reduce(0, +) / Double(n)
        }
        return p
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

    let rows = ["序号", "3", "用户单位", "昌乐县农业农村局", "应用场景", "全县病虫害监测预警平台", "应用效果", "覆盖大棚8600个，测报效率提高3倍"]

    @Test func lookAlikeReadUnderItsBarIsASpotToLookAt() throws {
        // 警 alone at the start of a wrapped cell, read as 敬 with 0.998 (sd-award-solution, seed 2).
        let p = page(1, scored: [("序号", [:]), ("3", [:]), ("用户单位", [:]), ("昌乐县农业农村局", [:]), ("应用场景", [:]),
                                 ("全县病虫害监测预", [:]), ("敬平台", [0: 0.998]), ("应用效果", [:]), ("覆盖大棚8600个，测报效率提高3倍", [:])])
        let result = compare(docx(rows), [p])
        #expect(result.differences.isEmpty)
        let spot = try #require(result.review.first)
        #expect(result.review.count == 1)
        #expect(spot.scan == "敬平台" && spot.docx == "警" && spot.reason.contains("形近字"))
    }

    @Test func lookAlikeReadSurelyIsADifference() throws {
        let p = page(1, scored: [("序号", [:]), ("3", [:]), ("用户单位", [:]), ("昌乐县农业农村局", [:]), ("应用场景", [:]),
                                 ("全县病虫害监测预", [:]), ("敬平台", [0: 0.9999]), ("应用效果", [:]), ("覆盖大棚8600个，测报效率提高3倍", [:])])
        let result = compare(docx(rows), [p])
        #expect(result.differences.map(\.difference.docx) == ["警"])
        #expect(result.differences.map(\.difference.pdf) == ["敬"])
        #expect(result.review.isEmpty)
    }

    @Test func digitReadWithAGoodScoreIsNeverForgivenAsALookAlike() throws {
        // 3 → 8 read at 0.995: under the look-alike bar, but digits are not look-alikes.
        let p = page(1, scored: [("单位名称", [:]), ("山东海岱大学数据科学与工程学院", [:]), ("单位性质", [:]), ("高校科研院所", [:]),
                                 ("联系电话", [:]), ("0531-88661284", [11: 0.995]), ("通讯地址", [:]), ("济南市历下区经十路100号", [:])])
        let result = compare(docx(cells), [p])
        #expect(result.differences.map(\.difference.docx) == ["3"])
        #expect(result.differences.map(\.difference.pdf) == ["8"])
        #expect(result.review.isEmpty)
    }

    @Test func oneUnsureCharacterInASureBoxIsASpotToLookAt() throws {
        // The box's mean score is 0.992; the character that differs was read at 0.9.
        let p = page(1, scored: [("单位名称", [:]), ("山东海岱大学数据科学与工程学院", [:]), ("单位性质", [:]), ("高校科研院所", [:]),
                                 ("联系电话", [:]), ("0531-88661284", [11: 0.9]), ("通讯地址", [:]), ("济南市历下区经十路100号", [:])])
        #expect(p.boxes[5].confidence >= ScanTextDifferences.confidenceThreshold)
        let result = compare(docx(cells), [p])
        #expect(result.differences.isEmpty)
        #expect(result.review.map(\.scan) == ["0531-88661284"])
    }

    @Test func loneDigitIsPlacedAfterTheLongerBoxes() {
        // A row number read on a line of its own, after the end of the row before it: placed
        // first, it took the 3 of 高3倍, and the row's 3 joined the 警 before it in one run that
        // no longer read as a single changed character (sd-award-solution, seed 2).
        let d = docx(["设施番茄灰霉病预警", "3", "昌乐县农业农村局", "覆盖大棚8600个，测报效率提高3倍"])
        let p = page(1, [("设施番茄灰霉病预", 1), ("敬", 1), ("覆盖大棚8600", 1), ("个，测报效率提", 1), ("3", 1),
                         ("昌乐县农业农村局", 1), ("高3倍", 1)])
        let result = compare(d, [p])
        #expect(result.differences.map(\.difference.docx) == ["警"])
        #expect(result.differences.map(\.difference.pdf) == ["敬"])
    }

    @Test func quoteOfLeftoversFromTwoPlacesShowsTheGap() {
        var d = DocxText()
        d.locations.append(DocxLocation(part: "word/document.xml", table: 1, row: 1, cell: 1))
        d.append("甲乙丙丁戊☑高校□科研", location: 0)
        #expect(ScanTextDifferences.quote([0, 1, 4], d) == "甲乙…戊")
        #expect(ScanTextDifferences.quote([6, 7, 9], d) == "高校□科", "a checkbox glyph is not a gap")
        #expect(ScanTextDifferences.quote([2], d) == "丙")
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

