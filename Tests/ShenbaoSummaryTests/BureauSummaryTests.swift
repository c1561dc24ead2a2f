import Foundation
import ShenbaoCore
import ShenbaoOOXML
import ShenbaoTestSupport
import Testing

/// The bureau's side through the command a bureau runs, on the shipped form packages and inboxes
/// made from their samples: ranking at summary time, 原则上 quotas warned with the sheet written,
/// hard quotas refused, the 填表人 line, and the XLSX read back.
@Suite("bureau summary", .enabled(if: RequiredTools.present(.shenbao)))
struct BureauSummaryTests {
    static let templates = Checkout.path("templates")

    /// Three sz-lab applications recommended by one county bureau, without 推荐排序 of their own.
    static func suzhouInbox(_ dir: TempDirectory) throws -> [String] {
        let changes: [[String: String]] = (1...3).map { i in
            ["实验室名称": "苏州第\(i)大数据创新应用实验室", "申报单位名称": "苏州第\(i)数据科技有限公司", "联合申报单位": "", "推荐排序": ""]
        }
        return try #require(try RealFormQuotaTests.copies("sz-lab", changes, in: dir))
    }

    @Test func theRankingFileOrdersTheSheet() throws {
        let dir = TempDirectory("bureau-ranking")
        let inbox = try Self.suzhouInbox(dir)
        // By file name, by file name without .yaml, by the lab's name; the first line is 1.
        let ranking = try dir.write("排序.txt", "# 姑苏区推荐顺序\nsz-lab-03.yaml\n\n苏州第1大数据创新应用实验室\nsz-lab-02\n")
        let out = "\(dir.path)/汇总.xlsx"
        let result = try ShenbaoCommand.run(["summary", "--form", "sz-lab", "--templates", Self.templates, "--ranking", ranking,
                                             "--filled-by", "沈佳怡", "--phone", "0512-65283716", "--date", "2023年7月8日"]
                                            + inbox + ["-o", out])
        #expect(result.status == 0, "\(result.errorText)")
        let book = try XLSXReader(path: out)
        #expect(book.texts[0] == ["苏州市大数据创新应用实验室推荐汇总表"])
        #expect(book.texts[1] == ["推荐单位（盖章）：苏州市姑苏区大数据管理局"])
        let header = book.tableTexts[0]
        let rank = try #require(header.firstIndex(of: "推荐排序"))
        let lab = try #require(header.firstIndex(of: "实验室名称"))
        #expect(book.tableTexts.dropFirst().map { [$0[0], $0[rank], $0[lab]] } == [
            ["1", "1", "苏州第3大数据创新应用实验室"], ["2", "2", "苏州第1大数据创新应用实验室"], ["3", "3", "苏州第2大数据创新应用实验室"],
        ])
        #expect(book.texts.last == ["填表人：沈佳怡　　联系电话：0512-65283716　　填报日期：2023年7月8日"])
        // Without the ranking file the submissions have no 推荐排序: refused, nothing written.
        let unranked = "\(dir.path)/未排序.xlsx"
        let refused = try ShenbaoCommand.run(["summary", "--form", "sz-lab", "--templates", Self.templates] + inbox + ["-o", unranked])
        #expect(refused.status == 1)
        #expect(refused.errorText.contains("推荐排序: 未填写，无法排序"))
        #expect(!FileManager.default.fileExists(atPath: unranked))
    }

    @Test func aRankingLineThatNamesNothingAndALeftOutSubmissionAreErrors() throws {
        let dir = TempDirectory("bureau-ranking-bad")
        let inbox = try Self.suzhouInbox(dir)
        let ranking = try dir.write("排序.txt", "sz-lab-01.yaml\n苏州第9大数据创新应用实验室\nsz-lab-01\n")
        let out = "\(dir.path)/汇总.xlsx"
        let result = try ShenbaoCommand.run(["summary", "--form", "sz-lab", "--templates", Self.templates, "--ranking", ranking]
                                            + inbox + ["-o", out])
        #expect(result.status == 1)
        let lines = result.errorText.split(separator: "\n").map(String.init)
        #expect(lines.contains("\(ranking):2:1: error: 「苏州第9大数据创新应用实验室」不是任何一份申报材料的文件名或单位名称"))
        #expect(lines.contains("\(ranking):3:1: error: \(inbox[0]) 已在第1行排过序"))
        #expect(lines.contains("\(inbox[1]): error: 未列入排序文件 \(ranking)，无法排序"))
        #expect(!FileManager.default.fileExists(atPath: out))
    }

    /// 每市推荐原则上不超过2个: a city bureau with a justified third still gets its sheet, exit 0,
    /// the warning printed and the row noted in 备注.
    @Test func aSoftQuotaIsWarnedAndTheSheetWritten() throws {
        let dir = TempDirectory("bureau-soft")
        let changes: [[String: String]] = (1...3).map { i in
            ["推荐单位": "济南市大数据局", "推荐排序": "\(i)", "主申报单位名称": "山东第\(i)大学数据学院"]
        }
        let inbox = try #require(try RealFormQuotaTests.copies("sd-lab-2022", changes, in: dir))
        let out = "\(dir.path)/汇总.xlsx"
        let result = try ShenbaoCommand.run(["summary", "--form", "sd-lab-2022", "--templates", Self.templates] + inbox + ["-o", out])
        #expect(result.status == 0, "\(result.errorText)")
        let at = try SubmissionFactory.location(of: "推荐单位", in: inbox[2])
        #expect(result.errorText.contains(
            "\(at): warning: 每市推荐原则上不超过2个：推荐单位「济南市大数据局」共3项，超出1项（\(inbox.joined(separator: "、"))）"))
        let book = try XLSXReader(path: out)
        #expect(book.tableTexts[0].last == "备注")
        #expect(book.tableTexts.dropFirst().map { $0.last } == ["", "", "超出：每市推荐原则上不超过2个"])
    }

    /// 每个榜单方向每市推荐数量不超过2个 is a hard cap: refused, nothing written.
    @Test func aHardQuotaIsRefused() throws {
        let dir = TempDirectory("bureau-hard")
        let changes: [[String: String]] = (1...3).map { i in
            ["推荐单位": "济南市大数据局", "隶属关系": "市属及以下", "推荐排序": "\(i)", "榜单方向": "数据流通交易",
             "揭榜单位名称": "山东第\(i)数据科技有限公司"]
        }
        let inbox = try #require(try RealFormQuotaTests.copies("sd-jbgs-2025", changes, in: dir))
        let out = "\(dir.path)/汇总.docx"
        let result = try ShenbaoCommand.run(["summary", "--form", "sd-jbgs-2025", "--templates", Self.templates] + inbox + ["-o", out])
        #expect(result.status == 1)
        #expect(result.errorText.contains("error: 每个榜单方向每市推荐数量不超过2个：推荐单位「济南市大数据局」、榜单方向「数据流通交易」共3项，超出1项"))
        #expect(!FileManager.default.fileExists(atPath: out))
    }
}
