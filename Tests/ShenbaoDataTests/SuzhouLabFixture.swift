/// A test form like 苏州市大数据创新应用实验室申报表 (seed 004): a team of at least 15 with at
/// least 3 副高 titles or master's degrees and above, at most 3 joint applicants.
enum SuzhouLabFixture {
    static let spec = """
        id: sz-lab-test
        title: 苏州市大数据创新应用实验室申报表（测试）
        fields:
          - { key: 申报单位, type: text, required: true }
          - key: 联合申报单位
            type: table
            max_rows: 3
            columns:
              - { key: 名称, type: text, required: true }
          - key: 团队成员
            label: 研究团队
            type: table
            required: true
            columns:
              - { key: 姓名, type: text, required: true }
              - { key: 职称, type: choice, options: [正高级, 副高级, 中级, 初级, 无] }
              - { key: 学历, type: choice, options: [博士研究生, 硕士研究生, 本科, 专科] }
              - { key: 年龄, type: integer, min: 18, max: 80 }
        rules:
          - table: 团队成员
            min: 15
            message: 团队不少于15人
          - table: 团队成员
            where:
              any:
                - { column: 职称, in: [正高级, 副高级] }
                - { column: 学历, in: [硕士研究生, 博士研究生] }
            min: 3
            message: 其中具有副高职称或硕士学位及以上的不少于3人
          - table: 团队成员
            where: { all: [ { column: 年龄, max: 35 }, { not: { column: 职称, equals: 无 } } ] }
            max: 10
            message: 35岁以下有职称的成员不超过10人

        """

    /// Data with `members` team rows, the first `senior` of them 副高级 with a master's degree,
    /// the rest 中级 with a bachelor's, and `joint` joint applicants.
    static func data(members: Int, senior: Int, joint: Int = 1) -> String {
        var text = "form: sz-lab-test\n申报单位: 苏州某某数据科技有限公司\n联合申报单位:\n"
        for i in 0..<joint { text += "  - 名称: 联合单位\(i + 1)\n" }
        text += "团队成员:\n"
        for i in 0..<members {
            let (title, degree) = i < senior ? ("副高级", "硕士研究生") : ("中级", "本科")
            text += "  - { 姓名: 成员\(i + 1), 职称: \(title), 学历: \(degree), 年龄: \(40 + i % 10) }\n"
        }
        return text
    }
}
