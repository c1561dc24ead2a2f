import Foundation
import ShenbaoCore
import Testing

@testable import ShenbaoData

/// YAML typed with a Chinese input method: each mistake reported at its own line and column,
/// with the fix, in Chinese.
@Suite struct ChinesePunctuationTests {
    func lines(_ text: String) throws -> (path: String, diagnostics: [String]) {
        let files = try TestFiles()
        let path = try files.write("d.yaml", text)
        return (path, diagnosticLines { try DataFile.load(path) })
    }

    @Test func aValueInChineseQuotesIsAnErrorThatSaysToUseASCIIQuotes() throws {
        let (path, found) = try lines("form: sd-lab-2022\n推荐单位: “济南市大数据局”\n单位: ‘海岱’\n")
        #expect(found == [
            "\(path):2:7: error: 推荐单位: 「“济南市大数据局”」两端是中文引号，引号会原样填进表格：请去掉引号，写成 济南市大数据局；确需引号时用英文引号 \"济南市大数据局\"",
            "\(path):3:5: error: 单位: 「‘海岱’」两端是中文引号，引号会原样填进表格：请去掉引号，写成 海岱；确需引号时用英文引号 \"海岱\"",
        ])
        // In ASCII quotes the Chinese ones are the text itself; quotes inside the text are words.
        let files = try TestFiles()
        let ok = try files.write("ok.yaml", "推荐单位: \"“济南市大数据局”\"\n名称: 关于“数据要素×”的报告\n")
        #expect(try DataFile.load(ok)["推荐单位"] == .string("“济南市大数据局”"))
        #expect(try DataFile.load(ok)["名称"] == .string("关于“数据要素×”的报告"))
    }

    @Test func aFullWidthColonAfterAKeyIsReportedAtThatKey() throws {
        // Top level: libyaml would complain on the next line.
        let (top, atTop) = try lines("form: sd-lab-2022\n单位地址: 济南\n联系人：王晓岚\n申报方向: 数据开放应用创新\n")
        #expect(atTop == ["\(top):3:1: error: 「联系人」后面是中文冒号「：」：键后应为英文冒号加空格，写成 联系人: 王晓岚"])
        // Inside a group, after another key and as its first key.
        let (group, inGroup) = try lines("联系人:\n  姓名: 王晓岚\n  电话：0531-88661234\n  邮箱: wangxl@haidai.edu.cn\n")
        #expect(inGroup == ["\(group):3:3: error: 「电话」后面是中文冒号「：」：键后应为英文冒号加空格，写成 电话: 0531-88661234"])
        let (first, asFirst) = try lines("联系人:\n  电话：0531-88661234\n  邮箱: wangxl@haidai.edu.cn\n")
        #expect(asFirst == ["\(first):2:3: error: 「电话」后面是中文冒号「：」：键后应为英文冒号加空格，写成 电话: 0531-88661234"])
        // A group holding only that line reads as text: still the key's mistake.
        let (only, alone) = try lines("联系人:\n  电话：0531-88661234\n")
        #expect(alone == ["\(only):2:3: error: 「电话」后面是中文冒号「：」：键后应为英文冒号加空格，写成 电话: 0531-88661234"])
        // In a list item and in a flow mapping.
        let (rows, inRows) = try lines("人员:\n  - 姓名：李振东\n  - { 姓名：陈雅琴, 性别: 女 }\n")
        #expect(inRows == [
            "\(rows):2:5: error: 「姓名」后面是中文冒号「：」：键后应为英文冒号加空格，写成 姓名: 李振东",
            "\(rows):3:7: error: 「姓名」后面是中文冒号「：」：键后应为英文冒号加空格，写成 姓名: 陈雅琴",
        ])
    }

    @Test func chineseSeparatorsInFlowListsAndMappings() throws {
        let (path, found) = try lines("方向: [医疗、教育，金融]\n人员:\n  - { 姓名: 李振东， 性别: 男 }\n")
        #expect(found == [
            "\(path):1:6: error: 「医疗、教育，金融」里的「、」或「，」不能分隔列表项：列表项之间要用英文逗号，写成 [医疗, 教育, 金融]",
            "\(path):3:14: error: 花括号或方括号里的各项要用英文逗号「,」隔开，这里是中文的「，」",
        ])
    }

    @Test func chinesePunctuationInsideTextIsLeftAlone() throws {
        let files = try TestFiles()
        let path = try files.write("ok.yaml", """
            使用数据情况: |
              政务数据：山东省企业登记基本信息
              社会数据：手机信令数据
            分工: 实验室主任，总体规划
            说明: 一是：数据、二是：模型
            人员:
              - { 姓名: 李振东, 分工: 实验室主任，总体规划 }
            方向: [数据治理, 数据安全]

            """)
        let data = try DataFile.load(path)
        #expect(data["使用数据情况"] == .string("政务数据：山东省企业登记基本信息\n社会数据：手机信令数据\n"))
        #expect(data["分工"] == .string("实验室主任，总体规划"))
        #expect(data["说明"] == .string("一是：数据、二是：模型"))
        #expect(data["人员"]?.list?.first?["分工"] == .string("实验室主任，总体规划"))
    }

    /// After a block of text, an unrelated syntax error is not blamed on the colons inside it.
    @Test func aSyntaxErrorAfterTextWithColonsKeepsItsOwnMessage() throws {
        let (path, found) = try lines("说明: |\n  政务数据：山东\n联系人:\n  姓名: 王\n 电话: 1\n")
        #expect(found == [
            "\(path):5:2: error: YAML 语法错误：缩进没有对齐，或上一行的文字需要加引号（while parsing a block mapping（第 1 行第 1 列）: did not find expected key）"
        ])
    }

    /// What `YAMLWriter` prints reads back: text that looks like Chinese punctuation mistakes is
    /// quoted when printed.
    @Test func printedDataWithSuchTextReadsBack() throws {
        var map = DataMap()
        map["推荐单位"] = .string("“济南市大数据局”")
        map["说明：备注"] = .string("电话：0531-88661234")
        map["方向"] = DataValue(.list([.string("医疗、教育")]))
        let value = DataValue(.map(map))
        let text = try YAMLWriter.render(value)
        let back = try DataFile.parse(Array(text.utf8), path: "printed.yaml")
        #expect(back == value, "\(text)")
        #expect(back.digest == value.digest)
    }
}
