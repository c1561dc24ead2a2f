@testable import ShenbaoCore
import Foundation
import Testing

/// DataMap searches small maps by bytes and keeps Swift's meaning of a key: canonically
/// equivalent spellings are one key, however the map is searched.
@Suite struct DataMapTests {
    private func map(_ keys: [String]) -> DataMap {
        DataMap(keys.enumerated().map { DataMap.Entry(key: $1, value: .string("\($0)")) })
    }

    @Test func plainKeysAreFoundByTheirBytes() {
        let row = map(["姓名", "性别", "出生年月", "职称", "学历学位", "工作单位", "项目分工"])
        #expect(row["职称"]?.text == "3")
        #expect(row["项目"] == nil)
        #expect(row.position(of: "项目分工") == 6)
    }

    @Test("canonically equivalent keys are one key", arguments: [
        ("\u{E9}", "e\u{301}"),               // é precomposed and decomposed
        ("\u{8C48}", "\u{F900}"),             // a CJK compatibility ideograph and the ideograph it normalises to
        ("单位\u{C5}", "单位A\u{30A}"),        // Å
    ])
    func equivalentSpellings(a: String, b: String) {
        #expect(a == b)
        var m = map(["名称", a])
        #expect(m[b]?.text == "1")
        m.append(DataMap.Entry(key: b, value: .string("replaced")))
        #expect(m.count == 2)
        #expect(m[a]?.text == "replaced")
    }

    @Test func largeMapsKeepAnIndexAndTheSameAnswers() {
        let keys = (0..<40).map { "字段\($0)" }
        var m = map(keys)
        for (k, key) in keys.enumerated() { #expect(m[key]?.text == "\(k)") }
        m["字段7"] = nil
        #expect(m.count == 39)
        #expect(m["字段8"]?.text == "8")
        #expect(m.position(of: "字段8") == 7)
        m.append(DataMap.Entry(key: "e\u{301}", value: .string("x")))
        #expect(m["\u{E9}"]?.text == "x")
    }

    @Test func aHintFindsTheKeyAtOnceAndIsCorrectedWhenWrong() {
        let row = map(["姓名", "性别", "职称"])
        var hint = 0
        #expect(row.value(forKey: "职称", plain: DataKey.isPlain("职称"), hint: &hint)?.text == "2")
        #expect(hint == 2)
        let other = map(["职称", "姓名"])
        #expect(other.value(forKey: "职称", plain: true, hint: &hint)?.text == "0")
        #expect(hint == 0)
        #expect(other.value(forKey: "无此键", plain: true, hint: &hint) == nil)
    }

    @Test func whatIsPlain() {
        #expect(DataKey.isPlain("name_1"))
        #expect(DataKey.isPlain("申报单位（全称）"))
        #expect(DataKey.isPlain("café"))
        #expect(!DataKey.isPlain("e\u{301}"))
        #expect(!DataKey.isPlain("\u{F900}"))
        #expect(!DataKey.isPlain("か\u{3099}"))
    }
}

/// The output guard looks at the files data names only when the output exists, and only at
/// strings that can name a file.
@Suite struct OutputGuardNamedFilesTests {
    @Test func stringsThatCanNameAFile() {
        #expect(OutputGuard.couldNameAFile("公章.png"))
        #expect(OutputGuard.couldNameAFile("images/seal"))
        #expect(!OutputGuard.couldNameAFile("张三"))
        #expect(!OutputGuard.couldNameAFile("0531-51785094"))
        #expect(!OutputGuard.couldNameAFile("结尾是点."))
        #expect(!OutputGuard.couldNameAFile("a.png\nb"))
    }

    @Test func anExistingFileTheDataNamesIsAnInput() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("sb-guard-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try Data("png".utf8).write(to: URL(fileURLWithPath: dir + "/公章.png"))
        var guardian = OutputGuard()
        guardian.filesNamed(by: DataValue(.map(DataMap([.init(key: "公章", value: .string("公章.png"))]))), relativeTo: dir)
        #expect(throws: OutputFileError.self) { try guardian.check(dir + "/公章.png", option: "-o") }
        #expect(throws: OutputFileError.self) { try guardian.check(dir + "/./公章.png", option: "-o") }
        try guardian.check(dir + "/申报表.docx", option: "-o")
        try Data().write(to: URL(fileURLWithPath: dir + "/申报表.docx"))
        try guardian.check(dir + "/申报表.docx", option: "-o")
    }
}
