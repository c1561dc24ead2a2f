import Foundation
import ShenbaoCore
import ShenbaoData

/// Generates a bureau's inbox from one sample: copies of the sample with varied units,
/// recommenders, rankings and directions, written as YAML data files.
enum SubmissionFactory {
    /// A 揭榜挂帅 application as an applicant writes it.
    static let jbgsSample = """
        form: jbgs-test
        揭榜单位名称: 山东示例数据科技有限公司
        榜单方向: 数据产权
        推荐单位: 济南市大数据局
        推荐排序: 1
        联系人:
          姓名: 王明
          电话: "13912345678"
        申请资金: 150.5

        """

    static let cities = ["青岛市大数据局", "济南市大数据局", "烟台市大数据局"]
    static let directions = ["数据产权", "公共数据授权运营", "数据流通交易", "数据收益分配", "数据要素安全治理"]

    /// One generated submission: its file and what was put in it.
    struct Generated {
        var path: String
        var city: String
        var rank: Int
        var unit: String
    }

    /// 30 submissions: 3 cities × ranks 1…10, two per direction per city (within quota), written
    /// in a shuffled file order so that file order is not recommendation order.
    static func jbgs(in dir: TempDirectory, count perCity: Int = 10) throws -> [Generated] {
        let sample = try DataFile.load(dir.write("sample.yaml", jbgsSample))
        var generated: [Generated] = []
        var n = 0
        for (c, city) in cities.enumerated() {
            for rank in 1...perCity {
                n += 1
                let unit = "\(city.prefix(2))第\(rank)数据科技有限公司"
                var data = sample
                data = setting(data, ["揭榜单位名称"], .string(unit))
                data = setting(data, ["推荐单位"], .string(city))
                data = setting(data, ["推荐排序"], DataValue(.number(String(rank))))
                data = setting(data, ["榜单方向"], .string(directions[(rank - 1) / 2 % directions.count]))
                data = setting(data, ["联系人", "电话"], .string("1391234\(String(format: "%04d", c * 100 + rank))"))
                data = setting(data, ["申请资金"], DataValue(.number("\(100 + rank * 10).5")))
                // File names run against the ranking: s30 is 青岛 1, s01 is 烟台 10.
                let name = String(format: "s%02d.yaml", cities.count * perCity + 1 - n)
                generated.append(Generated(path: try dir.write(name, YAMLEmitter.emit(data)), city: city, rank: rank, unit: unit))
            }
        }
        return generated
    }

    /// `value` with the value at `path` replaced (maps are created along the way).
    static func setting(_ value: DataValue, _ path: [String], _ new: DataValue) -> DataValue {
        guard let key = path.first else { return new }
        var map = value.map ?? DataMap()
        map[key] = setting(map[key] ?? DataValue(.map(DataMap())), Array(path.dropFirst()), new)
        return DataValue(.map(map), at: value.location)
    }

    /// Rewrites `key: old` to `key: new` in a generated file (first occurrence).
    static func edit(_ path: String, _ line: String, to replacement: String) throws {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        guard let range = text.range(of: line) else { throw CocoaError(.fileReadUnknown) }
        try text.replacingCharacters(in: range, with: replacement).write(toFile: path, atomically: true, encoding: .utf8)
    }

    /// `path:line:col` of `key`'s value in a generated file: where diagnostics must point.
    static func location(of key: String, in path: String) throws -> String {
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        for (i, line) in lines.enumerated() {
            let trimmed = line.drop { $0 == " " }
            if trimmed.hasPrefix("\(key): ") {
                let indent = line.count - trimmed.count
                return "\(path):\(i + 1):\(indent + key.count + 3)"
            }
        }
        return path
    }
}
