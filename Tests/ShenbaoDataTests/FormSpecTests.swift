import Foundation
import ShenbaoCore
import Testing

@testable import ShenbaoData

@Suite struct FormSpecTests {
    @Test func sdLabSpecHasTheAgreedKeys() throws {
        let spec = try sdLabSpec()
        #expect(spec.id == "sd-lab-2022")
        #expect(spec.fields.map(\.key) == [
            "申报日期", "主申报单位名称", "主申报单位性质", "联合申报单位名称", "联合申报单位性质", "申报方向", "单位地址",
            "联系人", "单位简介", "人员", "实验室总体简介", "建设目的和必要性", "分阶段目标", "预期成果", "社会和经济效益",
            "保障基础", "推荐单位", "推荐排序", "推荐意见", "公章", "推荐单位公章",
        ])
        #expect(spec.field(atPath: "联系人.电话")?.type == .phone)
        #expect(spec.field(atPath: "联系人.电话")?.required == true)
        #expect(spec.field(atPath: "主申报单位性质")?.options == ["高校", "科研院所", "医院", "企业", "其他"])
        #expect(spec.field(atPath: "申报方向")?.options.count == 4)
        #expect(spec.field(atPath: "联合申报单位名称")?.defaultValue == "无")
        #expect(spec.field(atPath: "人员")?.label == "人员参与情况")
        #expect(spec.field(atPath: "人员")?.columns.map(\.key) == ["姓名", "性别", "年龄", "职务", "职称", "分工", "参与起止日期"])
        #expect(spec.field(atPath: "人员.年龄")?.minimum == 18)
        #expect(spec.field(atPath: ["实验室总体简介", "主要成果内容"])?.type == .multiline)
        #expect(spec.field(atPath: "单位简介")?.maxLength == 1500)
        #expect(spec.field(atPath: "公章")?.sizeMM == 42)
        #expect(spec.field(atPath: "推荐单位公章")?.type == .image)
        #expect(spec.checkbox == CheckboxGlyphs(checked: "☑", unchecked: "□"))
        #expect(spec.field(atPath: "联系人.传真") == nil)
        #expect(spec.allFields.count == 21 + 4 + 7 + 4)
        #expect(spec.directory == repositoryRoot + "/templates/sd-lab-2022")
    }

    @Test func formIsFoundByIDInATemplatesFolderAndOtherwiseExplained() throws {
        let spec = try FormSpec.load(formID: "sd-lab-2022", templatesDirectory: repositoryRoot + "/templates")
        #expect(spec.path == repositoryRoot + "/templates/sd-lab-2022/form.yaml")
        let files = try TestFiles()
        try files.write("templates/sz-lab-test/form.yaml", SuzhouLabFixture.spec)
        #expect(try FormSpec.load(formID: "sz-lab-test", templatesDirectory: files.directory + "/templates").rules.count == 3)
        let lines = diagnosticLines { try FormSpec.load(formID: "sz-lab-tset", templatesDirectory: files.directory + "/templates") }
        #expect(lines.count == 1)
        #expect(lines.first?.hasPrefix("error: 找不到表单「sz-lab-tset」的规格 sz-lab-tset/form.yaml。是否应为 sz-lab-test？") == true)
        #expect(diagnosticLines { try FormSpec.load(formID: "../etc", templatesDirectory: files.directory) } == [
            "error: 表单编号「../etc」无效：只能含小写字母、数字和 -（如 sd-lab-2022）"
        ])
    }

    @Test func suzhouRulesAreRead() throws {
        let spec = try FormSpec.parse(Array(SuzhouLabFixture.spec.utf8), path: "form.yaml")
        #expect(spec.rules.map(\.minimum) == [15, 3, nil])
        #expect(spec.rules[1].condition == .any([
            .valueIn(key: "职称", values: ["正高级", "副高级"]), .valueIn(key: "学历", values: ["硕士研究生", "博士研究生"]),
        ]))
        #expect(spec.rules[2].condition == .all([.range(key: "年龄", minimum: nil, maximum: 35), .not(.valueIn(key: "职称", values: ["无"]))]))
        #expect(spec.field(atPath: "联合申报单位")?.maxRows == 3)
    }

    @Test func specMistakesAreReportedAtTheSpecsLines() throws {
        let files = try TestFiles()
        let path = try files.write("form.yaml", """
            id: Bad_ID
            titel: 表
            fields:
              - { key: 名称, type: txt }
              - { key: 性质, type: choice }
              - { key: 名称, type: text }
              - key: 人员
                type: table
                columns:
                  - { key: 姓名, type: text, pattern: "([" }
                  - { key: 年龄, type: integer, min: 80, max: 18, requird: true }
            rules:
              - { table: 人元, min: 3 }
              - table: 人员
                where: { column: 职称, in: [副高级] }
                min: 3

            """)
        #expect(diagnosticLines { try FormSpec.load(path: path) } == [
            "\(path):1:5: error: 表单编号只能含小写字母、数字和 -（如 sd-lab-2022）",
            "\(path):2:1: error: titel: 规格中未知的键，是否应为「title」？",
            "\(path):4:22: error: 未知的类型「txt」，是否应为「text」？可用：text, multiline, choice, multichoice, date, integer, number, amount, phone, email, bool, image, table, group",
            "\(path):5:5: error: choice 类型需要 options（可选项列表）",
            "\(path):6:12: error: 字段键「名称」重复，第一次出现在第 4 行",
            "\(path):10:41: error: 正则表达式无效：([",
            "\(path):11:49: error: max 小于 min",
            "\(path):11:53: error: requird: 字段中未知的键，是否应为「required」？",
            "\(path):13:14: error: 规则引用的「人元」不是表格字段，是否应为「人员」？",
            "\(path):15:22: error: 表格「人员」没有列「职称」；可用的列：姓名、年龄",
        ])
    }

    /// The recommending bureau's fields (`filled_by: recommender`) are never required of the
    /// applicant; seals are named (`seal: true`), the applicant's own is the one `--seal` replaces.
    @Test func recommendersFieldsAreNeverRequired() throws {
        let files = try TestFiles()
        let path = try files.write("form.yaml", """
            id: t
            fields:
              - { key: 公章, type: image, seal: true }
              - { key: 推荐意见, type: multiline, filled_by: recommender, required: true }
              - { key: 推荐单位公章, type: image, seal: true, filled_by: recommender }
              - { key: 附件, type: image, filled_by: 申报单位 }

            """)
        #expect(diagnosticLines { try FormSpec.load(path: path) } == [
            "\(path):4:69: error: 「推荐意见」由推荐单位填写（filled_by: recommender），不能要求申报单位必填：请删去 required: true",
            "\(path):6:40: error: filled_by 应为 applicant（申报单位填写）或 recommender（推荐单位填写），不是「申报单位」",
        ])
        let spec = try FormSpec.parse(Array("""
            id: t
            fields:
              - { key: 推荐单位公章, type: image, seal: true, filled_by: recommender }
              - { key: 单位, type: group, fields: [{ key: 公章, type: image, seal: true }] }
            """.utf8), path: "form.yaml")
        #expect(spec.applicantSealPath == "单位.公章")
        #expect(spec.field(atPath: "推荐单位公章")?.filledBy == .recommender)
        #expect(spec.field(atPath: "推荐单位公章")?.mustBeGiven == false)
    }
}
