import Foundation
import ShenbaoCore
import ShenbaoTestSupport
import Testing

/// `make install` lays shenbao out as a tool: the binary, completions, a man page, the form
/// packages it finds by id, the OCR helper. The test installs the binary this build made
/// (`make install-files BIN=…`, what `make install` runs after `swift build -c release`) into a
/// scratch prefix and uses it from a folder with no templates of its own.
@Suite("make install")
struct InstallTests {
    static func shell(_ script: String) throws -> ToolResult {
        try ExternalTool.run("/bin/sh", ["-c", script], timeout: 120)
    }

    @Test(.enabled(if: RequiredTools.present(.shenbao)))
    func installsABinaryCompletionsAManPageAndTheFormsItFindsById() throws {
        let scratch = try Scratch("install")
        defer { scratch.remove() }
        let prefix = scratch.file("prefix")
        let binary = try #require(ShenbaoCommand.path)
        let make = try ExternalTool.run("make", ["-C", Checkout.root, "install-files", "PREFIX=\(prefix)", "BIN=\(binary)"], timeout: 120)
        #expect(make.status == 0, "\(make.outputText)\(make.errorText)")

        let installed = prefix + "/bin/shenbao"
        let version = try ExternalTool.run(installed, ["--version"], timeout: 30)
        #expect(version.status == 0)
        #expect(version.outputText == (try ShenbaoCommand.run(["--version"])).outputText)
        #expect(version.outputText.range(of: #"^\d+\.\d+\.\d+\n$"#, options: .regularExpression) != nil, "\(version.outputText)")
        #expect(make.outputText.contains("installed shenbao \(version.outputText.trimmingCharacters(in: .newlines)) into \(prefix)"))

        let bash = try String(contentsOfFile: prefix + "/share/bash-completion/completions/shenbao", encoding: .utf8)
        let zsh = try String(contentsOfFile: prefix + "/share/zsh/site-functions/_shenbao", encoding: .utf8)
        let fish = try String(contentsOfFile: prefix + "/share/fish/vendor_completions.d/shenbao.fish", encoding: .utf8)
        for script in [bash, zsh, fish] {
            #expect(["validate", "build", "fill", "check", "summary"].allSatisfy(script.contains))
        }
        #expect(zsh.hasPrefix("#compdef shenbao"))
        let syntax = try Self.shell("bash -n '\(prefix)/share/bash-completion/completions/shenbao'")
        #expect(syntax.status == 0, "\(syntax.errorText)")

        let man = try String(contentsOfFile: prefix + "/share/man/man1/shenbao.1", encoding: .utf8)
        #expect(man.hasPrefix(".TH SHENBAO 1 "))
        #expect(man.contains(".SS shenbao build"))
        #expect(man.contains("--seal <png>"))

        for form in Checkout.shippedForms {
            for file in ["form.yaml", "template.docx"] {
                #expect(FileManager.default.fileExists(atPath: "\(prefix)/share/shenbao/templates/\(form)/\(file)"), "\(form)/\(file)")
            }
        }
        if FileManager.default.fileExists(atPath: Checkout.path("scripts/ocr.py")) {
            #expect(FileManager.default.fileExists(atPath: prefix + "/share/shenbao/ocr.py"))
        }

        // From a folder without templates/, `--form` finds the installed package: its title,
        // changed here, is the one the schema carries.
        let spec = "\(prefix)/share/shenbao/templates/sd-lab-2022/form.yaml"
        let text = try String(contentsOfFile: spec, encoding: .utf8)
        try text.replacingOccurrences(of: "title: 山东省数据开放创新应用实验室（第二批）申报表", with: "title: 已安装的申报表")
            .write(toFile: spec, atomically: true, encoding: .utf8)
        let elsewhere = scratch.file("elsewhere")
        try FileManager.default.createDirectory(atPath: elsewhere, withIntermediateDirectories: true)
        let schema = try Self.shell("cd '\(elsewhere)' && env -u SHENBAO_TEMPLATES '\(installed)' schema --form sd-lab-2022")
        #expect(schema.status == 0, "\(schema.errorText)")
        #expect(schema.outputText.contains("已安装的申报表"))
    }
}
