import Foundation
import ShenbaoCore
import ShenbaoTestSupport
import Testing

/// The page in a real browser: Debian's chromium through chromedriver, driven by Selenium
/// (`Browser/fill_sd_lab.py`, in the venv `scripts/setup.sh` makes).
@Suite(.enabled(if: RequiredTools.present(.shenbao, .browser)))
struct ServeBrowserTests {
    @Test func applicantFillsTheFormAndLeavesWithTheDataFileAndTheDocx() async throws {
        let scratch = try Scratch("serve-browser")
        defer { scratch.remove() }
        let server = try RunningServer()
        defer { server.stop() }
        let run = try ExternalTool.run(
            RequiredTools.browserPython,
            [Checkout.path("Tests/ShenbaoServeTests/Browser/fill_sd_lab.py"), server.url.absoluteString, scratch.path, Sample.folder],
            timeout: 300)
        let seen = json(Data(run.standardOutput))
        #expect(run.status == 0, "\(run.errorText)")
        #expect(seen["error"] == nil, "\(seen["error"] ?? "")")
        #expect(seen["fits_phone_width"] as? Bool == true)

        // The message for the bad phone number is the one `shenbao validate` prints.
        let bad = try scratch.write("bad.yaml", Sample.yamlWithoutImages.replacingOccurrences(of: "电话: 0531-88661234", with: "电话: 0531-5178"))
        let cli = json(Data(try ShenbaoCommand.run(["validate", bad, "--format", "json", "--templates", Checkout.path("templates")]).standardOutput))
        let expected = (cli["diagnostics"] as? [[String: Any]])?.first { $0["code"] as? String == "not-a-phone" }?["message"] as? String
        #expect(expected != nil)
        #expect(seen["phone_message"] as? String == expected)
        #expect(seen["summary"] as? String == "检查通过，没有发现问题")

        // The data file: validates and builds as it is, names the seals downloaded beside it, has both rows.
        let yaml = try #require(seen["yaml"] as? String)
        let docx = try #require(seen["docx"] as? String)
        #expect(seen["seals"] as? [String] == ["公章.png", "推荐单位公章.png"])
        let text = try String(contentsOfFile: yaml, encoding: .utf8)
        #expect(text.contains("- 姓名: 李振东\n") && text.contains("- 姓名: 陈雅琴\n") && text.contains("  年龄: 45\n"))
        #expect(text.contains("申报方向: 数据开放应用创新\n") && text.contains("联合申报单位性质: 企业\n") && text.contains("公章: 公章.png\n"))
        let validate = try ShenbaoCommand.run(["validate", yaml, "--templates", Checkout.path("templates")])
        #expect(validate.status == 0, "\(validate.errorText)")

        // The DOCX is byte for byte what `shenbao fill` makes of that data file.
        let filled = scratch.file("fill.docx")
        let fill = try ShenbaoCommand.run([
            "fill", "--spec", Checkout.template("sd-lab-2022") + "/form.yaml", Checkout.template("sd-lab-2022") + "/template.docx", yaml, "-o", filled,
        ])
        #expect(fill.status == 0, "\(fill.errorText)")
        #expect(FileManager.default.contents(atPath: filled) == FileManager.default.contents(atPath: docx))

        // Loaded back into a fresh page, the data file comes out the same.
        #expect(seen["loaded_phone"] as? String == "0531-88661234")
        #expect(seen["loaded_rows"] as? Int == 2)
        let again = try #require(seen["yaml_again"] as? String)
        #expect(FileManager.default.contents(atPath: again) == FileManager.default.contents(atPath: yaml))
    }
}
