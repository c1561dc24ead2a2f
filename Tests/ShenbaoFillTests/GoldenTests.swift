import Foundation
import ShenbaoCore
import ShenbaoOOXML
import Testing

@testable import ShenbaoFill

/// Filled parts compared with recorded golden files, one element per line so a failure shows
/// where they differ. `RECORD_SNAPSHOTS=1 swift test --filter GoldenTests` re-records them.
@Suite struct GoldenTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    @Test(arguments: ["word/document.xml", "word/header1.xml"])
    func libreOfficeFormFilled(part: String) throws {
        let template = try ZipArchive(contentsOf: Self.fixtures.appendingPathComponent("libreoffice-form.docx").path)
        let data = try yaml("编号: SD-2022-001\n单位: {名称: 山东大学}\n联系人: 李四\n人员:\n  - {姓名: 甲, 职称: 教授}\n  - {姓名: 乙, 职称: 讲师}\n联合单位: [{名称: 山东省大数据局}]\n")
        var options = FillOptions()
        options.embedData = false
        let filled = try TemplateFiller(template: template, options: options).fill(with: data)
        let golden = Self.fixtures.appendingPathComponent("golden/libreoffice-form.\(part.replacingOccurrences(of: "/", with: "_"))")
        let actual = Self.lines(filled[part] ?? [])
        if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1" {
            try FileManager.default.createDirectory(at: golden.deletingLastPathComponent(), withIntermediateDirectories: true)
            try actual.joined(separator: "\n").write(to: golden, atomically: true, encoding: .utf8)
            return
        }
        let expected = try String(contentsOf: golden, encoding: .utf8).components(separatedBy: "\n")
        if let i = zip(actual, expected).enumerated().first(where: { $0.element.0 != $0.element.1 })?.offset {
            Issue.record("\(part) differs from \(golden.lastPathComponent) at line \(i + 1):\n  expected: \(expected[i])\n  actual:   \(actual[i])")
        }
        #expect(actual.count == expected.count)
    }

    /// One element per line.
    static func lines(_ bytes: [UInt8]) -> [String] {
        String(decoding: bytes, as: UTF8.self).replacingOccurrences(of: "><", with: ">\n<").components(separatedBy: "\n")
    }
}
