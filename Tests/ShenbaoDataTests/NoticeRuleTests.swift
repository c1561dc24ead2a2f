import Foundation
import ShenbaoCore
import Testing

@testable import ShenbaoData

/// The rules the notices set (seeds 000-004), on the shipped samples with one thing changed each:
/// the message printed quotes the notice, at the field it is about.
@Suite("notice rules on real data")
struct NoticeRuleTests {
    /// The errors of `samples/<form>/申报数据.yaml` after replacing each `from` with `to` (each must
    /// occur once), as `line: label: message` (the file's path left out).
    func errors(_ form: String, _ edits: [(String, String)]) throws -> [String] {
        let files = try TestFiles()
        let sample = "\(repositoryRoot)/samples/\(form)"
        var text = try String(contentsOfFile: "\(sample)/申报数据.yaml", encoding: .utf8)
        for (from, to) in edits {
            #expect(text.components(separatedBy: from).count == 2, "「\(from)」 should occur once in the \(form) sample")
            text = text.replacingOccurrences(of: from, with: to)
        }
        for png in ["公章.png", "推荐单位公章.png"] {
            try FileManager.default.copyItem(atPath: "\(sample)/\(png)", toPath: "\(files.directory)/\(png)")
        }
        let path = try files.write("申报数据.yaml", text)
        let spec = try FormSpec.load(formID: form, templatesDirectory: "\(repositoryRoot)/templates")
        let (data, _) = try DataFile.loadWithFormID(path)
        return spec.validate(data, dataPath: path).errors.map { d in
            "\(d.location?.line ?? 0): \(d.label ?? ""): \(d.message)"
        }
    }

    @Test func samplesPassUnchanged() throws {
        for form in ["sd-lab-2022", "sd-jbgs-2025", "sd-platform", "sz-lab", "sd-award-scenario"] {
            #expect(try errors(form, []) == [], "\(form)")
        }
    }

    // MARK: sz-lab (seed 004)

    @Test(arguments: [
        "江苏省昆山市玉山镇前进西路1801号", "昆山市花桥经济开发区商务大道99号", "江苏省张家港市杨舍镇人民中路18号",
        "常熟市虞山街道海虞北路52号", "太仓市城厢镇县府街1号", "苏州工业园区星湖街328号", "江苏省苏州市吴江区中山南路1979号",
    ])
    func suzhouAddressesIncludeTheCountyLevelCities(address: String) throws {
        #expect(try errors("sz-lab", [("江苏省苏州市姑苏区人民路3118号国发大厦北楼1506室", address)]) == [])
    }

