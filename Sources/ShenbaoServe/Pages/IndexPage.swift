/// `/`: every form by its Chinese title.
enum IndexPage {
    static func render(_ catalog: FormCatalog) -> String {
        let items = catalog.forms.map { form in
            """
            <li><a href="/forms/\(HTML.escape(form.spec.id))">\(HTML.escape(form.title))</a><span class="form-id">\(HTML.escape(form.spec.id))</span></li>
            """
        }.joined(separator: "\n")
        let body = """
            <header><h1>申报表在线填写</h1>
            <p class="lead">选择要填写的表单。填写中随时检查；完成后下载数据文件（可再次载入继续填写）、Word 文档和核对过的 PDF。</p></header>
            <main><ul class="form-list">
            \(items)
            </ul>
            <p class="note">接口说明：<a href="/api/openapi.json">/api/openapi.json</a></p></main>
            """
        return HTML.page(title: "申报表在线填写", body: body)
    }
}
