import Foundation
import ShenbaoCheck
import ShenbaoCore
import ShenbaoOOXML

/// Times the check stage: a whole 10-page pair (DOCX read, four poppler tools, alignment,
/// layout checks), the alignment alone on 100 pages with one difference near the end, and a
/// batch of pairs two at a time. The 10-page PDF is made once with LibreOffice (not timed).
func runCheckBenchmark() {
    let dir = NSTemporaryDirectory() + "shenbao-bench-check"
    try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    let docx = dir + "/ten-pages.docx"
    let pdf = dir + "/ten-pages.pdf"
    let bigDocx = dir + "/hundred-pages.docx"
    let bigPDF = dir + "/hundred-pages.pdf"
    do {
        if !FileManager.default.fileExists(atPath: pdf) || !FileManager.default.fileExists(atPath: bigPDF) {
            try ZipWriter.write(BenchDocx.entries(paragraphs: 130), to: docx)
            try ZipWriter.write(BenchDocx.entries(paragraphs: 1_340), to: bigDocx)
            let profile = "file://\(dir)/lo-profile"
            let result = try ExternalTool.run(
                "soffice", ["--headless", "--norestore", "-env:UserInstallation=\(profile)", "--convert-to", "pdf", "--outdir", dir, docx, bigDocx],
                timeout: 300, package: "libreoffice-writer-nogui")
            guard FileManager.default.fileExists(atPath: pdf), FileManager.default.fileExists(atPath: bigPDF) else {
                print("check: soffice failed: \(result.errorText)")
                return
            }
        }
        let first = try PairChecker.check(docx: docx, pdf: pdf)
        print("check: pair of \(first.pageCount) pages, \(first.docxCharacters) characters, matches: \(first.matches)")
        let pair = measure(runs: 20) { _ = try? PairChecker.check(docx: docx, pdf: pdf) }
        print(String(format: "check: 10-page pair: median %.1f ms, min %.1f ms (20 runs)", pair.median * 1000, pair.min * 1000))

        let big = try PairChecker.check(docx: bigDocx, pdf: bigPDF)
        let bigPair = measure(runs: 5) { _ = try? PairChecker.check(docx: bigDocx, pdf: bigPDF) }
        print(String(format: "check: %d-page pair (%d characters, matches: %@): median %.0f ms, min %.0f ms (5 runs)",
                     big.pageCount, big.docxCharacters, big.matches ? "true" : "false", bigPair.median * 1000, bigPair.min * 1000))

        let reader = measure(runs: 20) { _ = try? DocxReader.read(contentsOf: docx) }
        print(String(format: "check: DOCX text extraction alone: median %.1f ms", reader.median * 1000))
        let tools = measure(runs: 20) {
            _ = try? Poppler.words(pdf)
            _ = try? Poppler.info(pdf)
            _ = try? Poppler.fonts(pdf)
            _ = try? Poppler.images(pdf)
        }
        print(String(format: "check: the four poppler tools one after another: median %.1f ms", tools.median * 1000))
        let docxText = try DocxReader.read(contentsOf: docx)
        let words = try Poppler.words(pdf)
        let info = try Poppler.info(pdf)
        let fonts = try Poppler.fonts(pdf)
        let images = try Poppler.images(pdf)
        let compare = measure(runs: 20) {
            _ = PairChecker.compare(docx: docxText, docxPath: docx, pdfWords: words, pdfPath: pdf, info: info, fonts: fonts, images: images, data: nil)
        }
        print(String(format: "check: comparison alone (tool output already read): median %.2f ms", compare.median * 1000))

        let inbox = dir + "/inbox"
        try? FileManager.default.removeItem(atPath: inbox)
        try FileManager.default.createDirectory(atPath: inbox, withIntermediateDirectories: true)
        for i in 1...20 {
            try FileManager.default.copyItem(atPath: docx, toPath: "\(inbox)/pair\(i).docx")
            try FileManager.default.copyItem(atPath: pdf, toPath: "\(inbox)/pair\(i).pdf")
        }
        for concurrency in [1, 2] {
            let batch = measure(runs: 3) { _ = try? BatchChecker.check(directory: inbox, concurrency: concurrency) }
            print(String(format: "check: batch of 20 ten-page pairs, %d at a time: median %.0f ms (%.1f ms a pair)",
                         concurrency, batch.median * 1000, batch.median * 1000 / 20))
        }
    } catch {
        print("check: \(error)")
    }

    // Alignment alone: ~100 pages (22 lines x 28 characters), one difference near the end.
    var a: [UInt32] = []
    for page in 1...100 {
        for line in 1...22 { a += "第\(page)页第\(line)行：围绕关键技术开展系统研究，形成可推广的成果。".unicodeScalars.map(\.value) }
    }
    var b = a
    b[a.count - 300] = 0x5B57
    let diff = measure(runs: 20) { _ = CharacterDiff.runs(a, b) }
    print(String(format: "check: Myers alignment, %d characters, 1 difference near the end: median %.2f ms", a.count, diff.median * 1000))
    let tenth = a.count / 10
    var missingTenPages = Array(a[..<(4 * tenth)]) + Array(a[(5 * tenth)...])
    missingTenPages[missingTenPages.count - 300] = 0x5B57  // and one change near the end
    let anchored = measure(runs: 5) { _ = CharacterDiff.runs(a, missingTenPages) }
    print(String(format: "check: alignment, %d characters against the same missing %d (10 pages) + 1 change: median %.1f ms (anchored)",
                 a.count, tenth, anchored.median * 1000))
    var scattered = a
    for k in stride(from: 50, to: a.count, by: 700) { scattered[k] = 0x5B57 }
    let many = measure(runs: 5) { _ = CharacterDiff.runs(a, scattered) }
    print(String(format: "check: Myers alignment, %d characters, %d scattered differences: median %.1f ms",
                 a.count, a.count / 700, many.median * 1000))
    runRefillBenchmark()
}

