import Foundation
import ShenbaoCore
import ShenbaoSummary

/// Times `shenbao summary`'s stages on a province-sized inbox: N data files from 16 cities,
/// read, checked (quotas, rankings, duplicates) and written as CSV, XLSX and DOCX.
func runSummaryBenchmark() {
    print("summary benchmark: 揭榜挂帅-shaped submissions, 16 recommenders, one quota per [推荐单位, 榜单方向]")
    let dir = NSTemporaryDirectory() + "shenbao-summary-bench-\(ProcessInfo.processInfo.processIdentifier)"
    defer { try? FileManager.default.removeItem(atPath: dir) }
    do {
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let spec = try SummarySpec.parse("""
            id: bench
            title: 揭榜挂帅申报书
            fields:
              - {key: 申请资金, type: amount}
              - {key: 推荐单位}
              - {key: 推荐排序, type: integer}
              - {key: 榜单方向}
              - {key: 任务名称}
              - {key: 揭榜单位名称}
              - {key: 联系人, type: group, fields: [{key: 姓名}, {key: 电话}]}
            summary:
              unit: 揭榜单位名称
              quotas:
                - {per: [推荐单位, 榜单方向], max: 1000, message: 每个榜单方向每市推荐数量不超过限额}
              columns: [榜单方向, 任务名称, 揭榜单位名称, 联系人.姓名, 联系人.电话, 申请资金]
            """, path: "bench/form.yaml")
        for count in [300, 3_000] {
            var paths: [String] = []
            let perCity = count / 16
            for i in 0..<count {
                let path = "\(dir)/s\(count)-\(i).yaml"
                let text = """
                    form: bench
                    揭榜单位名称: 第\(i)数据科技有限公司
                    任务名称: 公共数据资源授权运营收益分配与定价机制实践第\(i)号
                    榜单方向: 方向\(i % 8)
                    推荐单位: 第\(i / perCity)市大数据局
                    推荐排序: \(i % perCity + 1)
                    联系人: {姓名: 王明, 电话: "139\(String(format: "%08d", i))"}
                    申请资金: \(100 + i).5

                    """
                try Data(text.utf8).write(to: URL(fileURLWithPath: path))
                paths.append(path)
            }
            let t0 = DispatchTime.now()
            let (submissions, problems) = Submission.readAll(paths)
            let t1 = DispatchTime.now()
            let (table, _) = try SummaryBuilder.build(spec: spec, submissions: submissions, readProblems: problems)
            let t2 = DispatchTime.now()
            var written: [String] = []
            for format in [SummaryFormat.csv, .xlsx, .docx] {
                let start = DispatchTime.now()
                let bytes = try format.bytes(table)
                written.append(String(format: "%@ %.1f ms (%d KB)", format.rawValue, ms(start, DispatchTime.now()), bytes.count / 1024))
            }
            print(String(format: "  %5d submissions: read %.1f ms, check+order %.1f ms; write %@",
                         count, ms(t0, t1), ms(t1, t2), written.joined(separator: ", ")))
        }
    } catch {
        print("summary benchmark failed: \(error)")
    }
}

private func ms(_ a: DispatchTime, _ b: DispatchTime) -> Double { Double(b.uptimeNanoseconds - a.uptimeNanoseconds) / 1e6 }
