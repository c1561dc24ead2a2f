import ShenbaoData
import ShenbaoCore
import ShenbaoSummary
import Testing

@Suite struct SummarySpecTests {
    /// A typo must not switch a quota off: every problem of the section, with line and column.
    @Test func problemsAreReportedWithTheirPlace() throws {
        let text = """
            id: bad
            title: 测试申报表
            summary:
              sort: 推荐单位
              quotas:
                - {per: 推荐单位, max: 两个}
                - {per: 推荐单位, max: 1, mesage: 省直部门不超过1个}
                - per: 推荐单位
                  max: 2
                  when: {推荐单位: {matches: '市大数据局($'}}
                - per: 推荐单位
                  max: 2
                  level: fatal
                  when: {key: 推荐单位类型}
              columns:
                - {label: 无键}
                - {key: 金额, type: money, width: 0}
            fields: [{key: 推荐单位}, {key: 推荐单位类型}, {key: 金额}]

            """
        let error = try #require(throws: DiagnosticsError.self) { try SummarySpec.parse(text, path: "form.yaml") }
        #expect(error.diagnostics.map(\.description) == [
            "form.yaml:4:3: error: sort: 汇总表设置中未知的键",
            "form.yaml:6:24: error: max 应为非负整数",
            "form.yaml:7:27: error: mesage: 名额规则中未知的键，是否应为「message」？",
            "form.yaml:10:30: error: 正则表达式无效：市大数据局($",
            "form.yaml:13:14: error: severity（或 level）应为 error 或 warning",
            "form.yaml:14:13: error: 条件需要 in、equals、pattern、min/max 或 filled 之一",
            "form.yaml:16:7: error: 汇总表的列需要 key（可另给 label、type、width）",
            "form.yaml:17:23: error: 列的 type 应为 text 或 number",
            "form.yaml:17:37: error: width 应为列宽的字符数，1 到 255",
        ])
    }

    @Test func defaultsWithoutASummarySection() throws {
        let spec = try SummarySpec.parse("""
            id: plain
            title: 某某项目申报书
            fields:
              - {key: 项目名称, type: text}

            """, path: "form.yaml")
        #expect(spec.title == "某某项目推荐汇总表")
        #expect(spec.by == FieldPath("推荐单位"))
        #expect(spec.rank == FieldPath("推荐排序"))
        #expect(spec.columns.map(\.label) == ["序号", "推荐单位", "推荐排序", "备注"])
        #expect(spec.quotas.isEmpty)
    }

    @Test func conditionShapes() throws {
        let spec = try SummarySpec.parse("""
            id: c
            title: t
            summary:
              quotas:
                - {per: 推荐单位, max: 3, when: {key: 推荐单位类型, in: [县级, 区级]}, level: warning}
                - {per: 推荐单位, max: 2, when: [{推荐单位: {matches: 局$}}, {隶属关系: 市属}]}
            fields: [{key: 推荐单位}, {key: 推荐单位类型}, {key: 隶属关系}]

            """, path: "form.yaml")
        #expect(spec.quotas[0].when == [.valueIn(key: "推荐单位类型", values: ["县级", "区级"])])
        #expect(spec.quotas[0].severity == .warning)
        #expect(spec.quotas[1].when == [.matches(key: "推荐单位", pattern: "局$"), .valueIn(key: "隶属关系", values: ["市属"])])
        let data = DataValue(.map(DataMap([
            .init(key: "推荐单位", value: .string("济南市大数据局")), .init(key: "隶属关系", value: .string("市属")),
        ])))
        #expect(spec.quotas[1].applies(to: data))
        #expect(!spec.quotas[0].applies(to: data))
    }
}
