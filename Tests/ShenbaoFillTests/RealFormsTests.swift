import Foundation
import ShenbaoCore
import ShenbaoData
import ShenbaoOOXML
import Testing

@testable import ShenbaoFill

/// Every form package in templates/ filled with its sample data and spec: no tag left, the data
/// embedded, every part still well-formed XML.
@Suite struct RealFormsTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
    static let forms: [String] = ((try? FileManager.default.contentsOfDirectory(atPath: root + "/templates")) ?? [])
        .filter { FileManager.default.fileExists(atPath: "\(root)/samples/\($0)/申报数据.yaml") }.sorted()

    @Test(arguments: forms)
    func fillsTheFormWithItsSample(form: String) throws {
        let spec = try FormSpec.load(path: "\(Self.root)/templates/\(form)/form.yaml")
        let template = try ZipArchive(contentsOf: "\(Self.root)/templates/\(form)/template.docx")
        let data = try DataFile.load("\(Self.root)/samples/\(form)/申报数据.yaml")
        let filler = try TemplateFiller(template: template, options: FillOptions(spec: spec))
        let filled = try filler.fill(with: data, dataDirectory: "\(Self.root)/samples/\(form)")
        for program in filler.programs {
            let text = try Docx.paragraphs(filled, program.part).joined(separator: "\n")
            #expect(!text.contains("{{") && !text.contains("}}"), "\(form) \(program.part) still shows a tag")
        }
        for name in filled.names where name.hasSuffix(".xml") || name.hasSuffix(".rels") {
            #expect(throws: Never.self) { try XMLParser.parse(filled[name] ?? [], part: name) }
        }
        let embedded = try #require(try EmbeddedData.read(from: filled))
        #expect(embedded.form == spec.id)
        #expect(embedded.sha256 == data.digest)
        #expect(try filler.fill(with: data, dataDirectory: "\(Self.root)/samples/\(form)").serialized() == filled.serialized())
    }
}
