import Foundation
import ShenbaoCore
import ShenbaoData
import ShenbaoOOXML
import ShenbaoTestSupport
import Testing

/// An applicant's first build: each shipped form's sample cut down to the fields its spec says
/// must be given — no seal image, none of the recommender's fields (推荐意见, 推荐单位公章,
/// 推荐排序), optional group members and table columns left out, but the fields the form's rules
/// relate kept (they are required under a condition) — validates, builds unstamped and checks as
/// matching.
@Suite("required fields alone build")
struct RequiredFieldsBuildTests {
    /// `value` keeping only the fields `fields` says must be given (recursing into groups and
    /// table rows), and never an image.
    static func cut(_ value: DataValue, to fields: [FieldSpec]) -> DataValue {
        guard let map = value.map else { return value }
        var out = DataMap()
        for field in fields where field.mustBeGiven && field.type != .image && field.filledBy == .applicant {
            guard let entry = map.entry(field.key) else { continue }
            out.append(DataMap.Entry(key: field.key, value: cutField(entry.value, field)))
        }
        return DataValue(.map(out))
    }

    /// A group or table value cut down to its members that must be given; other values as they are.
    static func cutField(_ value: DataValue, _ field: FieldSpec) -> DataValue {
        switch field.type {
        case .group: cut(value, to: field.fields)
        case .table: DataValue(.list((value.list ?? []).map { cut($0, to: field.columns) }), at: value.location)
        default: value
        }
    }