private func measure(runs: Int, _ body: () -> Void) -> (median: Double, min: Double) {
    var times: [Double] = []
    for _ in 0..<runs {
        let start = DispatchTime.now().uptimeNanoseconds
        body()
        times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
    }
    times.sort()
    return (times[times.count / 2], times[0])
}

/// A plain form DOCX of `paragraphs` body paragraphs and a table, with header and page-number
/// footer, about ten A4 pages at 三号.
private enum BenchDocx {
    static func entries(paragraphs: Int) -> [ZipArchive.Entry] {
        let ns = #"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships""#
        let head = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#
        func p(_ t: String) -> String { #"<w:p><w:r><w:t xml:space="preserve">\#(t)</w:t></w:r></w:p>"# }
        var body = p("科技计划项目申报书")
        body += "<w:tbl><w:tblGrid><w:gridCol w:w=\"4400\"/><w:gridCol w:w=\"4400\"/></w:tblGrid>"
        for (k, v) in [("项目名称", "智能制造关键技术研究"), ("主申报单位性质", "☑高校 □科研院所 □企业"), ("项目负责人", "张三")] {
            body += "<w:tr><w:tc>\(p(k))</w:tc><w:tc>\(p(v))</w:tc></w:tr>"
        }
        body += "</w:tbl>"
        for i in 1...paragraphs { body += p("第\(i)条　围绕关键技术开展系统研究，形成可推广的成果与示范应用，并在行业内推广。") }
        let sect = #"<w:sectPr><w:headerReference w:type="default" r:id="rIdH"/><w:footerReference w:type="default" r:id="rIdF"/><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1588" w:header="851" w:footer="992" w:gutter="0"/></w:sectPr>"#
        let field = #"<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>"#
        let files: [(String, String)] = [
            ("[Content_Types].xml", head + #"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/><Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/></Types>"#),
            ("_rels/.rels", head + #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"#),
            ("word/_rels/document.xml.rels", head + #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rIdS" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rIdH" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/><Relationship Id="rIdF" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/></Relationships>"#),
            ("word/styles.xml", head + "<w:styles \(ns)><w:docDefaults><w:rPrDefault><w:rPr><w:sz w:val=\"32\"/></w:rPr></w:rPrDefault></w:docDefaults></w:styles>"),
            ("word/header1.xml", head + "<w:hdr \(ns)>\(p("2026年度科技计划项目申报书"))</w:hdr>"),
            ("word/footer1.xml", head + "<w:ftr \(ns)><w:p><w:r><w:t xml:space=\"preserve\">— </w:t></w:r>\(field)<w:r><w:t xml:space=\"preserve\"> —</w:t></w:r></w:p></w:ftr>"),
            ("word/document.xml", head + "<w:document \(ns)><w:body>\(body)\(sect)</w:body></w:document>"),
        ]
        return files.map { ZipArchive.Entry(name: $0.0, bytes: Array($0.1.utf8)) }
    }
}
