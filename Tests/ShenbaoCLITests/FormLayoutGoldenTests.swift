import Foundation
import ShenbaoCore
import ShenbaoTestSupport
import Testing

/// Every shipped form's sample, built to PDF, laid out as recorded: each text line with its page
/// and its position rounded to 2 mm (`pdftotext -bbox-layout`), so a regression in the templates,
/// the fonts or the fill (a box that moves, a name that wraps, a page that spills) shows as a diff.
/// Re-record after a deliberate change, having looked at the rendered pages:
/// `RECORD_LAYOUT=1 swift test --skip-build --filter FormLayoutGoldenTests`.
@Suite("form layout goldens", .enabled(if: RequiredTools.present(.libreOffice, .poppler, .shenbao)))
struct FormLayoutGoldenTests {
    static let folder = Checkout.path("Tests/ShenbaoCLITests/Fixtures/layout")

    @Test(arguments: Checkout.shippedForms) func sampleLayoutMatchesItsGolden(form: String) throws {
        let scratch = try Scratch("layout-\(form)")
        defer { scratch.remove() }
        let built = try ShenbaoCommand.run(["build", Checkout.sample(form) + "/申报数据.yaml", "-o", scratch.path])
        #expect(built.status == 0, "\(built.errorText)")
        let text = try ExternalTool.run("pdftotext", ["-bbox-layout", scratch.file("申报数据.pdf"), "-"], timeout: 60)
        #expect(text.status == 0)
        let layout = Self.layout(fromBBoxXHTML: text.outputText)
        #expect(layout.hasPrefix("page 1"), "no text read from the PDF")
        let golden = "\(Self.folder)/\(form).txt"
        if ProcessInfo.processInfo.environment["RECORD_LAYOUT"] == "1" {
            try layout.write(toFile: golden, atomically: true, encoding: .utf8)
        }
        let recorded = (try? String(contentsOfFile: golden, encoding: .utf8)) ?? ""
        #expect(recorded == layout, "\(form): layout differs from \(golden) (RECORD_LAYOUT=1 re-records)\n\(Self.diff(recorded, layout))")
    }

    /// One line per text line: `page P  y Y  x X0-X1  text`, millimetres rounded to 2 mm, sorted by
    /// page, then top, then left.
    static func layout(fromBBoxXHTML xhtml: String) -> String {
        struct Line { var page: Int; var y: Int; var x0: Int; var x1: Int; var text: String }
        func mm(_ points: Double) -> Int { Int((points * 25.4 / 72 / 2).rounded()) * 2 }
        func attribute(_ name: String, _ tag: Substring) -> Double {
            guard let r = tag.range(of: "\(name)=\"") else { return 0 }
            return Double(tag[r.upperBound...].prefix { $0 != "\"" }) ?? 0
        }
        var lines: [Line] = []
        var page = 0
        for pageChunk in xhtml.components(separatedBy: "<page ").dropFirst() {
            page += 1
            for lineChunk in pageChunk.components(separatedBy: "<line ").dropFirst() {
                let tag = lineChunk.prefix { $0 != ">" }
                let words = lineChunk.components(separatedBy: "<word ").dropFirst().compactMap { w -> String? in
                    guard let open = w.firstIndex(of: ">"), let close = w.range(of: "</word>") else { return nil }
                    return String(w[w.index(after: open)..<close.lowerBound])
                }
                let text = words.joined(separator: " ").replacingOccurrences(of: "&amp;", with: "&")
                    .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
                lines.append(Line(page: page, y: mm(attribute("yMin", tag)), x0: mm(attribute("xMin", tag)), x1: mm(attribute("xMax", tag)), text: text))
            }
        }
        lines.sort { ($0.page, $0.y, $0.x0, $0.text) < ($1.page, $1.y, $1.x0, $1.text) }
        return lines.map { String(format: "page %d  y %03d  x %03d-%03d  ", $0.page, $0.y, $0.x0, $0.x1) + $0.text }
            .joined(separator: "\n") + "\n"
    }

    /// The first lines that differ, as `- recorded` / `+ now`.
    static func diff(_ old: String, _ new: String) -> String {
        let a = old.split(separator: "\n", omittingEmptySubsequences: false)
        let b = new.split(separator: "\n", omittingEmptySubsequences: false)
        var out: [String] = []
        for i in 0..<max(a.count, b.count) where out.count < 16 {
            let x = i < a.count ? String(a[i]) : "", y = i < b.count ? String(b[i]) : ""
            if x != y { out += ["- \(x)", "+ \(y)"] }
        }
        return out.joined(separator: "\n")
    }
}
