import Foundation
import ShenbaoTestSupport
import Testing

/// Every command's help abstract is in Chinese (issue 13, item 4), as `shenbao --help` lists them.
@Suite struct HelpInChineseTests {
    @Test func everyCommandIsSummarisedInChinese() throws {
        let result = try ShenbaoCommand.run(["--help"])
        #expect(result.status == 0)
        let lines = result.outputText.split(separator: "\n", omittingEmptySubsequences: false).map { String($0) }
        #expect(lines.first == "概述：把申报数据文件生成正式申报表，盖章并核对。")
        let listed = lines.drop { $0 != "子命令：" }.dropFirst().prefix { !$0.isEmpty }
            .map { $0.split(separator: " ", omittingEmptySubsequences: true).map(String.init) }
            .map { ($0[0], $0.dropFirst().joined(separator: " ")) }
        #expect(listed.map(\.0) == ["validate", "schema", "fill", "tags", "data", "pdf", "check", "summary", "build", "lint", "serve"])
        #expect(listed.map(\.1) == [
            "按表单规格校验申报数据文件，一次报告所有问题。",
            "打印表单数据的 JSON Schema，供编辑器的 YAML 语言服务使用。",
            "用申报数据填写 DOCX 模板中的 {{标签}}。",
            "列出模板使用的标签（区块内含其中的标签）及其位置。",
            "打印已填写 DOCX 中嵌入的数据（由 `shenbao fill` 嵌入）。",
            "用 LibreOffice 把已填写的 DOCX 表单转换为 PDF。",
            "核对 PDF 与其 DOCX 内容完全一致（文字、勾选框、印章、数据校验值、字体、A4）。",
            "生成推荐单位的推荐汇总表（DOCX、XLSX 或 CSV），并检查推荐名额。",
            "校验数据文件，填写表单，转换为 PDF，并逐份核对 PDF 与 DOCX 是否一致。",
            "检查模板：标签可解析、区块已闭合、标签对应表单字段、必填字段都已出现。",
            "为每张表单提供网页填写和 HTTP 接口（校验、DOCX、核对过的 PDF）。",
        ])
    }
}
