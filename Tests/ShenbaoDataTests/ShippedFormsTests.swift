import Foundation
import ShenbaoCore
import ShenbaoData
import Testing

/// Every shipped form package's spec reads, and its sample validates without errors.
@Suite("shipped forms")
struct ShippedFormsTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path
    static let formIDs: [String] = FormSpecLocator.availableForms(in: root + "/templates")

    @Test func thereAreShippedForms() {
        #expect(Self.formIDs.contains("sd-lab-2022"))
        #expect(Self.formIDs.count >= 7)
    }

    @Test(arguments: formIDs) func sampleValidates(formID: String) throws {
        let spec = try FormSpec.load(formID: formID, templatesDirectory: Self.root + "/templates")
        #expect(spec.id == formID)
        let samplePath = "\(Self.root)/samples/\(formID)/申报数据.yaml"
        let (data, named) = try DataFile.loadWithFormID(samplePath)
        #expect(named == formID)
        let result = spec.validate(data, dataPath: samplePath)
        #expect(result.errors.isEmpty, "\(result.errors.map(\.description).joined(separator: "\n"))")
    }
}
