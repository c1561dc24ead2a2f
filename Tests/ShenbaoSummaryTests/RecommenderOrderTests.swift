import Foundation
import ShenbaoCore
import ShenbaoSummary
import Testing

/// `summary.order`: recommenders in the province's customary order, by name prefix, the
/// unmatched ones after in Unicode order.
@Suite struct RecommenderOrderTests {
    /// The jbgs fixture with `order:` added to its summary section.
    static func jbgs(order: String) -> String {
        FixtureForms.jbgs.replacingOccurrences(of: "  rank: 推荐排序\n", with: "  rank: 推荐排序\n  order: \(order)\n")
    }

    /// One 揭榜挂帅 submission per (recommender, rank), written in the order given.
    static func inbox(_ entries: [(String, Int)], in dir: TempDirectory) throws -> [String] {
        try entries.enumerated().map { i, entry in
            try dir.write("in\(i).yaml", """
                form: jbgs-test
                揭榜单位名称: 单位\(i)
                榜单方向: 数据产权
                推荐单位: \(entry.0)
                推荐排序: \(entry.1)

                """)
        }
    }

    static func recommenders(_ table: SummaryTable) -> [String] { table.rows.map { $0[1] } }

    @Test func withoutOrderRecommendersAreInUnicodeOrder() throws {
        let dir = TempDirectory()
        let spec = try SummarySpec.parse(FixtureForms.jbgs, path: "form.yaml")
        #expect(spec.order == [])
        let paths = try Self.inbox([("青岛市大数据局", 1), ("烟台市大数据局", 1), ("济南市大数据局", 1)], in: dir)
        let table = try SummaryBuilder.build(spec: spec, paths: paths).table
        #expect(Self.recommenders(table) == ["济南市大数据局", "烟台市大数据局", "青岛市大数据局"])
    }