    @Test func anAddressOutsideSuzhouIsRefused() throws {
        #expect(try errors("sz-lab", [("江苏省苏州市姑苏区人民路3118号国发大厦北楼1506室", "江苏省无锡市梁溪区解放南路1号")]) == [
            "9: 注册地址: 注册地和主要办公场所设在苏州市辖区内（含张家港市、常熟市、太仓市、昆山市及各区），地址应以苏州市或县级市名开头"
        ])
    }

    @Test func jointApplicationWithoutJointUnits() throws {
        let lines = try errors("sz-lab", [
            ("  - { 单位名称: 苏州大学计算机科学与技术学院, 单位性质: 高校, 承担任务: 多源时空数据融合与三维重建算法研究 }\n", ""),
            ("  - { 单位名称: 苏州市测绘院有限公司, 单位性质: 企业, 承担任务: 古城基础测绘数据与实景三维数据生产 }\n", ""),
            ("联合申报单位:\n", ""),
        ])
        #expect(lines == ["19: 联合申报单位: 申报方式为联合申报的，应填写联合申报单位（与具有较强大数据应用研究能力的各类高水平单位联合申报）（现有 0 行）"])
    }

    @Test func singleApplicationWithJointUnits() throws {
        #expect(try errors("sz-lab", [("申报方式: 联合申报", "申报方式: 单独申报")]) == [
            "22: 联合申报单位: 申报方式为单独申报的，不填联合申报单位（现有 2 行）"
        ])
    }

    @Test func aCountyRecommenderIsNamedFromTheList() throws {
        #expect(try errors("sz-lab", [("推荐单位: 苏州市姑苏区大数据管理局", "推荐单位: 姑苏区大数据局")]) == [
            "63: 推荐单位: 申报材料提交至申报主体注册地所属县级市（区）的大数据主管部门：推荐单位应为县级市（区）大数据管理局全称（如 昆山市大数据管理局）"
        ])
    }

    // MARK: sd-jbgs-2025 (seed 001)

    @Test func eachTaskTypeNeedsItsOutput() throws {
        let noScene = [
            ("  - { 成果名称: 基于公共数据的普惠金融授信应用场景, 成果形式: 应用场景, 完成时间: 2025年9月 }\n", ""),
            ("  - { 成果名称: 济南市公共数据授权运营收益分配实践案例, 成果形式: 实践案例, 完成时间: 2025年12月 }\n", ""),
        ]
        #expect(try errors("sd-jbgs-2025", noScene) == ["40: 预期成果: 应用实践类应至少打造一个应用场景或实践案例（符合条件的现有 0 行）"])
        #expect(try errors("sd-jbgs-2025", noScene + [("任务类型: 应用实践", "任务类型: 理论研究")]) == [])
        #expect(try errors("sd-jbgs-2025", [("任务类型: 应用实践", "任务类型: 技术创新")]) == [
            "40: 预期成果: 技术创新类应至少形成一个创新成果（符合条件的现有 0 行）"
        ])
        #expect(try errors("sd-jbgs-2025", [("任务类型: 应用实践", "任务类型: 理论研究"), ("成果形式: 研究报告", "成果形式: 标准规范")]) == [
            "40: 预期成果: 理论研究类应至少完成一个研究报告（符合条件的现有 0 行）"
        ])
    }

    @Test func aCityUnitCannotSkipItsCity() throws {
        #expect(try errors("sd-jbgs-2025", [("推荐单位: 济南市大数据局\n", "")]) == [
            "9: 推荐单位: 其他揭榜单位于2025年1月15日前将揭榜挂帅申报书报送至所在设区市大数据局（市属及以下单位应填写推荐单位）"
        ])
    }

    @Test func aProvincialUnitReportsDirectly() throws {
        #expect(try errors("sd-jbgs-2025", [("隶属关系: 市属及以下", "隶属关系: 省属")]) == [
            "58: 推荐单位: 中央驻鲁、省属企事业单位将揭榜挂帅申报书报送至省大数据局（推荐单位为省大数据局（直接报送），不经设区市推荐）"
        ])
        #expect(try errors("sd-jbgs-2025", [("隶属关系: 市属及以下", "隶属关系: 省属"), ("推荐单位: 济南市大数据局\n", "")]) == [])
    }

    @Test func aCitySpelledAnotherWayIsNotAChoice() throws {
        let lines = try errors("sd-jbgs-2025", [("推荐单位: 济南市大数据局", "推荐单位: 济南市大数据管理局")])
        #expect(lines.count == 1)
        #expect(lines.first?.hasPrefix("58: 推荐单位: 「济南市大数据管理局」不是可选项") == true)
    }

    // MARK: sd-platform (seed 003)

    @Test func theCategoryChoosesItsGroup() throws {
        #expect(try errors("sd-platform", [("平台类别: 产业创新中心", "平台类别: 实验室")]) == [
            "4: 大数据发展创新实验室专项情况: 平台类别为“实验室”的，应填写大数据发展创新实验室专项情况",
            "37: 大数据产业创新中心专项情况: 每份申报书只申报一类平台：平台类别为“实验室”的，不填其他类别的专项情况",
        ])
    }

    // MARK: sd-lab-2022 (seed 000)

    @Test func noJointUnitMeansNoNatureTicked() throws {
        #expect(try errors("sd-lab-2022", [("联合申报单位名称: 山东省智慧交通研究院", "联合申报单位名称: 无")]) == [
            "12: 联合申报单位性质: 联合申报单位名称填“无”（没有联合申报单位）时，联合申报单位性质不应勾选"
        ])
        #expect(try errors("sd-lab-2022", [("联合申报单位性质: 科研院所\n", "")]) == [
            "11: 联合申报单位性质: 有联合申报单位的，应勾选联合申报单位性质（如没有联合申报单位，名称填“无”）"
        ])
        #expect(try errors("sd-lab-2022", [("联合申报单位名称: 山东省智慧交通研究院", "联合申报单位名称: 无"), ("联合申报单位性质: 科研院所\n", "")]) == [])
    }

    @Test func aUniversityAppliesAsASchool() throws {
        #expect(try errors("sd-lab-2022", [("主申报单位名称: 山东海岱大学数据科学与工程学院", "主申报单位名称: 山东海岱大学")]) == [
            "9: 主申报单位名称: 高校须以相关专业二级学院名义申报（主申报单位名称应写到二级学院，如 山东某某大学数据科学与工程学院）"
        ])
    }

    @Test func aCityBureauIsSpelledAsInAnnex3() throws {
        #expect(try errors("sd-lab-2022", [("推荐单位: 济南市大数据局", "推荐单位: 济南大数据局")]) == [
            "78: 推荐单位: 市大数据局推荐的，推荐单位应按通知附件3填写全称（如 济南市大数据局）"
        ])
        #expect(try errors("sd-lab-2022", [("推荐单位: 济南市大数据局", "推荐单位: 山东省教育厅")]) == [])
    }

    // MARK: sd-award-* (seed 002)

    @Test func anAwardCityRecommenderIsOneOfTheSixteen() throws {
        #expect(try errors("sd-award-scenario", [("推荐单位: 威海市大数据局", "推荐单位: 威海大数据局")]) == [
            "36: 推荐单位: 各设区市大数据局推荐的，推荐单位应填写设区市大数据局全称（如 济南市大数据局）"
        ])
    }
}

/// Mistakes in `when`/`require` rules are reported with the rest of the spec's, at their place.
@Suite struct RuleSpecMistakesTests {
    @Test func badRulesAreReportedAtTheirPlace() throws {
        let text = """
            id: t
            fields:
              - { key: 类别, type: choice, options: [甲, 乙] }
              - { key: 名称 }
              - { key: 成员, type: table, columns: [{ key: 姓名 }] }
            rules:
              - when: { key: 类别, equals: 丙 }
                require: { key: 名称, filled: true }
                message: 丙类需填名称
              - require: { column: 名称, filled: true }
                message: 用错了 column
              - when: { key: 类别, equals: 甲 }
                table: 成员
                min: 1
                require: { key: 名称, filled: true }
                message: 两种都写
              - require: { key: 名字, filled: true }
                message: 键写错
              - require: { key: 名称, filled: true }

            """
        let lines = diagnosticLines { try FormSpec.parse(Array(text.utf8), path: "form.yaml") }
        // `column:` and `key:` are one word in the condition language: line 10 is fine.
        #expect(lines == [
            "form.yaml:7:30: error: 「丙」不是「类别」的可选项，是否应为「甲」？",
            "form.yaml:15:14: error: 一条规则要么计数（table、where、min、max），要么用 require，不能两者都写",
            "form.yaml:17:21: error: 「名字」不是本表单的字段，是否应为「名称」？",
            "form.yaml:19:5: error: require 规则需要 message（通知原文的要求）",
        ])
    }
}
