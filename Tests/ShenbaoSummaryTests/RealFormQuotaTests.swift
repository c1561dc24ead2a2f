import Foundation
import ShenbaoCore
import ShenbaoData
import ShenbaoSummary
import Testing

/// The notices' caps as the real form packages state them, checked on inboxes made from each
/// form's sample (a failure when the package is not in the tree).
@Suite struct RealFormQuotaTests {
    static let root = FormPackageSummaryTests.root

    /// Writes copies of `id`'s sample with the given changes (dotted path → value), one file each.
    static func copies(_ id: String, _ changes: [[String: String]], in dir: TempDirectory) throws -> [String] {
        let samplePath = FormPackageSummaryTests.sample(id)
        try #require(FileManager.default.fileExists(atPath: samplePath), "form package \(id) is missing from the checkout")
        let sample = try DataFile.load(samplePath)
        return try changes.enumerated().map { i, change in
            var data = sample
            for (path, value) in change.sorted(by: { $0.key < $1.key }) {
                let new = Int(value) != nil ? DataValue(.number(value)) : DataValue.string(value)
                data = SubmissionFactory.setting(data, path.split(separator: ".").map(String.init), new)
            }
            return try dir.write(String(format: "%@-%02d.yaml", id, i + 1), YAMLEmitter.emit(data))
        }
    }

    static func errors(_ id: String, _ paths: [String]) throws -> [String] {
        let spec = try SummarySpec.load(formID: id, templatesDirectory: "\(root)/templates")
        let error = try #require(throws: DiagnosticsError.self) { try SummaryBuilder.build(spec: spec, paths: paths) }
        return error.diagnostics.map(\.description)
    }

    /// The summary of `paths` with its warnings (it must build).
    static func built(_ id: String, _ paths: [String]) throws -> (table: SummaryTable, warnings: [String]) {
        let spec = try SummarySpec.load(formID: id, templatesDirectory: "\(root)/templates")
        let (table, warnings) = try SummaryBuilder.build(spec: spec, paths: paths)
        return (table, warnings.map(\.description))
    }

