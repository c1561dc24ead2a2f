import Foundation
import ShenbaoCore
import ShenbaoTestSupport
import Testing

/// The API gives what the command line gives: the same schema, the same diagnostics, the same DOCX.
@Suite(.enabled(if: RequiredTools.present(.shenbao)))
struct ServeAPITests {
    @Test func schemaIsWhatShenbaoSchemaPrints() async throws {
        let server = try RunningServer()
        defer { server.stop() }
        let response = try await server.get("/api/forms/sd-lab-2022/schema")
        #expect(response.status == 200)
        #expect(response.headers["content-type"] == "application/schema+json; charset=utf-8")
        let cli = try ShenbaoCommand.run(["schema", "--form", "sd-lab-2022", "--templates", Checkout.path("templates")])
        #expect(cli.status == 0)
        #expect(response.body == Data(cli.standardOutput))
        #expect(try await server.get("/api/forms/nope/schema").status == 404)
        let openAPI = json(try await server.get("/api/openapi.json").body)
        #expect(openAPI["openapi"] as? String == "3.1.0")
        let paths = (openAPI["paths"] as? [String: Any])?.keys.sorted()
        #expect(paths == ["/api/forms", "/api/forms/{id}/docx", "/api/forms/{id}/load", "/api/forms/{id}/pdf", "/api/forms/{id}/schema", "/api/forms/{id}/validate", "/api/forms/{id}/yaml"])
    }

    @Test func validateGivesTheCommandLinesDiagnostics() async throws {
        let scratch = try Scratch("serve-validate")
        defer { scratch.remove() }
        let bad = Sample.yamlWithoutImages.replacingOccurrences(of: "电话: 0531-88661234", with: "电话: 0531-5178")
            .replacingOccurrences(of: "年龄: 52", with: "年龄: 90").replacingOccurrences(of: "主申报单位性质: 高校", with: "主申报单位性质: 大学")
        let file = try scratch.write("bad.yaml", bad)
        let cli = try ShenbaoCommand.run(["validate", file, "--format", "json", "--templates", Checkout.path("templates")])
        #expect(cli.status == 1)
        let server = try RunningServer()
        defer { server.stop() }
        let response = try await server.post("/api/forms/sd-lab-2022/validate", Data(bad.utf8), type: "application/yaml")
        #expect(response.status == 422)
        let served = json(response.body)
        let expected = json(Data(cli.standardOutput))
        let keys = ["severity", "code", "message", "label", "line", "column"]
        func project(_ report: [String: Any]) -> [String] {
            (report["diagnostics"] as? [[String: Any]] ?? []).map { d in keys.map { "\(d[$0] ?? "-")" }.joined(separator: "|") }
        }
        #expect(project(served) == project(expected))
        #expect(project(served).count == 3)
        #expect(served["errors"] as? Int == 3)
        // Each diagnostic names the field it is about, for the page.
        let paths = (served["diagnostics"] as? [[String: Any]] ?? []).compactMap { $0["path"] as? String }
        #expect(paths == ["主申报单位性质", "联系人.电话", "人员.1.年龄"])
        let phone = (served["diagnostics"] as? [[String: Any]])?.first { $0["code"] as? String == "not-a-phone" }
        #expect(phone?["message"] as? String == "「0531-5178」不是有效的电话号码，应为手机号（13912345678）或带区号的座机（0531-51785094）")

        let good = try await server.post("/api/forms/sd-lab-2022/validate", Data(Sample.yamlWithoutImages.utf8), type: "application/yaml")
        #expect(good.status == 200)
        #expect(json(good.body)["errors"] as? Int == 0)
        let broken = try await server.post("/api/forms/sd-lab-2022/validate", Data("a: [1,\n".utf8), type: "application/yaml")
        #expect(broken.status == 422)
        #expect((json(broken.body)["diagnostics"] as? [[String: Any]])?.first?["line"] != nil)
        #expect(try await server.post("/api/forms/nope/validate", Data("{}".utf8), type: "application/json").status == 404)
    }

