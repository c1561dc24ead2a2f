import Foundation
import ShenbaoCore
import ShenbaoData
import Testing

@testable import ShenbaoFill

/// A fill error about a value names the field by the spec's label and the data file's line and
/// column where the value came from, in Chinese (issue 13, item 4).
@Suite struct FillValueErrorTests {
    @Test func aBadValueIsLocatedInTheDataFileAndNamedByItsLabel() throws {
        let doc = DocxBuilder(para(run("{{日期 | date}}")) + para(run("{{金额 | rmb}}")))
        let data = try DataFile.parse(Array("日期: 明天\n金额: 很多\n".utf8), path: "d.yaml", format: .yaml)
        let error = try #require(throws: DiagnosticsError.self) {
            try fill(doc, data) { $0.labels = ["日期": "申报日期", "金额": "申请资金（万元）"] }
        }
        #expect(error.diagnostics.map(\.description) == [
            "d.yaml:1:5: word/document.xml, paragraph 1: error: 申报日期: {{日期 | date}}: 日期: “明天”不是日期（应如 2022-12-10）",
            "d.yaml:2:5: word/document.xml, paragraph 2: error: 申请资金（万元）: {{金额 | rmb}}: 金额: “很多”不是以元为单位的金额（最多两位小数）",
        ])
        #expect(error.diagnostics.map(\.code.rawValue) == ["bad-value", "bad-value"])
    }
}
