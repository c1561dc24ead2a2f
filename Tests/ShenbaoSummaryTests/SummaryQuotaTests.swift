import Foundation
import ShenbaoCore
import ShenbaoSummary
import Testing

@Suite struct SummaryQuotaTests {
    /// Breaks five rules in one inbox of 30 and expects every error at once, each at its file.
    @Test func everyProblemIsReportedAtOnceNamingTheFiles() throws {
        let dir = TempDirectory()
        let templates = try dir.fixtureTemplates()
        let generated = try SubmissionFactory.jbgs(in: dir)
        func file(_ city: String, _ rank: Int) -> String { generated.first { $0.city == city && $0.rank == rank }!.path }
        let (qd, jn, yt) = ("青岛市大数据局", "济南市大数据局", "烟台市大数据局")

        // 青岛's third moves to 数据产权: three in one direction.
        try SubmissionFactory.edit(file(qd, 3), "榜单方向: \"公共数据授权运营\"", to: "榜单方向: \"数据产权\"")
        // 济南's fifth says 4: a duplicate 4 and no 5.
        try SubmissionFactory.edit(file(jn, 5), "推荐排序: 5", to: "推荐排序: 4")
        // 烟台's tenth is for another form; its ninth repeats 济南's first unit.
        try SubmissionFactory.edit(file(yt, 10), "form: \"jbgs-test\"", to: "form: \"sd-lab-test\"")
        try SubmissionFactory.edit(file(yt, 9), "烟台第9数据科技有限公司", to: "济南第1数据科技有限公司")

        let spec = try SummarySpec.load(formID: "jbgs-test", templatesDirectory: templates)
        let error = try #require(throws: DiagnosticsError.self) {
            try SummaryBuilder.build(spec: spec, paths: generated.map(\.path))
        }
        let at = SubmissionFactory.location
        let dup4 = [file(jn, 4), file(jn, 5)].sorted()
        let expected = [
            "\(try at("推荐单位", file(qd, 3))): error: 每个榜单方向每市推荐数量不超过2个：推荐单位「青岛市大数据局」、榜单方向「数据产权」共3项，超出1项（\(file(qd, 1))、\(file(qd, 2))、\(file(qd, 3))）",
            "\(try at("推荐排序", dup4[0])): error: 推荐排序: 推荐单位「济南市大数据局」的第4名重复：\(dup4[0])、\(dup4[1])",
            "\(try at("推荐排序", dup4[1])): error: 推荐排序: 推荐单位「济南市大数据局」的第4名重复：\(dup4[0])、\(dup4[1])",
            "\(try at("推荐排序", file(jn, 6))): error: 推荐排序: 推荐单位「济南市大数据局」的推荐排序为1、2、3、4、6、7、8、9、10，缺少5",
            "\(try at("form", file(yt, 10))): error: 申报材料属于表单 sd-lab-test，不是 jbgs-test",
            "\(try at("揭榜单位名称", file(jn, 1))): error: 揭榜单位名称: 「济南第1数据科技有限公司」出现2次：\(file(jn, 1))、\(file(yt, 9))",
            "\(try at("揭榜单位名称", file(yt, 9))): error: 揭榜单位名称: 「济南第1数据科技有限公司」出现2次：\(file(jn, 1))、\(file(yt, 9))",
        ]
        #expect(error.diagnostics.map(\.description).sorted() == expected.sorted())
        #expect(Set(error.diagnostics.map(\.code.rawValue)) == ["over-quota", "duplicate-rank", "rank-gap", "wrong-form", "duplicate-unit"])
    }

    /// The Shandong lab: ≤2 for a city's bureau, ≤1 for a provincial department (`when:`).
    @Test func conditionalQuotasTellCitiesFromDepartments() throws {
        let dir = TempDirectory()
        let templates = try dir.fixtureTemplates()
        var paths: [String] = []
        let inbox: [(String, Int)] = [("济南市大数据局", 1), ("济南市大数据局", 2), ("济南市大数据局", 3),
                                      ("山东省教育厅", 1), ("山东省教育厅", 2), ("青岛市大数据局", 1), ("青岛市大数据局", 2)]
        for (i, (by, rank)) in inbox.enumerated() {
            paths.append(try dir.write("lab\(i).yaml", """
                form: sd-lab-test
                主申报单位名称: 单位\(i)
                实验室名称: 实验室\(i)
                推荐单位: \(by)
                推荐排序: \(rank)

                """))
        }
        let spec = try SummarySpec.load(formID: "sd-lab-test", templatesDirectory: templates)
        let error = try #require(throws: DiagnosticsError.self) { try SummaryBuilder.build(spec: spec, paths: paths) }
        #expect(error.diagnostics.map(\.description) == [
            "\(paths[2]):4:7: error: 每市推荐原则上不超过2个：推荐单位「济南市大数据局」共3项，超出1项（\(paths[0])、\(paths[1])、\(paths[2])）",
            "\(paths[4]):4:7: error: 省直各部门、单位推荐原则上不超过1个：推荐单位「山东省教育厅」共2项，超出1项（\(paths[3])、\(paths[4])）",
        ])
        // Within the caps, the same inbox summarises.
        let (table, _) = try SummaryBuilder.build(spec: spec, paths: [paths[0], paths[1], paths[3], paths[5], paths[6]])
        #expect(table.rows.map { $0[3] } == ["山东省教育厅", "济南市大数据局", "济南市大数据局", "青岛市大数据局", "青岛市大数据局"])
        #expect(table.header == ["序号", "申报单位", "实验室名称", "推荐单位", "推荐排序", "备注"])
    }

    /// 大数据创新应用成果评选's "15个左右" is a soft cap: a warning, and the summary is written.
    @Test func softQuotasWarnButSummarise() throws {
        let dir = TempDirectory()
        let templates = try dir.fixtureTemplates()
        var paths: [String] = []
        for rank in 1...16 {
            paths.append(try dir.write("b\(rank).yaml", "form: bigdata-test\n单位名称: 标杆单位\(rank)\n推荐单位: 淄博市大数据局\n推荐排序: \(rank)\n"))
        }
        let spec = try SummarySpec.load(formID: "bigdata-test", templatesDirectory: templates)
        let (table, warnings) = try SummaryBuilder.build(spec: spec, paths: paths)
        #expect(table.rows.count == 16)
        #expect(warnings.map(\.description) == [
            "\(paths[15]):3:7: warning: 各设区市择优推荐15个左右：推荐单位「淄博市大数据局」共16项，超出1项（\(paths.joined(separator: "、"))）",
        ])
    }

    @Test func missingAndMalformedRankingsAreErrors() throws {
        let dir = TempDirectory()
        let templates = try dir.fixtureTemplates()
        let a = try dir.write("a.yaml", "form: bigdata-test\n单位名称: 甲\n推荐排序: 第一\n")
        let b = try dir.write("b.yaml", "form: bigdata-test\n单位名称: 乙\n推荐单位: 淄博市大数据局\n")
        let c = try dir.write("c.yaml", "单位名称: 丙\n推荐单位: 淄博市大数据局\n推荐排序: 1\n")
        let missing = "\(dir.path)/missing.yaml"
        let spec = try SummarySpec.load(formID: "bigdata-test", templatesDirectory: templates)
        let error = try #require(throws: DiagnosticsError.self) { try SummaryBuilder.build(spec: spec, paths: [a, b, c, missing]) }
        let lines = error.diagnostics.map(\.description)
        #expect(lines.contains("\(a): error: 推荐单位: 未填写，无法汇总"))
        #expect(lines.contains("\(a):3:7: error: 推荐排序: 应为从1开始的整数，实际为「第一」"))
        #expect(lines.contains("\(b): error: 推荐排序: 未填写，无法排序"))
        #expect(lines.contains("\(c): warning: 未注明表单（form:），按 bigdata-test 汇总"))
        #expect(lines.contains { $0.hasPrefix("\(missing): error:") })
        #expect(error.diagnostics.errors.count == 4)
    }
}
