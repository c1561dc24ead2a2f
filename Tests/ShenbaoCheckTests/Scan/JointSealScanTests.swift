import Foundation
import ShenbaoTestSupport
import Testing

/// The joint units' seal places on paper: sz-lab's sample has two joint units, so its commitment
/// box has three 盖章 places (the applicant's and one per joint unit) on page 10. make_scan.py's
/// labels are, in order: 1 the cover, 2 the applicant's commitment, 3 and 4 the joint units,
/// 5 the recommender. Each joint unit's place is judged by the red ink around its own label.
@Suite("joint units' seals on scans", .enabled(if: RequiredTools.present(.libreOffice, .poppler, .ocr, .shenbao)))
struct JointSealScanTests {
    private func seals(_ report: [String: Any]) -> [[String: Any]] {
        (report["differences"] as? [[String: Any]] ?? []).filter { $0["kind"] as? String == "seal" }
    }

    @Test func everyStampedJointUnitIsSeenAndEachMissingOneIsReportedAtItsPlace() throws {
        let dir = try ScanFixture.forms()
        let docx = dir + "/sz-lab.docx"
        // All five places stamped (the faithful scan the other scan tests use): no seal difference.
        let (_, stamped, stampedText) = try ScanFixture.check(docx, ScanFixture.scan("sz-lab", "sz-lab-1", ["--seed", "1"]))
        #expect(seals(stamped).isEmpty, "\(stampedText)")
        var boxes: [Double] = []
        for omitted in [3, 4] {
            let scan = try ScanFixture.scan("sz-lab", "sz-lab-joint\(omitted)", ["--seed", "1", "--omit-seal", "\(omitted)"])
            let (status, report, text) = try ScanFixture.check(docx, scan)
            #expect(status == 1)
            let found = seals(report)
            #expect(found.count == 1, "joint unit \(omitted - 2) unstamped:\n\(text)")
            let d = try #require(found.first)
            #expect(d["pdfPage"] as? Int == 10)
            #expect(d["docx"] as? String == "联合申报单位（盖章）", "\(text)")
            #expect((d["message"] as? String)?.contains("处没有红色印章") == true)
            // In the commitment box: 六、申报单位承诺 is the form's seventh table.
            #expect(d["location"] as? String == "word/document.xml, table 7, row 1, cell 2")
            let box = try #require(d["pdfBox"] as? [String: Any])
            boxes.append(box["y"] as? Double ?? 0)
        }
        // The second joint unit's place is its own, one place (about 53 mm) below the first's.
        #expect(boxes.count == 2 && boxes[1] - boxes[0] > 40 && boxes[1] - boxes[0] < 70, "\(boxes)")
    }
}
