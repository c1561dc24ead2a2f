import Foundation
import ShenbaoCore
import Testing

@Suite struct SchemaCommandTests {
    @Test func printsTheCommittedSchema() throws {
        let result = try ShenbaoBinary.run(["schema", "--form", "sd-lab-2022"])
        #expect(result.status == 0, "\(result.errorText)")
        let committed = try Data(contentsOf: URL(fileURLWithPath: ShenbaoBinary.repositoryRoot + "/templates/sd-lab-2022/form.schema.json"))
        #expect(result.standardOutput == [UInt8](committed))
    }

    @Test func writesToAFileAndNeedsAForm() throws {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("schema-\(UUID().uuidString).json").path
        defer { try? FileManager.default.removeItem(atPath: out) }
        let spec = ShenbaoBinary.repositoryRoot + "/templates/sd-lab-2022/form.yaml"
        let written = try ShenbaoBinary.run(["schema", "--spec", spec, "-o", out])
        #expect(written.status == 0)
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out))) as? [String: Any]
        #expect(object?["title"] as? String == "山东省数据开放创新应用实验室（第二批）申报表")
        let none = try ShenbaoBinary.run(["schema"])
        #expect(none.status == 64)
        #expect(none.errorText.contains("请给出 --form ID 或 --spec PATH"))
    }
}