    @Test func orderPlacesRecommendersByPrefixThenRank() throws {
        let dir = TempDirectory()
        let spec = try SummarySpec.parse(Self.jbgs(order: "[济南, 青岛, 淄博, 枣庄, 东营, 烟台]"), path: "form.yaml")
        #expect(spec.order == ["济南", "青岛", "淄博", "枣庄", "东营", "烟台"])
        let paths = try Self.inbox([
            ("烟台市大数据局", 2), ("青岛市大数据局", 1), ("烟台市大数据局", 1), ("东营市大数据局", 1),
            ("济南市大数据局", 2), ("济南市大数据局", 1),
        ], in: dir)
        let table = try SummaryBuilder.build(spec: spec, paths: paths).table
        #expect(table.rows.map { [$0[1], $0[2]] } == [
            ["济南市大数据局", "1"], ["济南市大数据局", "2"], ["青岛市大数据局", "1"],
            ["东营市大数据局", "1"], ["烟台市大数据局", "1"], ["烟台市大数据局", "2"],
        ])
        #expect(table.rows.map { $0[0] } == ["1", "2", "1", "1", "1", "2"])
        #expect(table.parts.map(\.rows.count) == [2, 1, 1, 2])
    }

    @Test func unmatchedRecommendersComeLastInUnicodeOrder() throws {
        let dir = TempDirectory()
        let spec = try SummarySpec.parse(Self.jbgs(order: "[青岛, 济南]"), path: "form.yaml")
        let paths = try Self.inbox([
            ("山东省工业和信息化厅", 1), ("烟台市大数据局", 1), ("济南市大数据局", 1), ("德州市大数据局", 1),
            ("青岛市大数据局", 1),
        ], in: dir)
        let table = try SummaryBuilder.build(spec: spec, paths: paths).table
        // 山 U+5C71 < 德 U+5FB7 < 烟 U+70DF among the unmatched.
        #expect(Self.recommenders(table) == ["青岛市大数据局", "济南市大数据局", "山东省工业和信息化厅", "德州市大数据局", "烟台市大数据局"])
    }

    /// The first entry a name starts with decides, and a name only matches from its start.
    @Test func firstMatchingEntryDecides() throws {
        let spec = try SummarySpec.parse(Self.jbgs(order: "[济南市大数据局, 青岛, 济南, 市大数据局]"), path: "form.yaml")
        #expect(spec.orderPosition(of: "济南市大数据局") == 0)
        #expect(spec.orderPosition(of: "济南高新区管委会") == 2)
        #expect(spec.orderPosition(of: "青岛市大数据局") == 1)
        #expect(spec.orderPosition(of: "烟台市大数据局") == 4)
        #expect(spec.recommenderPrecedes("青岛市大数据局", "济南高新区管委会"))
        #expect(spec.recommenderPrecedes("济南市大数据局", "青岛市大数据局"))
        #expect(!spec.recommenderPrecedes("烟台市大数据局", "济南高新区管委会"))
    }

    @Test func entriesThatAreNotTextAreSpecErrors() throws {
        let text = """
            id: bad
            title: 测试申报表
            summary:
              order:
                - 济南
                - {name: 青岛}
                - 42
                - [烟台]
                - ""
            fields: []

            """
        let error = try #require(throws: DiagnosticsError.self) { try SummarySpec.parse(text, path: "form.yaml") }
        #expect(error.diagnostics.map(\.description) == [
            "form.yaml:6:7: error: order 的每一项应为推荐单位名称或名称开头（文字）",
            "form.yaml:7:7: error: order 的每一项应为推荐单位名称或名称开头（文字）",
            "form.yaml:8:7: error: order 的每一项应为推荐单位名称或名称开头（文字）",
            "form.yaml:9:7: error: order 的每一项应为推荐单位名称或名称开头（文字）",
        ])
        let notList = try #require(throws: DiagnosticsError.self) {
            try SummarySpec.parse("id: bad\nsummary:\n  order: 济南\nfields: []\n", path: "form.yaml")
        }
        #expect(notList.diagnostics.map(\.description) == [
            "form.yaml:3:10: error: summary.order 应为推荐单位名称（或名称开头）的列表",
        ])
    }

    static let shandong = ["济南", "青岛", "淄博", "枣庄", "东营", "烟台", "潍坊", "济宁", "泰安", "威海", "日照", "临沂", "滨州", "德州", "聊城", "菏泽"]

    static var shandongForms: [String] {
        let ids = (try? FileManager.default.contentsOfDirectory(atPath: "\(FormPackageSummaryTests.root)/templates")) ?? []
        return ids.filter { $0.hasPrefix("sd-") }.sorted()
    }

    /// Every Shandong form lists the 16 cities as the notice's 附件3 contact list does.
    @Test func shandongFormsListTheCitiesInTheNoticesOrder() throws {
        #expect(Self.shandongForms.count == 6)
        for id in Self.shandongForms {
            let spec = try SummarySpec.load(formID: id, templatesDirectory: "\(FormPackageSummaryTests.root)/templates")
            #expect(spec.order == Self.shandong, "\(id)")
        }
        let sz = try SummarySpec.load(formID: "sz-lab", templatesDirectory: "\(FormPackageSummaryTests.root)/templates")
        #expect(sz.orderPosition(of: "张家港市大数据管理局") < sz.orderPosition(of: "苏州市姑苏区大数据管理局"))
        #expect(sz.orderPosition(of: "苏州市姑苏区大数据管理局") < sz.orderPosition(of: "苏州工业园区大数据管理局"))
        #expect(sz.orderPosition(of: "苏州高新区（虎丘区）大数据管理局") < sz.order.count)
        #expect(sz.orderPosition(of: "苏州市工业和信息化局") == sz.order.count)
    }

    /// The real 揭榜挂帅 form: 青岛 before 烟台 before a provincial department, 济南 first.
    @Test func realShandongFormSummarisesInTheProvincesOrder() throws {
        let dir = TempDirectory()
        let spec = try SummarySpec.load(formID: "sd-jbgs-2025", templatesDirectory: "\(FormPackageSummaryTests.root)/templates")
        let inbox = try FormPackageSummaryTests.inbox("sd-jbgs-2025", spec: spec, in: dir, recommenders: 16)
        let table = try SummaryBuilder.build(spec: spec, paths: inbox.map(\.path).reversed()).table
        let byColumn = try #require(table.columns.firstIndex { $0.key == spec.by })
        var seen: [String] = []
        for row in table.rows where seen.last != row[byColumn] { seen.append(row[byColumn]) }
        // The inbox's recommenders are the sample's 济南市大数据局 and the same prefixed with a city.
        #expect(seen.map { String($0.prefix(2)) } == Self.shandong)
    }
}
