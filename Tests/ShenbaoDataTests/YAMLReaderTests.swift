import Foundation
import ShenbaoCore
import Testing

@testable import ShenbaoData

@Suite struct YAMLReaderTests {
    @Test func scalarsKeepTheTypedTextAndTheirPlace() throws {
        let files = try TestFiles()
        let path = try files.write("d.yaml", """
            form: sd-lab-2022
            电话: 0531-51785094
            日期: 2022-12-10
            金额: 250000
            单位: 无
            小数: 1.50
            是否: true
            空:
            引号: "true"
            人员:
              - 姓名: 张三
            """)
        let data = try DataFile.load(path)
        #expect(data["电话"] == .string("0531-51785094"))
        #expect(data["日期"] == .string("2022-12-10"))
        #expect(data["金额"]?.kind == .number("250000"))
        #expect(data["金额"]?.text == "250000")
        #expect(data["单位"] == .string("无"))
        #expect(data["小数"]?.kind == .number("1.50"))
        #expect(data["是否"]?.kind == .bool(true))
        #expect(data["空"]?.isNull == true)
        #expect(data["引号"] == .string("true"))
        #expect(DataFile.formID(of: data) == "sd-lab-2022")
        #expect(data["电话"]?.location == SourceLocation(file: path, line: 2, column: 5))
        #expect(data.map?.entry("金额")?.keyLocation == SourceLocation(file: path, line: 4, column: 1))
        let name = data.value(atPath: ["人员"])?.list?.first?["姓名"]
        #expect(name?.location == SourceLocation(file: path, line: 11, column: 9))
    }

    @Test func byteOrderMarkIsSkippedAndColumnsStayEditorColumns() throws {
        let files = try TestFiles()
        let path = try files.write("bom.yaml", bytes: [0xEF, 0xBB, 0xBF] + Array("单位: 无\n年龄: x\n".utf8))
        let data = try DataFile.load(path)
        #expect(data.map?.keys == ["单位", "年龄"])
        #expect(data["单位"]?.location == SourceLocation(file: path, line: 1, column: 5))
    }

