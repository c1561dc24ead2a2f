import Foundation
import ShenbaoCore
import ShenbaoData

/// Times the parse stage: reading the sd-lab-2022 sample (YAML and JSON), validating it, reading
/// and validating a large synthetic application (a 5,000-row team table), and refusing hostile
/// input (an alias bomb, deep nesting, a GBK file). Reports the median of several runs.
func runDataBenchmark() {
    print("data benchmark: parse and validate")
    do {
        let root = FileManager.default.currentDirectoryPath
        let spec = try FormSpec.load(path: root + "/templates/sd-lab-2022/form.yaml")
        for name in ["申报数据.yaml", "申报数据.json"] {
            let path = root + "/samples/sd-lab-2022/" + name
            let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
            let parse = try median(runs: 50) { _ = try DataFile.parse(bytes, path: path) }
            let data = try DataFile.parse(bytes, path: path)
            let validate = median(runs: 50) { _ = spec.validate(data, dataPath: path) }
            print(String(format: "  sample %@ (%d KB): parse %.3f ms, validate %.3f ms", name, bytes.count / 1024, parse, validate))
        }
        for format in [DataFormat.yaml, .json] {
            let bytes = Array(DataBenchmarkInput.largeTeam(rows: 5_000, format: format).utf8)
            let path = "large." + format.rawValue
            let parse = try median(runs: 7) { _ = try DataFile.parse(bytes, path: path, format: format) }
            let data = try DataFile.parse(bytes, path: path, format: format)
            let validate = median(runs: 7) { _ = spec.validate(data, dataPath: path) }
            print(String(format: "  5,000-row team, %@ (%d KB): parse %.1f ms, validate %.1f ms", format.rawValue, bytes.count / 1024, parse, validate))
        }
        let hostile: [(String, [UInt8], DataFormat)] = [
            ("alias bomb (10^10 values)", Array(DataBenchmarkInput.aliasBomb().utf8), .yaml),
            ("YAML nested 100,000 deep", Array(("a: " + String(repeating: "[", count: 100_000)).utf8), .yaml),
            ("JSON nested 100,000 deep", Array(String(repeating: "[", count: 100_000).utf8), .json),
            ("5 MB GBK file", DataBenchmarkInput.gbk(bytes: 5 << 20), .yaml),
            ("YAML with 1,000,000 keys", DataBenchmarkInput.manyKeys(1_000_000), .yaml),
        ]
        for (name, bytes, format) in hostile {
            let refuse = try median(runs: 5) {
                do { _ = try DataFile.parse(bytes, path: "x", format: format) } catch is DiagnosticsError { return }
                print("  \(name) was not refused")
            }
            print(String(format: "  refuse %@: %.1f ms", name, refuse))
        }
        // Issue bound: a 1,000,000-key YAML refused or read within 2 s and 300 MB.
        var usage = rusage()
        #if os(Linux)
        getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
        #else
        getrusage(RUSAGE_SELF, &usage)
        #endif
        let peakMB = Double(usage.ru_maxrss) / 1024
        print(String(format: "  peak resident memory so far: %.0f MB (%@ 300 MB)", peakMB, peakMB <= 300 ? "within" : "OVER"))
    } catch {
        print("data benchmark failed (run from the repository root): \(error)")
    }
}

/// The median time of `runs` calls of `body`, in milliseconds.
private func median(runs: Int, _ body: () throws -> Void) rethrows -> Double {
    var times: [Double] = []
    for _ in 0..<runs {
        let start = DispatchTime.now()
        try body()
        times.append(Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e6)
    }
    return times.sorted()[runs / 2]
}

/// Synthetic inputs for the data benchmark.
enum DataBenchmarkInput {
    /// A valid sd-lab-2022 application whose team has `rows` members.
    static func largeTeam(rows: Int, format: DataFormat) -> String {
        var fields: [(String, String)] = [
            ("form", "sd-lab-2022"), ("申报日期", "2022-12-08"), ("主申报单位名称", "山东海岱大学数据科学与工程学院"),
            ("主申报单位性质", "高校"), ("申报方向", "数据开放应用创新"), ("单位地址", "山东省济南市历城区海岱路88号"),
            ("单位简介", String(repeating: "学院长期从事数据开放应用研究。", count: 60)),
            ("建设目的和必要性", "必要。"), ("分阶段目标", "三个阶段。"), ("预期成果", "报告。"), ("社会和经济效益", "显著。"),
            ("保障基础", "完善。"), ("推荐单位", "济南市大数据局"),
        ]
        let member = { (i: Int) in [("姓名", "成员\(i)"), ("性别", i % 2 == 0 ? "男" : "女"), ("年龄", "\(25 + i % 40)"), ("职称", "副教授"), ("分工", "数据治理与分析"), ("参与起止日期", "2023.01-2025.12")] }
        let intro = ["重点研究领域", "聚焦解决问题", "使用数据情况", "主要成果内容"].map { ($0, "内容。") }
        let contact = [("姓名", "王晓岚"), ("电话", "0531-88661234"), ("邮箱", "wangxl@haidai.edu.cn")]
        if format == .json {
            func object(_ pairs: [(String, String)]) -> String { "{" + pairs.map { "\"\($0.0)\": \"\($0.1)\"" }.joined(separator: ", ") + "}" }
            fields.append(("联系人", object(contact)))
            fields.append(("实验室总体简介", object(intro)))
            fields.append(("人员", "[\n" + (0..<rows).map { "  " + object(member($0)) }.joined(separator: ",\n") + "\n]"))
            return "{\n" + fields.map { k, v in "  \"\(k)\": " + (v.hasPrefix("{") || v.hasPrefix("[") ? v : "\"\(v)\"") }.joined(separator: ",\n") + "\n}\n"
        }
        var text = fields.map { "\($0.0): \($0.1)\n" }.joined()
        text += "联系人:\n" + contact.map { "  \($0.0): \($0.1)\n" }.joined()
        text += "实验室总体简介:\n" + intro.map { "  \($0.0): \($0.1)\n" }.joined()
        text += "人员:\n" + (0..<rows).map { "  - { " + member($0).map { "\($0.0): \($0.1)" }.joined(separator: ", ") + " }\n" }.joined()
        return text
    }

    /// Ten anchors each aliasing the previous one ten times.
    static func aliasBomb() -> String {
        var text = "a0: &a0 [哈, 哈, 哈, 哈, 哈, 哈, 哈, 哈, 哈, 哈]\n"
        for i in 1...9 { text += "a\(i): &a\(i) [" + Array(repeating: "*a\(i - 1)", count: 10).joined(separator: ", ") + "]\n" }
        return text
    }

    /// `count` distinct keys, one a line (`f423f: 0`): 8.9 MB for a million, under the size limit.
    static func manyKeys(_ count: Int) -> [UInt8] {
        var out: [UInt8] = Array("form: sd-lab-2022\n".utf8)
        out.reserveCapacity(count * 9)
        for i in 0..<count { out += Array("\(String(i, radix: 16)): 0\n".utf8) }
        return out
    }

    /// `单位: 海岱大学` lines in GBK up to about `bytes`.
    static func gbk(bytes: Int) -> [UInt8] {
        let line: [UInt8] = [0xB5, 0xA5, 0xCE, 0xBB, 0x3A, 0x20, 0xBA, 0xA3, 0xE1, 0xB7, 0xB4, 0xF3, 0xD1, 0xA7, 0x0A]
        var out: [UInt8] = Array("form: sd-lab-2022\n".utf8)
        while out.count < bytes { out += line }
        return out
    }
}
