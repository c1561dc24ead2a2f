import ShenbaoData
import Foundation
import ShenbaoCore
import ShenbaoSummary
import Testing

@Suite struct SummaryOrderTests {
    @Test func thirtySubmissionsComeOutInRecommendationOrder() throws {
        let dir = TempDirectory()
        let templates = try dir.fixtureTemplates()
        let generated = try SubmissionFactory.jbgs(in: dir)
        #expect(generated.count == 30)
        let spec = try SummarySpec.load(formID: "jbgs-test", templatesDirectory: templates)
        // Given in file-name order, which runs against the ranking.
        let (table, warnings) = try SummaryBuilder.build(spec: spec, paths: generated.map(\.path).sorted())
        #expect(warnings.isEmpty)

        // 济南 (U+6D4E) < 烟台 (U+70DF) < 青岛 (U+9752), each by 推荐排序.
        let expected = generated.sorted { ($0.city, $0.rank) < ($1.city, $1.rank) }
        #expect(table.title == "2025年全省数据要素市场化配置改革揭榜挂帅推荐汇总表")
        #expect(table.header == ["序号", "推荐单位", "推荐排序", "揭榜单位", "榜单方向", "联系人", "联系电话", "申请资金（万元）", "备注"])
        #expect(table.rows.count == 30)
        // One table per city, 序号 from 1 in each.
        #expect(table.parts.map(\.recommender) == ["济南市大数据局", "烟台市大数据局", "青岛市大数据局"])
        #expect(table.rows.map { $0[0] } == (0..<30).map { String($0 % 10 + 1) })
        #expect(table.rows.map { $0[1] } == expected.map(\.city))
        #expect(table.rows.map { $0[2] } == expected.map { String($0.rank) })
        #expect(table.rows.map { $0[3] } == expected.map(\.unit))
        #expect(table.sources == expected.map(\.path))
        #expect(table.rows[0] == ["1", "济南市大数据局", "1", "济南第1数据科技有限公司", "数据产权", "王明", "13912340101", "110.5", ""])
        // Three cities: the 盖章 line is left for the bureau.
        #expect(table.recommender == "")
    }

    @Test func oneRecommenderFillsTheSealLine() throws {
        let dir = TempDirectory()
        let templates = try dir.fixtureTemplates()
        let generated = try SubmissionFactory.jbgs(in: dir).filter { $0.city == "烟台市大数据局" }
        let spec = try SummarySpec.load(formID: "jbgs-test", templatesDirectory: templates)
        let (table, _) = try SummaryBuilder.build(spec: spec, paths: generated.map(\.path).reversed())
        #expect(table.recommender == "烟台市大数据局")
        #expect(table.rows.map { $0[2] } == (1...10).map(String.init))
        let named = try SummaryBuilder.build(spec: spec, paths: generated.map(\.path), recommender: "烟台市大数据局（代章）")
        #expect(named.table.recommender == "烟台市大数据局（代章）")
    }

    @Test func columnsTakeLabelsAndKindsFromTheForm() throws {
        let spec = try SummarySpec.parse(FixtureForms.jbgs, path: "form.yaml")
        #expect(spec.columns.map(\.label) == ["序号", "推荐单位", "推荐排序", "揭榜单位", "榜单方向", "联系人", "联系电话", "申请资金（万元）", "备注"])
        #expect(spec.columns.map(\.kind) == [.number, .text, .number, .text, .text, .text, .text, .number, .text])
        #expect(spec.unit == FieldPath("揭榜单位名称"))
        let lab = try SummarySpec.parse(FixtureForms.sdLab, path: "form.yaml")
        #expect(lab.title == "山东省数据开放创新应用实验室（第二批）推荐汇总表")
        #expect(lab.unit == FieldPath("主申报单位名称"))
        #expect(lab.quotas.count == 2)
        #expect(lab.quotas[0].when == [.matches(key: "推荐单位", pattern: "市大数据局$")])
        #expect(lab.quotas[1].when == [.not(.matches(key: "推荐单位", pattern: "市大数据局$"))])
    }
}
