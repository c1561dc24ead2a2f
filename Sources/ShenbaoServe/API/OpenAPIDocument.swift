/// The OpenAPI 3.1 description of the API, served at `/api/openapi.json`; the form ids are the
/// served forms'.
enum OpenAPIDocument {
    static func document(_ catalog: FormCatalog) -> [String: Any] {
        let formID: [String: Any] = [
            "name": "id", "in": "path", "required": true, "description": "表单编号",
            "schema": ["type": "string", "enum": catalog.forms.map(\.spec.id)],
        ]
        let diagnostics: [String: Any] = ["$ref": "#/components/schemas/Report"]
        func problem(_ text: String) -> [String: Any] {
            ["description": text, "content": ["application/json": ["schema": diagnostics]]]
        }
        let dataBody: [String: Any] = [
            "required": true,
            "description": "申报数据：JSON 或 YAML（与 shenbao validate 读取的数据文件相同）。图片字段的值为 data URL（data:image/png;base64,…），或用 multipart/form-data：data 部分为数据，每个图片字段一个文件部分，以字段的键（如 公章）命名。",
            "content": [
                "application/json": ["schema": ["type": "object"]],
                "application/yaml": ["schema": ["type": "string"]],
                "multipart/form-data": ["schema": ["type": "object", "properties": ["data": ["type": "string", "format": "binary"]], "required": ["data"]]],
            ],
        ]
        func post(_ summary: String, _ ok: [String: Any], extra: [String: Any] = [:]) -> [String: Any] {
            var responses: [String: Any] = [
                "200": ok, "404": problem("没有这个表单"), "413": problem("请求正文超过上限"),
                "422": problem("数据无法读取或校验不通过：诊断信息与 `shenbao validate --format json` 相同"),
            ]
            for (k, v) in extra { responses[k] = v }
            return ["post": ["summary": summary, "parameters": [formID], "requestBody": dataBody, "responses": responses]]
        }
        func file(_ type: String, _ text: String, headers: [String: Any] = [:]) -> [String: Any] {
            var o: [String: Any] = ["description": text, "content": [type: ["schema": ["type": "string", "format": "binary"]]]]
            if !headers.isEmpty { o["headers"] = headers }
            return o
        }
        let paths: [String: Any] = [
            "/api/forms": ["get": ["summary": "全部表单", "responses": ["200": ["description": "表单编号与标题", "content": ["application/json": ["schema": ["type": "object", "properties": ["forms": ["type": "array", "items": ["type": "object", "properties": ["id": ["type": "string"], "title": ["type": "string"], "page": ["type": "string"], "schema": ["type": "string"]]]]]]]]]]]],
            "/api/forms/{id}/schema": ["get": ["summary": "表单数据的 JSON Schema（即 shenbao schema 的输出）", "parameters": [formID], "responses": ["200": ["description": "JSON Schema", "content": ["application/schema+json": ["schema": ["type": "object"]]]], "404": problem("没有这个表单")]]],
            "/api/forms/{id}/validate": post("校验数据（与 shenbao validate 相同的检查与消息）", problem("没有错误（可能有警告）")),
            "/api/forms/{id}/yaml": post("数据文件（YAML，可载入表单，也可直接用于 shenbao build）；有校验错误时也可保存", file("application/yaml", "数据文件")),
            "/api/forms/{id}/load": post("读取已保存的数据文件，供网页表单继续填写", problem("data：数据（标量均为文字）；diagnostics：问题")),
            "/api/forms/{id}/docx": post("填写好的 Word 文档（与 shenbao fill --spec 对同一数据文件的输出逐字节相同）", file(SubmissionService.docxType, "DOCX")),
            "/api/forms/{id}/pdf": post(
                "PDF（常驻的 LibreOffice 转换），并与 DOCX 核对（shenbao check）",
                file("application/pdf", "PDF", headers: [
                    "X-Shenbao-Check": ["description": "核对结果：match 或 mismatch", "schema": ["type": "string", "enum": ["match", "mismatch"]]],
                    "X-Shenbao-Differences": ["description": "不一致之处的数目", "schema": ["type": "integer"]],
                    "X-Shenbao-Pages": ["description": "页数", "schema": ["type": "integer"]],
                ]),
                extra: ["503": problem("本机没有 LibreOffice"), "504": problem("LibreOffice 超时，已重启")]),
        ]
        let report: [String: Any] = [
            "type": "object", "required": ["errors", "warnings", "diagnostics"],
            "properties": [
                "errors": ["type": "integer"], "warnings": ["type": "integer"],
                "diagnostics": ["type": "array", "items": ["type": "object", "required": ["severity", "code", "message"], "properties": [
                    "severity": ["type": "string", "enum": ["error", "warning", "note"]],
                    "code": ["type": "string", "description": "稳定的英文代码，如 not-a-phone、missing-key"],
                    "message": ["type": "string"], "label": ["type": "string", "description": "表单上的字段名"],
                    "file": ["type": "string"], "line": ["type": "integer"], "column": ["type": "integer"], "place": ["type": "string"],
                    "path": ["type": "string", "description": "字段的路径，如 联系人.电话、人员.2.年龄（行号从 1 起）"],
                ]]],
                "data": ["type": "object", "description": "仅 load：读到的数据"],
            ],
        ]
        return [
            "openapi": "3.1.0",
            "info": ["title": "shenbao 申报表接口", "version": "1", "description": "按表单规格校验申报数据，生成 Word 文档与核对过的 PDF。"],
            "paths": paths,
            "components": ["schemas": ["Report": report]],
        ]
    }
}
