import Foundation
import ShenbaoCore
import Testing

@testable import ShenbaoData

@Suite struct RuleTests {
    func validate(_ data: String) throws -> (path: String, lines: [String]) {
        let files = try TestFiles()
        let path = try files.write("d.yaml", data)
        let spec = try FormSpec.parse(Array(SuzhouLabFixture.spec.utf8), path: "form.yaml")
        return (path, validationLines(path, spec: spec))
    }

    @Test func teamThatMeetsBothRulesPasses() throws {
        #expect(try validate(SuzhouLabFixture.data(members: 15, senior: 3)).lines == [])
    }

    @Test func tooSmallTeamAndTooFewSeniorsAreBothReportedAtTheTable() throws {
        let (path, lines) = try validate(SuzhouLabFixture.data(members: 12, senior: 2))
        #expect(lines == [
            "\(path):6:3: error: 研究团队: 其中具有副高职称或硕士学位及以上的不少于3人（符合条件的现有 2 行）",
            "\(path):6:3: error: 研究团队: 团队不少于15人（现有 12 行）",
        ])
    }

    @Test func anyConditionCountsEitherTitleOrDegree() throws {
        // Two 副高 with a bachelor's degree and one 中级 with a doctorate make three.
        var text = SuzhouLabFixture.data(members: 15, senior: 0)
        text = text.replacingOccurrences(of: "成员1, 职称: 中级, 学历: 本科", with: "成员1, 职称: 副高级, 学历: 本科")
        text = text.replacingOccurrences(of: "成员2, 职称: 中级, 学历: 本科", with: "成员2, 职称: 正高级, 学历: 本科")
        #expect(try validate(text).lines.count == 1)
        text = text.replacingOccurrences(of: "成员3, 职称: 中级, 学历: 本科", with: "成员3, 职称: 中级, 学历: 博士研究生")
        #expect(try validate(text).lines == [])
    }

    @Test func maximumRulesAndMaxRows() throws {
        var text = SuzhouLabFixture.data(members: 15, senior: 3, joint: 4)
        for i in 0..<11 { text = text.replacingOccurrences(of: "年龄: \(40 + i % 10) }", with: "年龄: 30 }") }
        let (path, lines) = try validate(text)
        #expect(lines == [
            "\(path):4:3: error: 联合申报单位: 最多 3 行，现有 4 行",
            "\(path):9:3: error: 研究团队: 35岁以下有职称的成员不超过10人（符合条件的现有 15 行）",
        ])
    }
}
