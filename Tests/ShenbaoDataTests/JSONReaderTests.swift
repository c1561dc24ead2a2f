import Foundation
import ShenbaoCore
import Testing

@testable import ShenbaoData

@Suite struct JSONReaderTests {
    @Test func valuesKeepTextNumbersAndPlaces() throws {
        let files = try TestFiles()
        let path = try files.write("d.json", """
            {
              "form": "sd-lab-2022",
              "电话": "0531-51785094",
              "年龄": 52, "金额": 2.50e3,
              "是": true, "空": null,
              "人员": [ { "姓名": "张\\u4e09\\n", "x": "\\ud83d\\ude00" } ]
            }
            """)
        let data = try DataFile.load(path)
        #expect(DataFile.formID(of: data) == "sd-lab-2022")
        #expect(data["电话"] == .string("0531-51785094"))
        #expect(data["年龄"]?.kind == .number("52"))
        #expect(data["金额"]?.kind == .number("2.50e3"))
        #expect(data["是"]?.kind == .bool(true))
        #expect(data["空"]?.isNull == true)
        let row = data["人员"]?.list?.first
        #expect(row?["姓名"] == .string("张三\n"))
        #expect(row?["x"] == .string("😀"))
        #expect(data["年龄"]?.location == SourceLocation(file: path, line: 4, column: 9))
        #expect(data.map?.entry("金额")?.keyLocation == SourceLocation(file: path, line: 4, column: 13))
        #expect(row?.location == SourceLocation(file: path, line: 6, column: 11))
        #expect(row?["x"]?.location == SourceLocation(file: path, line: 6, column: 37))
    }

    @Test func sameDataInYAMLAndJSONHasTheSameDigest() throws {
        let sample = repositoryRoot + "/samples/sd-lab-2022/申报数据"
        let yaml = try DataFile.load(sample + ".yaml")
        let json = try DataFile.load(sample + ".json")
        #expect(yaml == json)
        #expect(yaml.digest == json.digest)
    }

    @Test(arguments: [
        ("{\"a\": 1,}", "1:9: error: JSON 语法错误：} 前面多了一个逗号"),
        ("[1, 2,]", "1:7: error: JSON 语法错误：] 前面多了一个逗号"),
        ("{\"a\": 1 \"b\": 2}", "1:9: error: JSON 语法错误：这里不应出现「\"」，应为逗号 , 或 }"),
        ("{\n  // 注释\n}", "2:3: error: JSON 语法错误：JSON 不允许注释"),
        ("{'a': 1}", "1:2: error: JSON 语法错误：字符串要用英文双引号 \"，不能用单引号"),
        ("{\"a\": “文字”}", "1:7: error: JSON 语法错误：用了中文引号“”，JSON 的字符串要用英文双引号 \""),
        ("{\"a\"：1}", "1:5: error: JSON 语法错误：用了中文标点，JSON 的逗号和冒号要用英文 , 和 :"),
        ("{\"电话\": 0531}", "1:9: error: JSON 语法错误：数字不能以 0 开头；电话、编号等请写成字符串（加双引号）"),
        ("{\"a\": \"x", "1:9: error: JSON 语法错误：字符串没有闭合（缺少结尾的 \"）"),
        ("{\"a\": 1} x", "1:10: error: JSON 语法错误：数据结束后还有多余的内容"),
        ("{\"a\": tru}", "1:10: error: JSON 语法错误：这里不应出现「}」，应为 true"),
        ("", "1:1: error: JSON 语法错误：文件意外结束，应为一个值（字符串、数字、true、false、null、[ 或 {）"),
    ])
    func malformedJSONSaysWhereAndWhy(text: String, expected: String) throws {
        let files = try TestFiles()
        let path = try files.write("bad.json", text)
        #expect(diagnosticLines { try DataFile.load(path) } == ["\(path):\(expected)"])
    }

    @Test func duplicateKeysAreAllReported() throws {
        let files = try TestFiles()
        let path = try files.write("dup.json", "{\"a\": 1,\n \"b\": {\"c\": 1, \"c\": 2},\n \"a\": 3}")
        #expect(diagnosticLines { try DataFile.load(path) } == [
            "\(path):2:16: error: c: 键重复，第一次出现在第 2 行第 8 列",
            "\(path):3:2: error: a: 键重复，第一次出现在第 1 行第 2 列",
        ])
        let (value, _) = try DataFile.loadKeepingDuplicates(path)
        #expect(value["a"]?.kind == .number("1"))
    }

    @Test func deepNestingIsRefused() throws {
        let files = try TestFiles()
        let path = try files.write("deep.json", String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000))
        #expect(diagnosticLines { try DataFile.load(path) } == ["\(path):1:65: error: 列表和映射嵌套超过 64 层，拒绝读取"])
    }
}
