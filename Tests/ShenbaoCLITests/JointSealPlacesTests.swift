import Foundation
import ShenbaoCore
import ShenbaoOOXML
import ShenbaoTestSupport
import Testing

/// Forms whose notice says 联合申报的，均需盖章 (seed 000 for sd-lab-2022; sz-lab's and
/// sd-jbgs-2025's own forms say each joint unit stamps) give each joint unit a seal place: its
/// label on a line, its name under it, room for a physical seal, and no picture there.
@Suite("joint units' seal places")
struct JointSealPlacesTests {
    /// Form, the joint unit's label, the joint units of its sample in order.
    static let forms: [(form: String, label: String, units: [String])] = [
        ("sz-lab", "联合申报单位（盖章）：", ["苏州大学计算机科学与技术学院", "苏州市测绘院有限公司"]),
        ("sd-jbgs-2025", "联合单位（盖章）：", ["山东财经大学计算机科学与技术学院", "济南市公共数据运营有限公司"]),
        ("sd-lab-2022", "联合申报单位(公章)：", ["山东省智慧交通研究院"]),
    ]

    /// The body's paragraphs of `docx`: each one's visible text and whether it holds a drawing.
    static func paragraphs(_ docx: String) throws -> [(text: String, drawing: Bool)] {
        let archive = try ZipArchive(contentsOf: docx)
        let xml = String(decoding: try archive.bytes(of: "word/document.xml"), as: UTF8.self)
        let paragraph = try NSRegularExpression(pattern: "<w:p[ >].*?</w:p>", options: [.dotMatchesLineSeparators])
        let run = try NSRegularExpression(pattern: "<w:t(?: [^>]*)?>([^<]*)</w:t>")
        return paragraph.matches(in: xml, range: NSRange(xml.startIndex..., in: xml)).map { match in
            let p = String(xml[Range(match.range, in: xml)!])
            let text = run.matches(in: p, range: NSRange(p.startIndex..., in: p)).map { String(p[Range($0.range(at: 1), in: p)!]) }.joined()
            return (text, p.contains("<w:drawing"))
        }
    }

    /// The places of `label` in `docx`: the unit name printed on the paragraph after each label.
    static func sealPlaces(_ docx: String, label: String) throws -> [String] {
        let paras = try paragraphs(docx)
        var names: [String] = []
        for (i, p) in paras.enumerated() where p.text == label {
            let name: (text: String, drawing: Bool) = i + 1 < paras.count ? paras[i + 1] : ("", false)
            // Left clear: neither the label nor the name carries a picture (the seal is pressed on paper).
            #expect(!p.drawing && !name.drawing, "\(docx): a picture at \(label)\(name.text)")
            names.append(name.text)
        }
        return names
    }

    /// The sample of `form` with `edit` applied, its images named by absolute path, in `scratch`.
    static func sample(_ form: String, in scratch: Scratch, _ edit: (String) -> String = { $0 }) throws -> String {
        let folder = Checkout.sample(form)
        var text = try String(contentsOfFile: folder + "/申报数据.yaml", encoding: .utf8)
        for image in ["推荐单位公章.png", "公章.png"] {
            text = text.replacingOccurrences(of: ": \(image)", with: ": \(folder)/\(image)")
        }
        let path = scratch.file("\(form).yaml")
        try edit(text).write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    static func fill(_ form: String, _ data: String, in scratch: Scratch) throws -> String {
        let out = scratch.file("\(form).docx")
        let result = try ShenbaoCommand.run(["fill", Checkout.template(form) + "/template.docx", data, "-o", out])
        #expect(result.status == 0, "\(result.errorText)")
        return out
    }

    @Test(arguments: forms.map(\.form))
    func eachJointUnitOfTheSampleHasItsSealPlace(form: String) throws {
        let scratch = try Scratch("joint-\(form)")
        defer { scratch.remove() }
        let expected = try #require(Self.forms.first { $0.form == form })
        let docx = try Self.fill(form, Self.sample(form, in: scratch), in: scratch)
        #expect(try Self.sealPlaces(docx, label: expected.label) == expected.units)
    }

    @Test func noJointUnitNoSealPlace() throws {
        let scratch = try Scratch("joint-none")
        defer { scratch.remove() }
        // sz-lab applying alone: no 联合申报单位 rows.
        let alone = try Self.sample("sz-lab", in: scratch) { text in
            text.replacingOccurrences(of: "申报方式: 联合申报", with: "申报方式: 单独申报")
                .split(separator: "\n", omittingEmptySubsequences: false)
                .filter { !$0.hasPrefix("联合申报单位:") && !$0.hasPrefix("  - { 单位名称:") }
                .joined(separator: "\n")
        }
        let szDocx = try Self.fill("sz-lab", alone, in: scratch)
        #expect(try Self.sealPlaces(szDocx, label: "联合申报单位（盖章）：").isEmpty)
        #expect(try Self.paragraphs(szDocx).contains { $0.text == "申报单位（盖章）：" })
        // sd-lab-2022 with 联合申报单位名称: 无 (as its help says) and no 性质 ticked.
        let none = try Self.sample("sd-lab-2022", in: scratch) { text in
            text.replacingOccurrences(of: "联合申报单位名称: 山东省智慧交通研究院", with: "联合申报单位名称: 无")
                .replacingOccurrences(of: "联合申报单位性质: 科研院所\n", with: "")
        }
        #expect(try ShenbaoCommand.run(["validate", none]).status == 0)
        let labDocx = try Self.fill("sd-lab-2022", none, in: scratch)
        #expect(try Self.sealPlaces(labDocx, label: "联合申报单位(公章)：").isEmpty)
        #expect(try Self.paragraphs(labDocx).contains { $0.text == "无" })
    }

    @Test(.enabled(if: RequiredTools.present(.libreOffice, .poppler, .shenbao)))
    func builtPDFShowsEveryJointUnitsLabelAndName() throws {
        let scratch = try Scratch("joint-pdf")
        defer { scratch.remove() }
        let data = try Self.forms.map { try Self.sample($0.form, in: scratch) }
        let out = scratch.file("out")
        let built = try ShenbaoCommand.run(["build"] + data + ["-o", out, "--jobs", "2"])
        #expect(built.status == 0, "\(built.outputText)\(built.errorText)")
        for (form, label, units) in Self.forms {
            let text = try ExternalTool.run("pdftotext", ["-layout", "\(out)/\(form).pdf", "-"], timeout: 60).outputText
            let lines = text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
            let labels = lines.indices.filter { lines[$0] == label }
            #expect(labels.count == units.count, "\(form): \(labels.count) × \(label)")
            // Each label is followed by its unit's name on the next printed line.
            #expect(labels.map { $0 + 1 < lines.count ? lines[$0 + 1] : "" } == units, "\(form)")
        }
    }
}
