import Foundation
import ShenbaoTestSupport
import Testing

/// The pages and their assets, read as a browser gets them.
@Suite(.enabled(if: RequiredTools.present(.shenbao)))
struct ServePageTests {
    @Test func indexListsEveryFormByTitle() async throws {
        let server = try RunningServer()
        defer { server.stop() }
        let page = String(decoding: try await server.get("/").body, as: UTF8.self)
        for id in Checkout.shippedForms {
            let spec = try String(contentsOfFile: Checkout.template(id) + "/form.yaml", encoding: .utf8)
            let title = spec.split(separator: "\n").first { $0.hasPrefix("title:") }!.dropFirst("title:".count).trimmingCharacters(in: .whitespaces)
            #expect(page.contains("<a href=\"/forms/\(id)\">\(title)</a>"), "\(id)")
        }
        let api = json(try await server.get("/api/forms").body)
        let ids = (api["forms"] as? [[String: Any]])?.compactMap { $0["id"] as? String }
        #expect(ids == Checkout.shippedForms)
    }

    @Test func formPageHasEveryFieldWithTheInputItsTypeCallsFor() async throws {
        let server = try RunningServer()
        defer { server.stop() }
        let response = try await server.get("/forms/sd-lab-2022")
        #expect(response.status == 200)
        #expect(response.headers["content-type"] == "text/html; charset=utf-8")
        let page = String(decoding: response.body, as: UTF8.self)
        #expect(page.contains("<html lang=\"zh-CN\">"))
        #expect(page.contains("name=\"viewport\" content=\"width=device-width"))
        // Labels, hints, and the browser's input types.
        #expect(page.contains("data-key=\"申报日期\" data-type=\"date\""))
        #expect(page.contains("<input type=\"date\" required>"))
        #expect(page.contains("data-key=\"电话\" data-type=\"phone\"") && page.contains("<input type=\"tel\""))
        #expect(page.contains("data-key=\"邮箱\" data-type=\"email\"") && page.contains("<input type=\"email\""))
        #expect(page.contains("<input type=\"number\" step=\"1\" inputmode=\"numeric\" min=\"18\" max=\"80\">"))
        #expect(page.contains("实验室建设目的和必要性") && page.contains("<textarea"))
        #expect(page.contains("手机号或带区号的座机，如 0531-51785094"))
        // Choices as radio buttons with the spec's options; groups as fieldsets; tables with row limits.
        for option in ["高校", "科研院所", "医院", "企业", "其他"] {
            #expect(page.contains("<input type=\"radio\" value=\"\(option)\"> \(option)"))
        }
        #expect(page.contains("<fieldset class=\"field group\" data-key=\"联系人\""))
        #expect(page.contains("data-key=\"人员\" data-type=\"table\"") && page.contains("data-min-rows=\"1\" data-max-rows=\"60\""))
        #expect(page.contains("至少 1 行，最多 60 行") && page.contains("<template>") && page.contains("添加一行"))
        #expect(page.contains("data-key=\"公章\" data-type=\"image\"") && page.contains("accept=\"image/png,image/jpeg\""))
        #expect(page.contains("（可不传：打印后再盖章）"))
        // Nothing from elsewhere: every asset is shenbao's own.
        #expect(!page.contains("http://") && !page.contains("https://"))
        #expect(response.headers["content-security-policy"]?.hasPrefix("default-src 'self'") == true)
    }

    @Test func formLevelRulesShowAtTheirTable() async throws {
        let server = try RunningServer()
        defer { server.stop() }
        let page = String(decoding: try await server.get("/forms/sz-lab").body, as: UTF8.self)
        #expect(page.contains("<p class=\"rule\">表单要求：实验室团队人员配置应不少于15人</p>"))
        let multichoice = String(decoding: try await server.get("/forms/sd-platform").body, as: UTF8.self)
        #expect(multichoice.contains("<input type=\"checkbox\" value=\"数据采集\"> 数据采集"))
    }

    @Test func assetsAreServedByShenbao() async throws {
        let server = try RunningServer()
        defer { server.stop() }
        let css = try await server.get("/assets/shenbao.css")
        #expect(css.status == 200 && css.headers["content-type"] == "text/css; charset=utf-8" && css.body.count > 1000)
        let js = try await server.get("/assets/shenbao.js")
        #expect(js.status == 200 && js.headers["content-type"] == "text/javascript; charset=utf-8")
        #expect(String(decoding: js.body, as: UTF8.self).contains("post(\"validate\""))
    }

    @Test(arguments: ["/forms/nope", "/forms/..%2F..%2Fetc%2Fpasswd", "/forms/sd-lab-2022%00", "/assets/../Package.swift"])
    func unknownPagesAre404(_ path: String) async throws {
        let server = try RunningServer()
        defer { server.stop() }
        let response = try await server.get(path)
        #expect(response.status == 404)
        #expect(!String(decoding: response.body, as: UTF8.self).contains("root:"))
    }
}
