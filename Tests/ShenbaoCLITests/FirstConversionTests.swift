import Foundation
import ShenbaoCore
import ShenbaoTestSupport
import Testing

/// The same PDF every time: a new machine's first conversion (no cached LibreOffice profile, no
/// fontconfig cache of its own) has the page count of every later one, and a machine without the
/// faces the forms' Latin text needs is refused before converting instead of re-wrapping the form.
@Suite("first conversion")
struct FirstConversionTests {
    /// A home folder as a new user has it, and a fontconfig setup whose cache starts empty there
    /// (the system's cache left out); `rejecting` hides font files matching the globs.
    static func freshMachine(in scratch: Scratch, rejecting: [String] = []) throws -> [String: String] {
        let home = scratch.file("home")
        let cache = home + "/fontconfig-cache"
        try FileManager.default.createDirectory(atPath: cache, withIntermediateDirectories: true)
        var conf = try String(contentsOfFile: "/etc/fonts/fonts.conf", encoding: .utf8)
        conf = conf.replacingOccurrences(of: #"<cachedir[^>]*>[^<]*</cachedir>"#, with: "", options: .regularExpression)
        let reject = rejecting.isEmpty ? "" : "<selectfont><rejectfont>" + rejecting.map { "<glob>\($0)</glob>" }.joined() + "</rejectfont></selectfont>"
        conf = conf.replacingOccurrences(of: "</fontconfig>", with: "<cachedir>\(cache)</cachedir>\(reject)</fontconfig>")
        try conf.write(toFile: home + "/fonts.conf", atomically: true, encoding: .utf8)
        return ["HOME": home, "XDG_CACHE_HOME": "", "FONTCONFIG_FILE": home + "/fonts.conf"]
    }

    static func pages(_ pdf: String) throws -> Int? {
        let info = try ExternalTool.run("pdfinfo", [pdf], timeout: 60).outputText
        return info.split(separator: "\n").first { $0.hasPrefix("Pages:") }.flatMap { Int($0.dropFirst(6).trimmingCharacters(in: .whitespaces)) }
    }

    @Test(.enabled(if: RequiredTools.present(.libreOffice, .poppler, .shenbao)))
    func aFreshProfileGivesThePageCountOfLaterOnes() throws {
        let scratch = try Scratch("first-conversion")
        defer { scratch.remove() }
        let environment = try Self.freshMachine(in: scratch)
        let docx = scratch.file("申报表.docx")
        let fill = try ShenbaoCommand.run(["fill", Checkout.template("sd-lab-2022") + "/template.docx", Checkout.sample("sd-lab-2022") + "/申报数据.yaml", "-o", docx])
        #expect(fill.status == 0, "\(fill.errorText)")
        var counts: [Int?] = []
        for run in 1...2 {
            let out = scratch.file("run\(run)")
            let result = try ShenbaoCommand.run(["pdf", docx, "-o", out], environment: environment)
            #expect(result.status == 0, "\(result.errorText)")
            counts.append(try Self.pages(out + "/申报表.pdf"))
            // The first run leaves its profile behind as the template of later ones.
            if run == 1 {
                let cached = (try? FileManager.default.contentsOfDirectory(atPath: environment["HOME"]! + "/.cache/shenbao")) ?? []
                #expect(cached.contains { $0.hasPrefix("libreoffice-profile-") }, "\(cached)")
            }
        }
        // 10 pages since the joint unit's seal place (真实性承诺) moved 五、推荐单位意见 to a page of its own.
        #expect(counts == [10, 10])
        let fonts = try ExternalTool.run("pdffonts", [scratch.file("run1/申报表.pdf")], timeout: 60).outputText
        #expect(fonts.contains("LiberationSerif"))
        #expect(!fonts.contains("DejaVuSerif"))  // the wider face that re-wraps the form
    }

    @Test(.enabled(if: RequiredTools.present(.libreOffice, .poppler, .shenbao)))
    func withoutTheLatinFacesNothingIsConverted() throws {
        let scratch = try Scratch("no-liberation")
        defer { scratch.remove() }
        let environment = try Self.freshMachine(in: scratch, rejecting: ["/usr/share/fonts/truetype/liberation*"])
        let docx = scratch.file("申报表.docx")
        _ = try ShenbaoCommand.run(["fill", Checkout.template("sd-lab-2022") + "/template.docx", Checkout.sample("sd-lab-2022") + "/申报数据.yaml", "-o", docx])
        let result = try ShenbaoCommand.run(["pdf", docx, "-o", scratch.file("out")], environment: environment)
        #expect(result.status == 2)
        #expect(result.errorText.contains("Times New Roman"), "\(result.errorText)")
        #expect(result.errorText.contains("fonts-liberation2"))
        #expect(!FileManager.default.fileExists(atPath: scratch.file("out/申报表.pdf")))
    }
}
