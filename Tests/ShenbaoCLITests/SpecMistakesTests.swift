import Foundation
import ShenbaoTestSupport
import Testing

/// `shenbao validate` reads form.yaml whole: a mistake in the `summary:` section is reported with
/// the rest of the spec's, at its line and column, and the command exits 2.
@Suite struct SpecMistakesTests {
    @Test func aBrokenQuotaIsReportedByValidate() throws {
        let scratch = try Scratch("broken-quota")
        defer { scratch.remove() }
        let shipped = try String(contentsOfFile: Checkout.root + "/templates/sd-lab-2022/form.yaml", encoding: .utf8)
        let broken = shipped
            .replacingOccurrences(of: "      max: 2\n", with: "      max: 两个\n")
            .replacingOccurrences(of: "when: { not: { key: 推荐单位, pattern:", with: "when: { not: { key: 推荐单位类, pattern:")
        #expect(broken != shipped)
        let spec = try scratch.write("form.yaml", broken)
        let data = Checkout.root + "/samples/sd-lab-2022/申报数据.yaml"
        let result = try ShenbaoCommand.run(["validate", data, "--spec", spec])
        #expect(result.status == 2)
        let lines = broken.split(separator: "\n", omittingEmptySubsequences: false)
        let maxLine = try #require(lines.firstIndex { $0 == "      max: 两个" }) + 1
        let keyLine = try #require(lines.firstIndex { $0.contains("key: 推荐单位类,") }) + 1
        #expect(result.errorText == """
            \(spec):\(maxLine):12: error: max 应为非负整数
            \(spec):\(keyLine):27: error: 「推荐单位类」不是本表单的字段，是否应为「推荐单位」？
            2 个错误，0 个警告

            """)
    }
}
