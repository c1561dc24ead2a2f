import Foundation
import ShenbaoCore
import Testing

@testable import ShenbaoData

@Suite struct ValidationTests {
    static let samplePath = repositoryRoot + "/samples/sd-lab-2022/申报数据.yaml"

    @Test(arguments: ["申报数据.yaml", "申报数据.json"])
    func sampleValidatesCleanly(name: String) throws {
        let path = repositoryRoot + "/samples/sd-lab-2022/" + name
        let data = try DataFile.load(path)
        let result = try sdLabSpec().validate(data, dataPath: path)
        #expect(result.diagnostics.map(\.description) == [])
        #expect(result.normalized["申报日期"] == .string("2022-12-08"))
        #expect(result.normalized.value(atPath: ["联系人", "电话"]) == .string("0531-88661234"))
        #expect(result.normalized["推荐排序"]?.kind == .number("1"))
        #expect(result.normalized["公章"] == .string(repositoryRoot + "/samples/sd-lab-2022/公章.png"))
        #expect(result.data["公章"] == .string("公章.png"))
        #expect(result.data["人员"]?.list?.count == 8)
    }

    /// Writes the sample with `edit` applied to its text and validates it.
    func validateEditedSample(_ edit: (String) -> String) throws -> (path: String, lines: [String], files: TestFiles) {
        let files = try TestFiles()
        let text = try String(contentsOfFile: Self.samplePath, encoding: .utf8)
        let path = try files.write("申报数据.yaml", edit(text))
        try files.write("公章.png", bytes: Array(try Data(contentsOf: URL(fileURLWithPath: repositoryRoot + "/samples/sd-lab-2022/公章.png"))))
        try files.write("推荐单位公章.png", bytes: Array("not a png".utf8))
        return (path, validationLines(path, spec: try sdLabSpec()), files)
    }

