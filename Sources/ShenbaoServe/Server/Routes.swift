import Foundation
import Hummingbird
import NIOCore
import ShenbaoCore

/// Every route: pages, assets, and the API under `/api` (see `OpenAPIDocument`).
struct Routes: Sendable {
    let catalog: FormCatalog
    let service: SubmissionService
    let limits: ServeLimits

    func add(to router: Router<BasicRequestContext>) {
        router.get("/") { _, _ in Self.html(IndexPage.render(catalog)) }
        router.get("/forms/:id") { _, context in
            guard let form = context.parameters.get("id").flatMap(catalog.form) else {
                return Self.html(HTML.page(title: "找不到表单", body: "<main><h1>找不到这张表单</h1><p><a href=\"/\">查看全部表单</a></p></main>"), status: .notFound)
            }
            return Self.html(FormPage.render(form))
        }
        router.get("/assets/shenbao.css") { _, _ in Self.text(FormStyle.source, type: "text/css; charset=utf-8") }
        router.get("/assets/shenbao.js") { _, _ in Self.text(FormScript.source, type: "text/javascript; charset=utf-8") }
        router.get("/api/openapi.json") { _, _ in Self.reply(.json(OpenAPIDocument.document(catalog))) }
        router.get("/api/forms") { _, _ in
            Self.reply(.json(["forms": catalog.forms.map { form in
                ["id": form.spec.id, "title": form.title, "page": "/forms/\(form.spec.id)", "schema": "/api/forms/\(form.spec.id)/schema"]
            }]))
        }
        router.get("/api/forms/:id/schema") { _, context in
            guard let form = context.parameters.get("id").flatMap(catalog.form) else { return Self.reply(Self.unknownForm(context)) }
            return Self.reply(Reply(status: 200, contentType: "application/schema+json; charset=utf-8", body: Array(form.schema.utf8)))
        }
        for action in ["validate", "yaml", "load", "docx", "pdf"] {
            router.post("/api/forms/:id/\(action)") { request, context in
                guard let form = context.parameters.get("id").flatMap(catalog.form) else { return Self.reply(Self.unknownForm(context)) }
                let body: [UInt8]
                switch await readBody(request) {
                case .success(let bytes): body = bytes
                case .failure(let tooLarge): return Self.reply(tooLarge.reply)
                }
                let type = request.headers[.contentType]
                let reply: Reply
                switch action {
                case "validate": reply = await service.validate(form, body: body, contentType: type)
                case "yaml": reply = await service.yaml(form, body: body, contentType: type)
                case "load": reply = await service.load(form, body: body, contentType: type)
                case "docx": reply = await service.docx(form, body: body, contentType: type)
                default: reply = await service.pdf(form, body: body, contentType: type)
                }
                return Self.reply(reply)
            }
        }
    }

    /// A body over the limit, refused before or while it is read.
    struct TooLarge: Error {
        let limit: Int
        var reply: Reply {
            .problems([.error(.bodyTooLarge, "请求正文超过上限 \(limit / 1024 / 1024) MB")], status: 413)
        }
    }

    private func readBody(_ request: Request) async -> Result<[UInt8], TooLarge> {
        let limit = limits.maximumBody
        if let length = request.headers[.contentLength].flatMap(Int.init), length > limit { return .failure(TooLarge(limit: limit)) }
        do {
            let buffer = try await request.body.collect(upTo: limit)
            return .success(Array(buffer.readableBytesView))
        } catch {
            return .failure(TooLarge(limit: limit))
        }
    }

    static func unknownForm(_ context: BasicRequestContext) -> Reply {
        let id = context.parameters.get("id") ?? ""
        return .problems([.error(.formNotFound, "没有编号为「\(id.prefix(80))」的表单")], status: 404)
    }

    static func html(_ text: String, status: HTTPResponse.Status = .ok) -> Response {
        var response = self.text(text, type: "text/html; charset=utf-8")
        response.status = status
        return response
    }

    static func text(_ text: String, type: String) -> Response {
        reply(Reply(status: 200, contentType: type, body: Array(text.utf8)))
    }

    /// The response for a reply, with headers that keep the pages to shenbao's own assets.
    static func reply(_ reply: Reply) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = reply.contentType
        headers[.init("X-Content-Type-Options")!] = "nosniff"
        headers[.init("Content-Security-Policy")!] = "default-src 'self'; img-src 'self' data: blob:; object-src 'none'; frame-ancestors 'none'"
        headers[.cacheControl] = "no-store"
        for (name, value) in reply.headers { headers[.init(name)!] = value }
        if let name = reply.fileName {
            let ascii = String(name.unicodeScalars.filter { $0.isASCII && $0 != "\"" && $0 != "\\" }.map(Character.init))
            let encoded = name.addingPercentEncoding(withAllowedCharacters: CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._")) ?? "file"
            headers[.contentDisposition] = "attachment; filename=\"\(ascii.isEmpty ? "file" : ascii)\"; filename*=UTF-8''\(encoded)"
        }
        return Response(status: .init(code: reply.status), headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: reply.body)))
    }
}
