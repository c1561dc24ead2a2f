import Foundation
import ShenbaoCore
import ShenbaoData
import ShenbaoTestSupport
import Testing

/// The one YAML printer: what it prints, `DataFile` reads back to the same data.
@Suite struct YAMLWriterTests {
    @Test func digitOnlyAndOtherLookalikeStringsAreQuoted() throws {
        var map = DataMap()
        for (key, text) in [("电话", "13912345678"), ("a", "true"), ("b", "null"), ("c", ""), ("d", "0x1F"), ("e", "yes"), ("f", "1.5"), ("g", " 前导空格"), ("h", "键: 值"), ("i", "- 列表"), ("j", "#号")] {
            map.append(DataMap.Entry(key: key, value: .string(text)))
        }
        map.append(DataMap.Entry(key: "年龄", value: DataValue(.number("52"))))
        map.append(DataMap.Entry(key: "是否", value: DataValue(.bool(false))))
        map.append(DataMap.Entry(key: "空", value: DataValue(.null)))
        map.append(DataMap.Entry(key: "日期", value: .string("2022-12-08")))
        map.append(DataMap.Entry(key: "多行", value: .string("第一行\n第二行\n")))
        let value = DataValue(.map(map))
        let text = try YAMLWriter.render(value, comments: ["注释"])
        #expect(text.hasPrefix("# 注释\n"))
        #expect(text.contains("电话: '13912345678'\n"))
        #expect(text.contains("a: 'true'\n") && text.contains("b: 'null'\n") && text.contains("c: ''\n") && text.contains("d: '0x1F'\n"))
        #expect(text.contains("年龄: 52\n") && text.contains("是否: false\n") && text.contains("空: null\n"))
        #expect(text.contains("日期: 2022-12-08\n"))
        #expect(text.contains("多行: |\n  第一行\n  第二行\n"))
        let read = try DataFile.parse(Array(text.utf8), path: "t.yaml", format: .yaml)
        #expect(read == value)
    }

    @Test(arguments: Checkout.shippedForms)
    func everySampleReadsBackTheSame(_ form: String) throws {
        let sample = Checkout.sample(form) + "/申报数据.yaml"
        #expect(FileManager.default.fileExists(atPath: sample))
        let value = try DataFile.load(sample)
        let text = try YAMLWriter.render(value)
        #expect(try DataFile.parse(Array(text.utf8), path: "t.yaml", format: .yaml) == value)
        #expect(try YAMLWriter.render(DataFile.parse(Array(text.utf8), path: "t.yaml", format: .yaml)) == text)
    }
}