    @Test func everyKindOfMistakeAtOnceWithExactText() throws {
        let (path, lines, _) = try validateEditedSample { text in
            text
                .replacingOccurrences(of: "申报日期: 2022-12-08", with: "申报日期: 2022-02-30")
                .replacingOccurrences(of: "主申报单位名称: ", with: "主申报单位名: ")
                .replacingOccurrences(of: "主申报单位性质: 高校", with: "主申报单位性质: 大学")
                .replacingOccurrences(of: "单位地址: 山东省济南市历城区海岱路88号\n", with: "")
                .replacingOccurrences(of: "  电话: 0531-88661234", with: "  电话: 0531-8866")
                .replacingOccurrences(of: "  邮箱: wangxl@haidai.edu.cn", with: "  邮箱: wangxl@haidai\n  传真: 0531-88661235")
                .replacingOccurrences(of: "年龄: 52", with: "年龄: 五十二")
                .replacingOccurrences(of: "年龄: 45", with: "年龄: 85")
                .replacingOccurrences(of: "性别: 男, 年龄: 41", with: "性别: 未知, 年龄: 41")
                .replacingOccurrences(of: "{ 姓名: 周婷, ", with: "{ ")
                .replacingOccurrences(of: "推荐排序: 1", with: "推荐排序: 第一")
                .replacingOccurrences(of: "推荐意见: 该单位", with: "推荐意见: [该单位]\n推荐意建: 该单位")
                .replacingOccurrences(of: "申报方向: 数据开放应用创新", with: "申报方向: \n  - 数据开放应用创新")
        }
        #expect(lines == [
            "\(path):4:1: error: 单位地址: 缺少必填项，请添加键「单位地址」",
            "\(path):6:7: error: 申报日期: 「2022-02-30」不是有效日期，应写成 2022-12-10、2022/12/10 或 2022年12月10日",
            "\(path):9:1: error: 主申报单位名: 表中没有这一项，是否应为「主申报单位名称」？",
            "\(path):10:10: error: 主申报单位性质: 「大学」不是可选项；可选：高校、科研院所、医院、企业、其他",
            "\(path):14:3: error: 申报方向: 应为一项文字，而不是列表",
            "\(path):18:7: error: 联系人电话: 「0531-8866」不是有效的电话号码，应为手机号（13912345678）或带区号的座机（0531-51785094）",
            "\(path):19:7: error: 联系人邮箱: 「wangxl@haidai」不是有效的电子邮箱",
            "\(path):20:3: error: 联系人传真: 表中没有这一项；可用的键：姓名、职务、电话、邮箱",
            "\(path):28:27: error: 人员参与情况第1行年龄: 「五十二」不是整数",
            "\(path):29:27: error: 人员参与情况第2行年龄: 「85」超出范围，应在 18 到 80 之间",
            "\(path):30:20: error: 人员参与情况第3行性别: 「未知」不是可选项；可选：男、女",
            "\(path):33:5: error: 人员参与情况第6行姓名: 缺少必填项，请添加键「姓名」",
            "\(path):80:7: error: 推荐排序: 「第一」不是整数",
            "\(path):81:7: error: 推荐意见: 应为一项文字，而不是列表",
            "\(path):82:1: error: 推荐意建: 表中没有这一项，是否应为「推荐意见」？",
            "\(path):84:9: error: 推荐单位公章: 「推荐单位公章.png」不是 PNG 或 JPEG 图片",
        ])
    }

    @Test func missingAndEmptyRequiredValuesPointAtTheEnclosingMap() throws {
        let files = try TestFiles()
        let path = try files.write("d.yaml", """
            form: sd-lab-2022
            申报日期:
            联系人:
              姓名: 王晓岚
            人员: []
            推荐单位: "  "
            """)
        let lines = validationLines(path, spec: try sdLabSpec())
        #expect(lines.contains("\(path):1:1: error: 单位简介: 缺少必填项，请添加键「单位简介」"))
        #expect(lines.contains("\(path):4:3: error: 联系人电话: 缺少必填项，请添加键「电话」"))
        #expect(lines.contains("\(path):4:3: error: 联系人邮箱: 缺少必填项，请添加键「邮箱」"))
        #expect(lines.contains("\(path):5:5: error: 人员参与情况: 至少需要 1 行，现有 0 行"))
        #expect(lines.contains("\(path):6:7: error: 推荐单位: 必填项为空"))
        #expect(lines.contains("\(path):1:1: error: 实验室总体简介: 缺少必填项，请添加键「实验室总体简介」"))
        // An empty value is reported where it would be written, after the colon.
        #expect(lines.contains("\(path):2:6: error: 申报日期: 必填项为空"))
        #expect(!lines.contains { $0.contains("联合申报单位名称") }, "has a default")
    }

    @Test func warningsAreNotErrors() throws {
        let text = try String(contentsOfFile: Self.samplePath, encoding: .utf8)
            .replacingOccurrences(of: "form: sd-lab-2022\n", with: "")
            .replacingOccurrences(of: "单位地址: 山东省济南市历城区海岱路88号", with: "单位地址: \"山东省济南市\\n历城区海岱路88号\"")
        let files = try TestFiles()
        let path = try files.write("申报数据.yaml", text)
        for name in ["公章.png", "推荐单位公章.png"] {
            try files.write(name, bytes: Array(try Data(contentsOf: URL(fileURLWithPath: repositoryRoot + "/samples/sd-lab-2022/" + name))))
        }
        let result = try sdLabSpec().validate(try DataFile.load(path), dataPath: path)
        #expect(!result.hasErrors)
        #expect(result.diagnostics.map(\.description) == [
            "\(path):5:1: warning: form: 建议在文件开头写上 form: sd-lab-2022，让 shenbao 知道用哪张表",
            "\(path):13:7: warning: 单位地址: 单行文字中有换行；多行内容请用 multiline 字段",
        ])
    }

    @Test func lengthAndPatternLimits() throws {
        var spec = FormSpec(id: "t", fields: [FieldSpec(key: "名称", type: .text), FieldSpec(key: "简介", type: .multiline)])
        spec.fields[0].pattern = "(大学|学院|公司)$"
        spec.fields[0].patternMessage = "应填写单位全称"
        spec.fields[0].minLength = 4
        spec.fields[1].maxLength = 10
        let files = try TestFiles()
        let path = try files.write("d.yaml", "form: t\n名称: 海岱\n简介: |\n  一二三四五\n  六七八九十十一\n")
        #expect(validationLines(path, spec: spec) == [
            "\(path):2:5: error: 名称: 共 2 字，少于下限 4 字",
            "\(path):3:5: error: 简介: 共 12 字，超过上限 10 字",
        ])
        let path2 = try files.write("e.yaml", "form: t\n名称: 海岱数据中心\n")
        #expect(validationLines(path2, spec: spec) == ["\(path2):2:5: error: 名称: 应填写单位全称"])
    }

    @Test func formMismatchIsAnError() throws {
        let files = try TestFiles()
        let path = try files.write("d.json", "{\"form\": \"sz-lab-test\"}")
        let lines = validationLines(path, spec: try sdLabSpec())
        #expect(lines.contains("\(path):1:10: error: form: 数据写的是 form: sz-lab-test，但所用表单规格是 sd-lab-2022"))
    }

    @Test func typedValuesAreNormalised() throws {
        var spec = FormSpec(id: "t", fields: [
            FieldSpec(key: "日期", type: .date), FieldSpec(key: "金额", type: .amount), FieldSpec(key: "手机", type: .phone),
            FieldSpec(key: "座机", type: .phone), FieldSpec(key: "是否", type: .bool), FieldSpec(key: "方向", type: .multichoice),
        ])
        spec.fields[5].options = ["甲", "乙"]
        let files = try TestFiles()
        let path = try files.write("d.yaml", "form: t\n日期: 2022年12月8日\n金额: 1,250,000.50元\n手机: 139-1234-5678\n座机: (0531)51785094\n是否: 是\n方向: [乙, 甲]\n")
        let result = spec.validate(try DataFile.load(path), dataPath: path)
        #expect(result.diagnostics.isEmpty)
        #expect(result.normalized["日期"] == .string("2022-12-08"))
        #expect(result.data["日期"] == .string("2022年12月8日"))
        #expect(result.normalized["金额"]?.kind == .number("1250000.50"))
        #expect(result.normalized["手机"] == .string("13912345678"))
        #expect(result.normalized["座机"] == .string("0531-51785094"))
        #expect(result.normalized["是否"]?.kind == .bool(true))
        #expect(result.normalized["方向"]?.list?.compactMap(\.text) == ["乙", "甲"])
    }

    @Test func scalarParsers() {
        #expect(ScalarParsers.date("2022/2/28") == CalendarDate(year: 2022, month: 2, day: 28))
        #expect(ScalarParsers.date("2024.02.29")?.chinese == "2024年2月29日")
        #expect(ScalarParsers.date("2023-02-29") == nil)
        #expect(ScalarParsers.date("2022-12") == nil)
        #expect(ScalarParsers.date("22-12-10") == nil)
        #expect(ScalarParsers.phone("0531-51785094-8001") == "0531-51785094-8001")
        #expect(ScalarParsers.phone("010-12345678转123") == "010-12345678-123")
        #expect(ScalarParsers.phone("+86 13912345678") == "13912345678")
        #expect(ScalarParsers.phone("053151785094") == "0531-51785094")
        #expect(ScalarParsers.phone("12345678") == nil)
        #expect(ScalarParsers.phone("1391234567") == nil)
        #expect(ScalarParsers.email("a.b@c.cn") == "a.b@c.cn")
        #expect(ScalarParsers.email("a@b") == nil)
        #expect(ScalarParsers.integer("+7") == 7)
        #expect(ScalarParsers.integer("7.0") == nil)
        #expect(ScalarParsers.amount("1,23,456") == nil)
        #expect(ScalarParsers.amount("250000") == "250000")
        #expect(ScalarParsers.amount("1.234") == nil)
    }

    @Test func keySuggestionsWorkForChinese() {
        #expect(KeySuggestion.best(for: "主申报单位名", among: ["主申报单位名称", "单位地址"]) == "主申报单位名称")
        #expect(KeySuggestion.best(for: "联系电话", among: ["电话", "邮箱"]) == "电话")
        #expect(KeySuggestion.best(for: "推荐意建", among: ["推荐意见", "推荐单位"]) == "推荐意见")
        #expect(KeySuggestion.best(for: "推荐理由", among: ["推荐意见", "推荐单位"]) == nil, "two of four characters differ: too far")
        #expect(KeySuggestion.best(for: "传真", among: ["姓名", "职务", "电话", "邮箱"]) == nil)
        #expect(KeySuggestion.best(for: "titel", among: ["title", "fields"]) == "title")
    }
}