    @Test func malformedYAMLSaysWhereAndWhy() throws {
        let files = try TestFiles()
        let path = try files.write("bad.yaml", "单位: 海岱大学\n联系人:\n  姓名: 王\n 电话: 1\n")
        #expect(diagnosticLines { try DataFile.load(path) } == [
            "\(path):4:2: error: YAML 语法错误：缩进没有对齐，或上一行的文字需要加引号（while parsing a block mapping（第 1 行第 1 列）: did not find expected key）"
        ])
        let colon = try files.write("colon.yaml", "说明: 注意: 这里有冒号\n")
        #expect(diagnosticLines { try DataFile.load(colon) } == [
            "\(colon):1:7: error: YAML 语法错误：这里不能再出现「键: 值」；如果文字本身含有英文冒号加空格，请给整段文字加引号（mapping values are not allowed in this context）"
        ])
        let tab = try files.write("tab.yaml", "联系人:\n\t姓名: 王\n")
        #expect(diagnosticLines { try DataFile.load(tab) } == [
            "\(tab):2:1: error: YAML 语法错误：缩进不能用制表符（Tab），请改用空格（while scanning for the next token（第 2 行第 1 列）: found character that cannot start any token）"
        ])
    }

    @Test func everyDuplicateKeyIsReportedAtItsSecondOccurrence() throws {
        let files = try TestFiles()
        let path = try files.write("dup.yaml", """
            单位: 甲
            联系人:
              姓名: 王
              电话: 1
              姓名: 李
            人员:
              - { 姓名: 张, 姓名: 赵 }
            单位: 乙

            """)
        #expect(diagnosticLines { try DataFile.load(path) } == [
            "\(path):5:3: error: 姓名: 键重复，第一次出现在第 3 行第 3 列",
            "\(path):7:14: error: 姓名: 键重复，第一次出现在第 7 行第 7 列",
            "\(path):8:1: error: 单位: 键重复，第一次出现在第 1 行第 1 列",
        ])
        // The reader can hand the value over with the duplicates, first occurrences kept.
        let (value, duplicates) = try DataFile.loadKeepingDuplicates(path)
        #expect(duplicates.count == 3)
        #expect(value["单位"] == .string("甲"))
        #expect(value.value(atPath: ["联系人"])?.map?.keys == ["姓名", "电话"])
    }

    @Test func deepNestingIsRefused() throws {
        let files = try TestFiles()
        let flow = try files.write("deep.yaml", "a: " + String(repeating: "[", count: 5000) + String(repeating: "]", count: 5000) + "\n")
        // Reported where the deep list starts.
        #expect(diagnosticLines { try DataFile.load(flow) } == ["\(flow):1:5: error: 列表和映射嵌套超过 64 层，拒绝读取"])
        // 70 levels of block maps: refused at the 65th.
        var block = ""
        for level in 0..<70 { block += String(repeating: "  ", count: level) + "k\(level):\n" }
        block += String(repeating: "  ", count: 70) + "v: 1\n"
        let blockPath = try files.write("block.yaml", block)
        #expect(diagnosticLines { try DataFile.load(blockPath) } == ["\(blockPath):65:129: error: 列表和映射嵌套超过 64 层，拒绝读取"])
        // 60 levels are fine.
        var fine = ""
        for level in 0..<60 { fine += String(repeating: "  ", count: level) + "k\(level):\n" }
        fine += String(repeating: "  ", count: 60) + "v: 1\n"
        #expect(try DataFile.parse(Array(fine.utf8), path: "fine.yaml").map != nil)
    }

    @Test func aliasBombIsRefusedQuickly() throws {
        let files = try TestFiles()
        var text = "a0: &a0 [哈, 哈, 哈, 哈, 哈, 哈, 哈, 哈, 哈, 哈]\n"
        for i in 1...9 { text += "a\(i): &a\(i) [" + Array(repeating: "*a\(i - 1)", count: 10).joined(separator: ", ") + "]\n" }
        let path = try files.write("laughs.yaml", text)
        let start = Date()
        let lines = diagnosticLines { try DataFile.load(path) }
        #expect(Date().timeIntervalSince(start) < 2)
        #expect(lines == ["\(path):1:1: error: 展开别名（*名称）后数据超过 1000000 个值，疑似“十亿笑声”式的别名炸弹，拒绝读取"])
        // A few honest aliases are fine.
        let ok = try files.write("ok.yaml", "a: &x 无\nb: *x\n")
        #expect(try DataFile.load(ok)["b"] == .string("无"))
    }

    @Test func aKeyThatIsAnAliasOrACollectionIsRefusedBeforeComposing() throws {
        let files = try TestFiles()
        let path = try files.write("keys.yaml", "a: &x [1, 2]\n*x : 3\n[1, 2]: 4\n? 复杂\n: 5\n")
        #expect(diagnosticLines { try DataFile.load(path) } == [
            "\(path):2:1: error: 键必须是文字，不能是列表、映射或别名（*名称）",
            "\(path):3:6: error: 键必须是文字，不能是列表、映射或别名（*名称）",
            "\(path):4:1: error: 键必须是文字，不能是列表、映射或别名（*名称）",
        ])
    }

    @Test func ordinaryTrickyTextReadsAsTyped() throws {
        let files = try TestFiles()
        let path = try files.write("tricky.yaml", """
            说明: |
              ? 这一行以问号开头
              *星号开头, [方括号]: 和 {花括号}
                  - 更深的缩进
            引号: "含 # 井号和 [括号]: 的文字"
            单引号: 'it''s [ok]'
            撇号: it's 山东's 数据
            注释: 文字 # 这是注释 [不算]
            列表: [甲, "乙, 丙",
              丁]
            人员:
              - - 嵌套
                - 列表
              - { 姓名: "王[1]" }
            默认: &d 无
            引用: *d

            """)
        let data = try DataFile.load(path)
        #expect(data["说明"] == .string("? 这一行以问号开头\n*星号开头, [方括号]: 和 {花括号}\n    - 更深的缩进\n"))
        #expect(data["引号"] == .string("含 # 井号和 [括号]: 的文字"))
        #expect(data["单引号"] == .string("it's [ok]"))
        #expect(data["撇号"] == .string("it's 山东's 数据"))
        #expect(data["注释"] == .string("文字"))
        #expect(data["列表"]?.list?.compactMap(\.text) == ["甲", "乙, 丙", "丁"])
        #expect(data["人员"]?.list?.count == 2)
        #expect(data["引用"] == .string("无"))
    }

    @Test func emptyFileIsAnEmptyMap() throws {
        let value = try DataFile.parse([], path: "empty.yaml")
        #expect(value.map?.isEmpty == true)
    }
}
