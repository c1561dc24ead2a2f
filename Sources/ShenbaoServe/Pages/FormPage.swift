import ShenbaoData

/// `/forms/<id>`: the form generated from its spec, with the tools to check it, save and load
/// the data file, and get the DOCX and the checked PDF.
enum FormPage {
    static func render(_ form: ServedForm) -> String {
        let spec = form.spec
        let html = FieldHTML(rules: ruleTexts(spec))
        let fields = spec.fields.map { html.render($0, specPath: $0.key) }.joined(separator: "\n")
        let body = """
            <header><a class="back" href="/">← 全部表单</a><h1>\(HTML.escape(form.title))</h1>
            <p class="form-id">表单编号 \(HTML.escape(spec.id))　带 <span class="required">*</span> 的为必填项</p></header>
            <main>
            <section class="load"><label>继续填写已保存的数据文件：<input type="file" id="load-file" accept=".yaml,.yml,.json"></label></section>
            <div id="summary" class="summary" role="alert" hidden></div>
            <form id="shenbao-form" data-form="\(HTML.escape(spec.id))" novalidate>
            <div class="fields">
            \(fields)
            </div>
            <div class="actions">
            <button type="submit" id="check">检查</button>
            <button type="button" id="download-yaml">下载数据文件</button>
            <button type="button" id="download-docx">下载 Word</button>
            <button type="button" id="download-pdf">生成 PDF 并核对</button>
            </div>
            </form>
            <div id="result" class="result" aria-live="polite"></div>
            </main>
            """
        return HTML.page(title: form.title, body: body, scripts: ["/assets/shenbao.js"])
    }

    /// The form-level rules by the field they are about (the table they count, or the first field
    /// a `when`/`require` rule requires), in the notice's words when the spec gives them.
    static func ruleTexts(_ spec: FormSpec) -> [String: [String]] {
        var out: [String: [String]] = [:]
        for rule in spec.rules {
            var text = rule.message ?? ""
            if text.isEmpty {
                var parts: [String] = []
                if let lo = rule.minimum { parts.append("至少 \(lo) 行") }
                if let hi = rule.maximum { parts.append("最多 \(hi) 行") }
                text = (rule.condition == nil ? "" : "符合条件的行") + parts.joined(separator: "，")
            }
            guard let field = rule.table ?? rule.requirement?.keys.first?.split(separator: ".").first.map(String.init) else { continue }
            out[field, default: []].append(text)
        }
        return out
    }
}
