import ShenbaoData
import ShenbaoSummary
import Testing

@Suite struct CSVWriterTests {
    @Test func excelReadyBytes() {
        let columns = [SummaryColumn.serialNumber, SummaryColumn(key: FieldPath("a"), label: "申报单位")]
        let table = SummaryTable(title: "t", recommender: "", columns: columns, rows: [
            ["1", "甲公司"], ["2", "乙,丙"], ["3", "说\"好\""], ["4", "两\n行"], ["5", " 空格"],
        ])
        let bytes = CSVWriter.bytes(table)
        #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let text = String(decoding: bytes.dropFirst(3), as: UTF8.self)
        #expect(text == "序号,申报单位\r\n1,甲公司\r\n2,\"乙,丙\"\r\n3,\"说\"\"好\"\"\"\r\n4,\"两\n行\"\r\n5,\" 空格\"\r\n")
        #expect(CSVRecords.parse(text) == [table.header] + table.rows)
    }
}