    @Test func docxIsWhatShenbaoFillMakesOfTheDataFile() async throws {
        let scratch = try Scratch("serve-docx")
        defer { scratch.remove() }
        let server = try RunningServer()
        defer { server.stop() }
        var m = Sample.multipart()
        let response = try await server.post("/api/forms/sd-lab-2022/docx", m.finished(), type: m.contentType)
        #expect(response.status == 200)
        #expect(response.headers["content-type"] == "application/vnd.openxmlformats-officedocument.wordprocessingml.document")
        #expect(response.headers["content-disposition"]?.contains("filename*=UTF-8''sd-lab-2022-%E7%94%B3%E6%8A%A5%E8%A1%A8.docx") == true)
        m = Sample.multipart()
        let yaml = try await server.post("/api/forms/sd-lab-2022/yaml", m.finished(), type: m.contentType)
        #expect(yaml.status == 200)
        let text = String(decoding: yaml.body, as: UTF8.self)
        #expect(text.contains("\n公章: 公章.png\n"))
        try yaml.body.write(to: URL(fileURLWithPath: scratch.file("data.yaml")))
        try Sample.seal.write(to: URL(fileURLWithPath: scratch.file("公章.png")))
        try Sample.recommenderSeal.write(to: URL(fileURLWithPath: scratch.file("推荐单位公章.png")))
        let fill = try ShenbaoCommand.run([
            "fill", "--spec", Checkout.template("sd-lab-2022") + "/form.yaml", Checkout.template("sd-lab-2022") + "/template.docx",
            scratch.file("data.yaml"), "-o", scratch.file("fill.docx"),
        ])
        #expect(fill.status == 0, "\(fill.errorText)")
        #expect(FileManager.default.contents(atPath: scratch.file("fill.docx")) == response.body)
        // Data with an error gives 422 and the diagnostics, never a document.
        m = Sample.multipart([("邮箱: wangxl@haidai.edu.cn", "邮箱: wangxl")])
        let invalid = try await server.post("/api/forms/sd-lab-2022/docx", m.finished(), type: m.contentType)
        #expect(invalid.status == 422)
        #expect((json(invalid.body)["diagnostics"] as? [[String: Any]])?.map { $0["code"] as? String } == ["not-an-email"])
    }

    @Test func dataFileRoundTripsExactly() async throws {
        let server = try RunningServer()
        defer { server.stop() }
        let typed: [String: Any] = [
            "form": "sd-lab-2022", "申报日期": "2022-12-08", "主申报单位名称": "true",
            "联系人": ["姓名": "王晓岚", "电话": "13912345678", "邮箱": "a@b.cn"],
            "人员": [["姓名": "李振东", "年龄": "52"], ["姓名": "null", "年龄": "0x1F"]],
            "单位简介": "第一行\n第二行：冒号 # 井号\n",
        ]
        let first = try await server.post("/api/forms/sd-lab-2022/yaml", try JSONSerialization.data(withJSONObject: typed), type: "application/json")
        #expect(first.status == 200)
        let yaml = String(decoding: first.body, as: UTF8.self)
        #expect(yaml.contains("  电话: '13912345678'\n"))
        #expect(yaml.contains("  年龄: 52\n"))
        #expect(yaml.contains("主申报单位名称: 'true'\n") && yaml.contains("姓名: 'null'") && yaml.contains("年龄: '0x1F'"))
        #expect(yaml.contains("单位简介: |\n  第一行\n  第二行：冒号 # 井号\n"))
        let loaded = try await server.post("/api/forms/sd-lab-2022/load", first.body, type: "application/yaml")
        #expect(loaded.status == 200)
        let data = json(loaded.body)["data"] as? [String: Any]
        #expect((data?["联系人"] as? [String: Any])?["电话"] as? String == "13912345678")
        let second = try await server.post("/api/forms/sd-lab-2022/yaml", try JSONSerialization.data(withJSONObject: data ?? [:]), type: "application/json")
        #expect(second.body == first.body)

        // A data file naming its seal loads with a warning to choose the image again, and saves
        // with the name kept.
        let sample = try await server.post("/api/forms/sd-lab-2022/load", Sample.yaml, type: "application/yaml")
        let warnings = (json(sample.body)["diagnostics"] as? [[String: Any]] ?? []).filter { $0["code"] as? String == "image-not-uploaded" }
        #expect(warnings.map { $0["severity"] as? String } == ["warning", "warning"])
        #expect(warnings.map { $0["path"] as? String } == ["公章", "推荐单位公章"])
        let saved = String(decoding: try await server.post("/api/forms/sd-lab-2022/yaml", Sample.yaml, type: "application/yaml").body, as: UTF8.self)
        #expect(saved.contains("\n公章: 公章.png\n推荐单位公章: 推荐单位公章.png\n"))
    }
}