    /// The sample of `form` cut down, written as JSON into `scratch`; its path.
    static func requiredOnlySample(_ form: String, in scratch: Scratch) throws -> String {
        let spec = try FormSpec.load(path: Checkout.template(form) + "/form.yaml")
        let sample = try DataFile.load(Checkout.sample(form) + "/申报数据.yaml")
        var map = cut(sample, to: spec.fields).map ?? DataMap()
        // A field a rule requires under a condition that holds here (联合申报 needs its joint units,
        // 平台类别 its group, a 市属及以下 unit its city) is kept as the sample gives it; the rules
        // are judged with the spec's defaults applied, as validation judges them.
        let withDefaults = spec.validate(DataValue(.map(map)), dataPath: nil).data
        var related: [String] = []
        for rule in spec.rules where rule.when?.holds(for: withDefaults) ?? true {
            if let requirement = rule.requirement, !requirement.holds(for: withDefaults) { related += requirement.keys }
            if let table = rule.table, rule.when != nil { related.append(table) }
        }
        for key in related.compactMap({ $0.split(separator: ".").first.map(String.init) }) where map[key] == nil {
            guard let entry = sample.map?.entry(key), let field = spec.fields.first(where: { $0.key == key }) else { continue }
            var child = entry.value
            switch field.type {
            case .group: child = cut(child, to: field.fields)
            case .table: child = DataValue(.list((child.list ?? []).map { cut($0, to: field.columns) }), at: child.location)
            default: break
            }
            map[key] = child
        }
        map["form"] = .string(form)
        // A field the form's rules require given the other answers (申报方式: 联合申报 asks for
        // the joint units; 平台类别 asks for its 专项 group) is required too: put back, cut down
        // the same way, each top-level field a rule still reports missing.
        for _ in 0..<5 {
            let errors = spec.validate(DataValue(.map(map))).errors.filter { $0.code == .ruleFailed }
            let named = spec.fields.filter { field in
                map.entry(field.key) == nil && sample.map?.entry(field.key) != nil
                    && errors.contains { $0.label == field.label || $0.label == field.key }
            }
            guard !named.isEmpty else { break }
            for field in named {
                if let value = sample[field.key] { map[field.key] = cutField(value, field) }
            }
        }
        let path = scratch.file("\(form).json")
        try Data(DataValue(.map(map)).canonicalJSON()).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test func noShippedFormAsksTheApplicantForASealOrTheRecommendersPart() throws {
        for form in Checkout.shippedForms {
            let spec = try FormSpec.load(path: Checkout.template(form) + "/form.yaml")
            let asked = spec.allFields.filter { $0.field.mustBeGiven && ($0.field.type == .image || $0.field.filledBy == .recommender) }
            #expect(asked.map(\.path).isEmpty, "\(form)")
            let recommenders = spec.allFields.filter { $0.field.filledBy == .recommender }.map(\.path)
            #expect(Set(["推荐意见", "推荐单位公章"]).isSubset(of: recommenders), "\(form): \(recommenders)")
            #expect(spec.applicantSealPath == "公章", "\(form)")
        }
    }

    @Test(.enabled(if: RequiredTools.present(.libreOffice, .poppler, .shenbao)))
    func everyFormBuildsUnstampedFromItsRequiredFieldsAlone() throws {
        let scratch = try Scratch("required-only")
        defer { scratch.remove() }
        let forms = Checkout.shippedForms
        #expect(forms.count >= 7)
        let data = try forms.map { try Self.requiredOnlySample($0, in: scratch) }
        for path in data {
            let validated = try ShenbaoCommand.run(["validate", path])
            #expect(validated.status == 0, "\(validated.outputText)\(validated.errorText)")
        }
        let out = scratch.file("out")
        let built = try ShenbaoCommand.run(["build"] + data + ["-o", out, "--jobs", "2"])
        #expect(built.status == 0, "\(built.outputText)\(built.errorText)")
        #expect(built.errorText == "\(forms.count)/\(forms.count) 份已生成且一致\n")
        for form in forms {
            // Unstamped: no picture anywhere, the 盖章 places left clear for the paper seal.
            let docx = try ZipArchive(contentsOf: "\(out)/\(form).docx")
            #expect(!docx.entries.contains { $0.name.hasPrefix("word/media/") }, "\(form)")
            let document = String(decoding: try #require(docx["word/document.xml"]), as: UTF8.self)
            #expect(!document.contains("<w:drawing"), "\(form)")
            #expect(!document.contains("{{"), "\(form)")
            #expect(document.contains("盖章") || document.contains("公章"), "\(form): the seal place keeps its label")
            let images = try ExternalTool.run("pdfimages", ["-list", "\(out)/\(form).pdf"], timeout: 60).outputText
            #expect(images.split(separator: "\n").count == 2, "\(form): \(images)")  // the header lines alone
            let check = try ShenbaoCommand.run(["check", "\(out)/\(form).docx", "\(out)/\(form).pdf"])
            #expect(check.status == 0, "\(form): \(check.outputText)\(check.errorText)")
        }
        // Left out, an optional field prints its default; its checkboxes stay unticked.
        let text = try ExternalTool.run("pdftotext", ["-layout", "\(out)/sd-lab-2022.pdf", "-"], timeout: 60).outputText
        #expect(text.contains("联合申报单位名称 无"))
        #expect(text.range(of: #"联合申报单位性质 □高校 +□科研院所 +□医院 +□企业 +□其他"#, options: .regularExpression) != nil)
    }

    /// `--seal` stamps the applicant's places (the spec's `applicantSealPath`) and no other.
    @Test(.enabled(if: RequiredTools.present(.libreOffice, .poppler, .shenbao)))
    func theApplicantsSealGoesOnTheApplicantsPlacesOnly() throws {
        let scratch = try Scratch("applicant-seal")
        defer { scratch.remove() }
        let data = try Self.requiredOnlySample("sd-lab-2022", in: scratch)
        let seal = Checkout.sample("sd-lab-2022") + "/公章.png"
        let out = scratch.file("out")
        let built = try ShenbaoCommand.run(["build", data, "-o", out, "--seal", seal])
        #expect(built.status == 0, "\(built.outputText)\(built.errorText)")
        let docx = try ZipArchive(contentsOf: out + "/sd-lab-2022.docx")
        let sealBytes = Array(try Data(contentsOf: URL(fileURLWithPath: seal)))
        let media = docx.entries.filter { $0.name.hasPrefix("word/media/") }
        #expect(!media.isEmpty && media.allSatisfy { $0.bytes == sealBytes })
        let document = String(decoding: try #require(docx["word/document.xml"]), as: UTF8.self)
        // {{%公章}} stands on the cover and under 四、真实性承诺; the bureau's box stays clear.
        #expect(document.components(separatedBy: "<w:drawing").count - 1 == 2)
        let bureau = try #require(document.range(of: "五、推荐单位意见"))
        #expect(!document[bureau.upperBound...].contains("<w:drawing"))
        // In the PDF: one picture and its transparency mask on the cover (page 1) and on page 9.
        let images = try ExternalTool.run("pdfimages", ["-list", out + "/sd-lab-2022.pdf"], timeout: 60).outputText
        let pages = images.split(separator: "\n").dropFirst(2).compactMap { $0.split(separator: " ").first.flatMap { Int($0) } }
        #expect(pages == [1, 1, 9, 9], "\(images)")
    }
}
