import Foundation
import ShenbaoCore
import Testing

@Suite struct ValidateCommandTests {
    let sample = ShenbaoBinary.repositoryRoot + "/samples/sd-lab-2022/申报数据.yaml"

    func temporaryDirectory() throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("shenbao-cli-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    @Test(arguments: ["申报数据.yaml", "申报数据.json"])
    func sampleValidatesWithExitZero(name: String) throws {
        let path = ShenbaoBinary.repositoryRoot + "/samples/sd-lab-2022/" + name
        let result = try ShenbaoBinary.run(["validate", path])
        #expect(result.status == 0, "\(result.errorText)")
        #expect(result.errorText == "")
        #expect(result.outputText == "\(path): 通过（表单 sd-lab-2022）\n")
    }

    @Test func errorsArePrintedOneALineWithExitOne() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let text = try String(contentsOfFile: sample, encoding: .utf8)
            .replacingOccurrences(of: "  电话: 0531-88661234", with: "  电话: 0531-8866")
            .replacingOccurrences(of: "单位地址: ", with: "单位地点: ")
            .replacingOccurrences(of: "公章: 公章.png\n", with: "")
        let path = dir + "/data.yaml"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let result = try ShenbaoBinary.run(["validate", path])
        #expect(result.status == 1)
        #expect(result.outputText == "")
        #expect(result.errorText == """
            \(path):14:1: error: 单位地点: 表中没有这一项，是否应为「单位地址」？
            \(path):18:7: error: 联系人电话: 「0531-8866」不是有效的电话号码，应为手机号（13912345678）或带区号的座机（0531-51785094）
            \(path):81:9: error: 推荐单位公章: 找不到图片文件「推荐单位公章.png」（相对于数据文件所在目录 \(dir)）
            3 个错误，0 个警告

            """)
    }

    @Test func jsonFormatIsForMachines() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/d.json"
        try "{\"form\": \"sd-lab-2022\", \"申报日期\": \"2022-12-32\", \"申报日期\": \"x\"}".write(toFile: path, atomically: true, encoding: .utf8)
        let result = try ShenbaoBinary.run(["validate", path, "--format", "json"])
        #expect(result.status == 1)
        let report = try #require(JSONSerialization.jsonObject(with: Data(result.standardOutput)) as? [String: Any])
        let diagnostics = try #require(report["diagnostics"] as? [[String: Any]])
        let date = try #require(diagnostics.first { $0["code"] as? String == "not-a-date" })
        #expect(date["line"] as? Int == 1 && date["column"] as? Int == 33 && date["label"] as? String == "申报日期")
        let duplicate = try #require(diagnostics.first { $0["code"] as? String == "duplicate-key" })
        #expect(duplicate["column"] as? Int == 47)
        #expect(report["errors"] as? Int == diagnostics.count)
    }

    @Test func malformedFileAndUnknownFormAreExplained() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let bad = dir + "/bad.yaml"
        try "form: sd-lab-2022\n单位: [未闭合\n".write(toFile: bad, atomically: true, encoding: .utf8)
        let syntax = try ShenbaoBinary.run(["validate", bad])
        #expect(syntax.status == 1)
        #expect(syntax.errorText.hasPrefix("\(bad):3:1: error: YAML 语法错误："))

        let unknown = dir + "/unknown.yaml"
        try "form: sd-lab-2099\n".write(toFile: unknown, atomically: true, encoding: .utf8)
        let missing = try ShenbaoBinary.run(["validate", unknown])
        #expect(missing.status == 2)
        #expect(missing.errorText.hasPrefix("error: 找不到表单「sd-lab-2099」的规格 sd-lab-2099/form.yaml。是否应为 sd-lab-2022？"))

        let noForm = dir + "/noform.yaml"
        try "单位: 甲\n".write(toFile: noForm, atomically: true, encoding: .utf8)
        let anonymous = try ShenbaoBinary.run(["validate", noForm])
        #expect(anonymous.status == 2)
        #expect(anonymous.errorText.hasPrefix("\(noForm): error: 不知道这份数据填的是哪张表"))
    }

    @Test func specFileAndTemplatesFolderCanBeGiven() throws {
        let spec = ShenbaoBinary.repositoryRoot + "/templates/sd-lab-2022/form.yaml"
        #expect(try ShenbaoBinary.run(["validate", sample, "--spec", spec]).status == 0)
        let viaEnvironment = try ShenbaoBinary.run(
            ["validate", sample, "--form", "sd-lab-2022"], environment: ["SHENBAO_TEMPLATES": ShenbaoBinary.repositoryRoot + "/templates"])
        #expect(viaEnvironment.status == 0)
        let both = try ShenbaoBinary.run(["validate", sample, "--spec", spec, "--form", "sd-lab-2022"])
        #expect(both.status == 64)
        #expect(both.errorText.contains("--spec 与 --form 只能给一个"))
    }
}
