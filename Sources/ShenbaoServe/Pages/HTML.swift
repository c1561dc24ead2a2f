/// Escaping for text and attribute values in the pages.
enum HTML {
    /// `s` with `& < > " '` escaped, safe in text and in quoted attributes.
    static func escape(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for c in s {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(c)
            }
        }
        return out
    }

    /// A whole page: charset, phone-width viewport, the served stylesheet, `body`, then scripts.
    static func page(title: String, body: String, scripts: [String] = []) -> String {
        """
        <!doctype html>
        <html lang="zh-CN">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(escape(title))</title>
        <link rel="stylesheet" href="/assets/shenbao.css">
        </head>
        <body>
        \(body)
        \(scripts.map { "<script src=\"\(escape($0))\"></script>" }.joined(separator: "\n"))
        </body>
        </html>

        """
    }
}
