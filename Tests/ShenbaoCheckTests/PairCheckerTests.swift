import Foundation
import Testing
@testable import ShenbaoCheck

@Suite("PairChecker on LibreOffice PDFs", .enabled(if: LibreOffice.mustRun))
struct PairCheckerTests {
    @Test func explore() throws {
        for v in FormFixture.Variant.allCases {
            let r = try PairChecker.check(docx: FormFixture.docx(.base), pdf: FormFixture.pdf(v), data: nil)
            print("== \(v)\n" + r.renderText())
        }
    }
}
