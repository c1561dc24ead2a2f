import Foundation
import ShenbaoCheck
import ShenbaoCore
import ShenbaoTestSupport
import Testing

/// What a bureau receives: forms built from the samples, printed (pdftoppm 200 dpi), stamped
/// (red seals over the 盖章 labels), scanned (rotation ±1.5°, scale ±1.5 %, blur, noise, JPEG 75)
/// into image-only PDFs by scripts/make_scan.py, and checked against their DOCX with OCR.
@Suite("check on scans", .enabled(if: RequiredTools.present(.libreOffice, .poppler, .ocr, .shenbao)))
struct ScanCheckTests {
    private func differences(_ report: [String: Any]) -> [[String: Any]] {
        report["differences"] as? [[String: Any]] ?? []
    }

    @Test("two faithful scans of each shipped form match", arguments: Checkout.shippedForms)
    func faithfulScansMatch(form: String) throws {
        let dir = try ScanFixture.forms()
        for seed in [1, 2] {
            let scan = try ScanFixture.scan(form, "\(form)-\(seed)", ["--seed", "\(seed)"])
            let (status, report, text) = try ScanFixture.check(dir + "/\(form).docx", scan)
            #expect(report["pdfKind"] as? String == "scan")
            #expect((report["summary"] as? String)?.contains("（扫描件）") == true)
            #expect(status == 0, "\(form) seed \(seed):\n\(text)")
            #expect(differences(report).isEmpty, "\(form) seed \(seed):\n\(text)")
        }
    }

    @Test func changedDigitIsADifferenceWithPageAndPlace() throws {
        let dir = try ScanFixture.forms()
        let scan = try ScanFixture.scan("lab-digit", "lab-digit", ["--seed", "1"])
        let (status, report, text) = try ScanFixture.check(dir + "/sd-lab-2022.docx", scan)
        #expect(status == 1)
        let found = differences(report)
        #expect(found.count == 1, "\(text)")
        let d = try #require(found.first)
        #expect(d["kind"] as? String == "text")
        #expect(d["docx"] as? String == "6")
        #expect(d["pdf"] as? String == "9")
        #expect(d["pdfPage"] as? Int == 3)
        #expect(d["location"] as? String == "word/document.xml, table 1, row 9, cell 2")
        let box = try #require(d["pdfBox"] as? [String: Any])
        #expect(box["page"] as? Int == 3)
        #expect((box["x"] as? Double ?? 0) > 20 && (box["y"] as? Double ?? 0) > 20)
    }

    @Test func changedUnitNameIsADifferenceOnEveryPageShowingIt() throws {
        let dir = try ScanFixture.forms()
        let scan = try ScanFixture.scan("lab-unit", "lab-unit", ["--seed", "1"])
        let (status, report, text) = try ScanFixture.check(dir + "/sd-lab-2022.docx", scan)
        #expect(status == 1)
        let found = differences(report)
        #expect(found.count >= 2, "\(text)")
        #expect(found.allSatisfy { $0["kind"] as? String == "text" && $0["docx"] as? String == "岱" && $0["pdf"] as? String == "岳" }, "\(text)")
        #expect(found.compactMap { $0["pdfPage"] as? Int }.contains(1))
        #expect(found.compactMap { $0["location"] as? String }.contains("word/document.xml, table 1, row 1, cell 2"))
    }

    @Test func droppedPageIsAMissingPage() throws {
        let dir = try ScanFixture.forms()
        let scan = try ScanFixture.scan("sd-lab-2022", "lab-drop5", ["--seed", "1", "--drop-page", "5"])
        let (status, report, text) = try ScanFixture.check(dir + "/sd-lab-2022.docx", scan)
        #expect(status == 1)
        let found = differences(report)
        #expect(found.count == 1, "\(text)")
        #expect(found.first?["kind"] as? String == "page")
        #expect(found.first?["pdfPage"] as? Int == 4, "the text after scan page 4 is missing")
        #expect((found.first?["message"] as? String)?.contains("缺页") == true)
        #expect(report["pageCount"] as? Int == 9)
    }

    @Test func swappedPagesAreOutOfOrder() throws {
        let dir = try ScanFixture.forms()
        let scan = try ScanFixture.scan("sd-lab-2022", "lab-swap5", ["--seed", "1", "--swap-pages", "5"])
        let (status, report, text) = try ScanFixture.check(dir + "/sd-lab-2022.docx", scan)
        #expect(status == 1)
        let found = differences(report)
        #expect(found.map { $0["kind"] as? String } == ["page"], "\(text)")
        #expect(found.first?["pdfPage"] as? Int == 6)
    }

    @Test func missingSealAtTheCommitmentIsReported() throws {
        let dir = try ScanFixture.forms()
        let scan = try ScanFixture.scan("sd-lab-2022", "lab-noseal", ["--seed", "1", "--omit-seal-after", "真实性承诺"])
        let (status, report, text) = try ScanFixture.check(dir + "/sd-lab-2022.docx", scan)
        #expect(status == 1)
        let found = differences(report)
        #expect(found.count == 1, "\(text)")
        let d = try #require(found.first)
        #expect(d["kind"] as? String == "seal")
        #expect(d["pdfPage"] as? Int == 9)
        #expect(d["docx"] as? String == "申报单位(公章)")
        #expect(d["location"] as? String == "word/document.xml, table 3, row 1, cell 2")
    }