    /// 山东省数据开放创新应用实验室: 原则上 ≤2 per city's bureau, ≤1 per provincial department —
    /// warnings: the sheet is built and the rows beyond the cap say so in 备注.
    @Test func shandongLabCitiesAndDepartments() throws {
        let dir = TempDirectory("summary-sd-lab")
        let inbox: [(String, String)] = [("济南市大数据局", "1"), ("济南市大数据局", "2"), ("济南市大数据局", "3"),
                                         ("山东省教育厅", "1"), ("山东省教育厅", "2"), ("青岛市大数据局", "1")]
        let paths = try Self.copies("sd-lab-2022", inbox.enumerated().map { i, entry in
            ["推荐单位": entry.0, "推荐排序": entry.1, "主申报单位名称": "山东第\(i + 1)大学数据学院"]
        }, in: dir)
        let at = { (i: Int) in try SubmissionFactory.location(of: "推荐单位", in: paths[i]) }
        let (table, warnings) = try Self.built("sd-lab-2022", paths)
        #expect(warnings == [
            "\(try at(2)): warning: 每市推荐原则上不超过2个：推荐单位「济南市大数据局」共3项，超出1项（\(paths[0])、\(paths[1])、\(paths[2])）",
            "\(try at(4)): warning: 省直各部门、单位推荐原则上不超过1个：推荐单位「山东省教育厅」共2项，超出1项（\(paths[3])、\(paths[4])）",
        ])
        #expect(table.header.last == "备注")
        #expect(table.rows.map { $0.last! } == ["", "", "超出：每市推荐原则上不超过2个", "", "", "超出：省直各部门、单位推荐原则上不超过1个"])
    }

    /// 苏州: 原则上 ≤3 per county-level bureau, ≤2 per city department (by 推荐单位类型): warnings.
    @Test func suzhouCountiesAndCityDepartments() throws {
        let dir = TempDirectory("summary-sz-lab")
        let county = "苏州市姑苏区大数据管理局", department = "苏州市工业和信息化局"
        var changes: [[String: String]] = []
        for rank in 1...4 { changes.append(["推荐单位": county, "推荐单位类型": "县级市（区）大数据主管部门", "推荐排序": "\(rank)"]) }
        for rank in 1...3 { changes.append(["推荐单位": department, "推荐单位类型": "市级部门", "推荐排序": "\(rank)"]) }
        for i in changes.indices {
            changes[i]["实验室名称"] = "苏州第\(i + 1)大数据创新应用实验室"
            changes[i]["申报单位名称"] = "苏州第\(i + 1)数据科技有限公司"
            changes[i]["联合申报单位"] = ""
        }
        let paths = try Self.copies("sz-lab", changes, in: dir)
        let at = { (i: Int) in try SubmissionFactory.location(of: "推荐单位", in: paths[i]) }
        let (table, warnings) = try Self.built("sz-lab", paths)
        #expect(warnings.filter { $0.contains("原则上") }.sorted() == [
            "\(try at(3)): warning: 原则上各县级市（区）大数据主管部门推荐不超过3家：推荐单位「\(county)」共4项，超出1项（\(paths[0...3].joined(separator: "、"))）",
            "\(try at(6)): warning: 原则上各市相关部门推荐不超过2家：推荐单位「\(department)」共3项，超出1项（\(paths[4...6].joined(separator: "、"))）",
        ].sorted())
        #expect(table.parts.map(\.recommender) == [county, department])
        #expect(table.rows.count == 7)
    }

    /// 苏州: 所有申报单位联合申报次数均不能超过3次, counted over every submission summarised, lead
    /// or joint: the sample's joint unit in four applications is refused at the fourth, naming all
    /// four files; a unit named twice in one application is refused at that file.
    @Test func suzhouJointUnitLimitAcrossSubmissions() throws {
        let dir = TempDirectory("summary-sz-joint")
        let changes: [[String: String]] = (1...4).map { i in
            ["实验室名称": "苏州第\(i)大数据创新应用实验室", "申报单位名称": "苏州第\(i)数据科技有限公司", "推荐排序": "\(i)"]
        }
        let paths = try Self.copies("sz-lab", changes, in: dir)
        let joint = "苏州大学计算机科学与技术学院"
        #expect(try String(contentsOfFile: paths[0], encoding: .utf8).contains(joint))
        // Reported where the unit is written: its row of 联合申报单位 (or the lead's name).
        func place(_ name: String, in path: String, last: Bool = false) throws -> String {
            let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
            let hits = lines.indices.filter { lines[$0].contains(name) }
            let i = try #require(last ? hits.last : hits.first)
            var start = lines[i].range(of: name)!.lowerBound
            if start > lines[i].startIndex, "\"'".contains(lines[i][lines[i].index(before: start)]) { start = lines[i].index(before: start) }
            let column = lines[i].distance(from: lines[i].startIndex, to: start) + 1
            return "\(path):\(i + 1):\(column)"
        }
        let expected = try [joint, "苏州市测绘院有限公司"].map { name in
            "\(try place(name, in: paths[3])): error: 所有申报单位联合申报次数均不能超过3次：「\(name)」参与了4项申报（牵头或联合），超出1项（\(paths.joined(separator: "、"))）"
        }
        #expect(Set(try Self.errors("sz-lab", paths).filter { $0.contains(": error: ") }) == Set(expected))
        #expect(try Self.built("sz-lab", Array(paths[0..<3])).table.rows.count == 3)
        // The lead also listed as its own joint unit.
        try SubmissionFactory.edit(paths[1], joint, to: "苏州第2数据科技有限公司")
        let at1 = try place("苏州第2数据科技有限公司", in: paths[1], last: true)
        #expect(try Self.errors("sz-lab", Array(paths[0..<3])) == [
            "\(at1): error: 所有申报单位联合申报次数均不能超过3次：「苏州第2数据科技有限公司」在同一份申报材料中出现了2次（\(paths[1])）",
        ])
    }

    /// 揭榜挂帅: ≤2 per 榜单方向 per city; units reporting straight to the province are not counted.
    @Test func jbgsDirectionsPerCity() throws {
        let dir = TempDirectory("summary-jbgs")
        var changes: [[String: String]] = []
        for rank in 1...3 { changes.append(["推荐单位": "济南市大数据局", "隶属关系": "市属及以下", "推荐排序": "\(rank)"]) }
        for rank in 1...3 { changes.append(["推荐单位": "省大数据局（直接报送）", "隶属关系": "省属", "推荐排序": "\(rank)"]) }
        for i in changes.indices {
            changes[i]["榜单方向"] = "数据流通交易"
            changes[i]["揭榜单位名称"] = "山东第\(i + 1)数据科技有限公司"
        }
        let paths = try Self.copies("sd-jbgs-2025", changes, in: dir)
        #expect(try Self.errors("sd-jbgs-2025", paths) == [
            "\(try SubmissionFactory.location(of: "推荐单位", in: paths[2])): error: 每个榜单方向每市推荐数量不超过2个：推荐单位「济南市大数据局」、榜单方向「数据流通交易」共3项，超出1项（\(paths[0])、\(paths[1])、\(paths[2])）",
        ])
        // The same 揭榜单位 twice is refused (one application per unit).
        try SubmissionFactory.edit(paths[4], "山东第5数据科技有限公司", to: "山东第4数据科技有限公司")
        let lines = try Self.errors("sd-jbgs-2025", Array(paths[3...5]))
        #expect(lines == [3, 4].map { i in
            "\((try? SubmissionFactory.location(of: "揭榜单位名称", in: paths[i])) ?? ""): error: 揭榜单位名称: 「山东第4数据科技有限公司」出现2次：\(paths[3])、\(paths[4])"
        })
    }
}
