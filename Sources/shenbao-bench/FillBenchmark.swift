import Foundation
import ShenbaoCore
import ShenbaoFill
import ShenbaoOOXML

/// Times the fill of a 10-page form (40 paragraphs of text, 6 scalar tables) with a 100-row and
/// a 5,000-row table: compile once, then render; reports the median of several runs.
func runFillBenchmark() {
    let template = FillBenchmarkTemplate.archive()
    print("fill benchmark: 10-page form, one repeated table row (5 cells)")
    do {
        let compileStart = DispatchTime.now()
        var filler: TemplateFiller?
        for _ in 0..<20 { filler = try TemplateFiller(template: template) }
        let compileMs = Double(DispatchTime.now().uptimeNanoseconds - compileStart.uptimeNanoseconds) / 1e6 / 20
        print(String(format: "  compile template (parse + lex + parse tags + compile): %.2f ms", compileMs))
        var options = FillOptions()
        options.embedData = false
        let compiled = try TemplateFiller(template: template, options: options)
        _ = filler
        for rows in [100, 1_000, 5_000] {
            let data = FillBenchmarkTemplate.data(rows: rows)
            var times: [Double] = []
            var size = 0
            for _ in 0..<15 {
                let start = DispatchTime.now()
                let out = try compiled.fill(with: data)
                times.append(Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e6)
                size = out["word/document.xml"]?.count ?? 0
            }
            times.sort()
            let median = times[times.count / 2]
            let zipStart = DispatchTime.now()
            _ = try compiled.fill(with: data).serialized()
            let zipMs = Double(DispatchTime.now().uptimeNanoseconds - zipStart.uptimeNanoseconds) / 1e6
            print(String(format: "  %5d rows: fill %.3f ms (%.4f ms per 100 rows), document.xml %d KB; with zip written %.1f ms",
                         rows, median, median / Double(rows) * 100, size / 1024, zipMs))
        }
    } catch {
        print("fill benchmark failed: \(error)")
    }
}

/// A synthetic form the size of a real 申报表.
enum FillBenchmarkTemplate {
    static func archive() -> ZipArchive {
        func run(_ t: String) -> String { "<w:r><w:rPr><w:rFonts w:ascii=\"仿宋_GB2312\" w:eastAsia=\"仿宋_GB2312\"/><w:sz w:val=\"32\"/></w:rPr><w:t xml:space=\"preserve\">\(t)</w:t></w:r>" }
        func cell(_ t: String) -> String { "<w:tc><w:tcPr><w:tcW w:w=\"1800\" w:type=\"dxa\"/><w:vAlign w:val=\"center\"/></w:tcPr><w:p><w:pPr><w:jc w:val=\"center\"/></w:pPr>\(run(t))</w:p></w:tc>" }
        var body = ""
        for page in 0..<10 {
            body += "<w:p>\(run("第\(page + 1)页 {{单位.名称}}（{{单位.简称}}）"))</w:p>"
            for i in 0..<4 {
                body += "<w:p>\(run("项目概述第\(i)段：本项目面向数据开放创新应用，"))\(run("负责人{{负责人.姓名}}，电话{{负责人.电话}}。"))\(run(String(repeating: "申报内容说明文字。", count: 12)))</w:p>"
            }
            body += "<w:tbl>" + (0..<6).map { r in "<w:tr>\(cell("字段\(r)"))\(cell("{{字段\(r)}}"))\(cell("说明"))\(cell("{{单位.名称}}"))</w:tr>" }.joined() + "</w:tbl>"
        }
        body += "<w:tbl><w:tr>\(cell("序号"))\(cell("姓名"))\(cell("职称"))\(cell("学历"))\(cell("分工"))</w:tr>"
            + "<w:tr>\(cell("{{#人员}}{{@index}}"))\(cell("{{姓名}}"))\(cell("{{职称}}"))\(cell("{{学历}}"))\(cell("{{分工}}{{/人员}}"))</w:tr></w:tbl>"
        let ns = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\""
        let document = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:document \(ns)><w:body>\(body)<w:sectPr/></w:body></w:document>"
        let types = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"xml\" ContentType=\"application/xml\"/><Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>"
        return ZipArchive(path: "bench.docx", entries: [
            .init(name: "[Content_Types].xml", bytes: Array(types.utf8)),
            .init(name: "word/document.xml", bytes: Array(document.utf8)),
        ])
    }

    static func data(rows: Int) -> DataValue {
        func s(_ t: String) -> DataValue { .string(t) }
        func map(_ pairs: [(String, DataValue)]) -> DataValue { DataValue(.map(DataMap(pairs.map { .init(key: $0.0, value: $0.1) }))) }
        var top: [(String, DataValue)] = [
            ("单位", map([("名称", s("山东省大数据研究院")), ("简称", s("大数据院"))])),
            ("负责人", map([("姓名", s("张三")), ("电话", s("0531-51785094"))])),
        ]
        for r in 0..<6 { top.append(("字段\(r)", s("取值\(r)"))) }
        let people = (0..<rows).map { i in
            map([("姓名", s("成员\(i)")), ("职称", s(i % 3 == 0 ? "正高级" : "中级")), ("学历", s("博士研究生")), ("分工", s("数据治理与应用开发"))])
        }
        top.append(("人员", DataValue(.list(people))))
        return map(top)
    }
}