    @Test func flippedTickIsJudgedByInk() throws {
        let dir = try ScanFixture.forms()
        let scan = try ScanFixture.scan("lab-tick", "lab-tick", ["--seed", "1"])
        let (status, report, text) = try ScanFixture.check(dir + "/sd-lab-2022.docx", scan)
        #expect(status == 1)
        let found = differences(report)
        #expect(found.map { $0["kind"] as? String } == ["checkbox", "checkbox"], "\(text)")
        #expect(found.map { $0["docx"] as? String } == ["☑", "□"])
        #expect(found.map { $0["pdf"] as? String } == ["□", "☑"])
        #expect(found.allSatisfy { $0["pdfPage"] as? Int == 3 && $0["location"] as? String == "word/document.xml, table 1, row 2, cell 2" })
    }

    @Test func evidenceHasAPictureForEachSpot() throws {
        let dir = try ScanFixture.forms()
        let scan = try ScanFixture.scan("lab-digit", "lab-digit", ["--seed", "1"])
        let evidence = ScanFixture.root + "/evidence-digit"
        let (status, report, _) = try ScanFixture.check(dir + "/sd-lab-2022.docx", scan, ["--evidence", evidence])
        #expect(status == 1)
        let pictures = ((try? FileManager.default.contentsOfDirectory(atPath: evidence)) ?? []).filter { $0.hasSuffix(".png") }
        let spots = differences(report).filter { $0["pdfBox"] != nil }.count + ((report["review"] as? [Any])?.count ?? 0)
        #expect(pictures.count == spots && spots >= 1)
        #expect(pictures.contains { $0.hasPrefix("lab-digit-p3-") })
    }

    @Test func mixedPDFSaysSoAndMatches() throws {
        let dir = try ScanFixture.forms()
        let scan = try ScanFixture.scan("sd-lab-2022", "sd-lab-2022-1", ["--seed", "1"])
        let work = try Scratch("mixed")
        defer { work.remove() }
        try ScanFixture.tool("pdfseparate", ["-f", "1", "-l", "1", scan, work.file("s-%d.pdf")])
        try ScanFixture.tool("pdfseparate", ["-f", "2", "-l", "10", dir + "/sd-lab-2022.pdf", work.file("t-%d.pdf")])
        try ScanFixture.tool("pdfunite", [work.file("s-1.pdf")] + (2...10).map { work.file("t-\($0).pdf") } + [work.file("mixed.pdf")])
        let (status, report, text) = try ScanFixture.check(dir + "/sd-lab-2022.docx", work.file("mixed.pdf"))
        #expect(status == 0, "\(text)")
        #expect(report["pdfKind"] as? String == "mixed")
        #expect((report["summary"] as? String)?.contains("（部分扫描）") == true)
    }

    @Test func batchOfScansAndTextPDFsIsCachedByDigest() throws {
        let dir = try ScanFixture.forms()
        let inbox = try Scratch("inbox")
        defer { inbox.remove() }
        let fm = FileManager.default
        try fm.copyItem(atPath: dir + "/sd-lab-2022.docx", toPath: inbox.file("甲单位.docx"))
        try fm.copyItem(atPath: try ScanFixture.scan("sd-lab-2022", "sd-lab-2022-1", ["--seed", "1"]), toPath: inbox.file("甲单位.pdf"))
        try fm.copyItem(atPath: dir + "/sd-lab-2022.docx", toPath: inbox.file("乙单位.docx"))
        try fm.copyItem(atPath: try ScanFixture.scan("lab-digit", "lab-digit", ["--seed", "1"]), toPath: inbox.file("乙单位.pdf"))
        try fm.copyItem(atPath: dir + "/sd-platform.docx", toPath: inbox.file("丙单位.docx"))
        try fm.copyItem(atPath: dir + "/sd-platform.pdf", toPath: inbox.file("丙单位.pdf"))
        let cache = inbox.file("cache")
        let first = try ShenbaoCommand.run(["check", "--batch", inbox.path, "--cache", cache], timeout: 900)
        #expect(first.status == 1)
        let rows = first.outputText.split(separator: "\n").map(String.init)
        #expect(rows.contains { $0.hasPrefix("| 甲单位 | 扫描件 | 一致 | 0 |") }, "\(first.outputText)")
        #expect(rows.contains { $0.hasPrefix("| 乙单位 | 扫描件 | 不一致 | 1 |") }, "\(first.outputText)")
        #expect(rows.contains { $0.hasPrefix("| 丙单位 | 文本 PDF | 一致 | 0 |") }, "\(first.outputText)")
        #expect(first.errorText.isEmpty, "no progress line when stderr is not a terminal")
        // One cached OCR result per scan, named by the PDF's SHA-256.
        let documents = try fm.contentsOfDirectory(atPath: cache + "/" + ScanPages.cacheFormat + "/documents").sorted()
        let digests = try ["甲单位.pdf", "乙单位.pdf"].map { SHA256.hex(SHA256.digest(try Data(contentsOf: URL(fileURLWithPath: inbox.file($0))))) + ".jsonl" }
        #expect(documents == digests.sorted())
        // The second run reads every scan from the cache: no OCR at all, so it works with the
        // OCR engine's page cache gone.
        try fm.removeItem(atPath: cache + "/" + ScanPages.cacheFormat + "/pages")
        let started = Date()
        let second = try ShenbaoCommand.run(["check", "--batch", inbox.path, "--cache", cache], timeout: 900)
        #expect(second.outputText == first.outputText)
        #expect(!fm.fileExists(atPath: cache + "/" + ScanPages.cacheFormat + "/pages"), "nothing was OCR'd again")
        #expect(Date().timeIntervalSince(started) < 60)
    }
}
