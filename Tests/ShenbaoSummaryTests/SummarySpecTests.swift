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

            """
        let error = try #require(throws: DiagnosticsError.self) { try SummarySpec.parse(text, path: "form.yaml") }
        #expect(error.diagnostics.map(\.description) == [
            "form.yaml:4:3: error: summary: unknown key sort (known: by, columns, order, quotas, rank, title, unit)",
            "form.yaml:6:24: error: summary.quotas: max: must be a whole number ≥ 0",
            "form.yaml:7:27: error: summary.quotas: unknown key mesage (known: level, max, message, per, severity, when)",
            "form.yaml:10:30: error: summary.quotas: when: matches: not a valid regular expression",
            "form.yaml:13:14: error: summary.quotas: severity (or level): must be error or warning",
            "form.yaml:14:13: error: summary.quotas: when: key: 推荐单位类型 needs a test (matches, not_matches, equals, in)",
            "form.yaml:16:7: error: summary.columns: each column needs key: (and may give label:, type:, width:)",
            "form.yaml:17:23: error: summary.columns: type: must be text or number",
            "form.yaml:17:37: error: summary.columns: width: must be a number of characters, 1 to 255",
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
        #expect(spec.columns.map(\.label) == ["序号", "推荐单位", "推荐排序"])
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

            """, path: "form.yaml")
        #expect(spec.quotas[0].when == [FieldCondition(path: FieldPath("推荐单位类型"), test: .oneOf(["县级", "区级"]))])
        #expect(spec.quotas[0].severity == .warning)
        #expect(spec.quotas[1].when == [FieldCondition(path: FieldPath("推荐单位"), test: .matches("局$")),
                                        FieldCondition(path: FieldPath("隶属关系"), test: .equals("市属"))])
        let data = DataValue(.map(DataMap([
            .init(key: "推荐单位", value: .string("济南市大数据局")), .init(key: "隶属关系", value: .string("市属")),
        ])))
        #expect(spec.quotas[1].applies(to: data))
        #expect(!spec.quotas[0].applies(to: data))
    }
}
