import Foundation
import ShenbaoCore
import Testing

@testable import ShenbaoData

/// Every form package in `templates/` has a spec that reads without mistakes and a sample that
/// validates without errors.
@Suite struct FormPackageTests {
    static let formIDs = FormSpecLocator.availableForms(in: repositoryRoot + "/templates")

    @Test func thereAreForms() {
        #expect(Self.formIDs.contains("sd-lab-2022"))
    }

    @Test(arguments: formIDs)
    func specReadsAndSampleValidates(id: String) throws {
        let spec = try FormSpec.load(formID: id, templatesDirectory: repositoryRoot + "/templates")
        #expect(spec.id == id)
        let sample = repositoryRoot + "/samples/\(id)/申报数据.yaml"
        try #require(FileManager.default.fileExists(atPath: sample), "\(id) has no sample")
        let data = try DataFile.load(sample)
        #expect(DataFile.formID(of: data) == id)
        let result = spec.validate(data, dataPath: sample)
        #expect(result.errors.map(\.description) == [])
    }
}
