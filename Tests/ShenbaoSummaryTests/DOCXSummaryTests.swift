import Foundation
import ShenbaoCore
import ShenbaoData
import ShenbaoOOXML
import ShenbaoSummary
import ShenbaoTestSupport
import Testing

@Suite struct DOCXSummaryTests {
    /// The table of word/document.xml as text: rows of cells, a cell's paragraphs joined by "\n".
    static func tableText(_ document: XMLElement) -> [[String]] {
        var rows: [[String]] = []
        document.forEachElement { e in
            guard e.name == "w:tr" else { return }
            rows.append(e.elements.filter { $0.name == "w:tc" }.map { tc in
                tc.elements.filter { $0.name == "w:p" }.map(\.textContent).joined(separator: "\n")
            })
        }
        return rows
    }

    static func paragraphs(_ document: XMLElement) -> [String] {
        document.child("w:body")?.elements.filter { $0.name == "w:p" }.map(\.textContent) ?? []
    }

    @Test func summarySheetIsALandscapeTableWithTitleAndSealLine() throws {
        let dir = TempDirectory()
        let table = try XLSXWriterTests.summary(dir)
        let out = "\(dir.path)/汇总.docx"
        try SummaryFormat.docx.write(table, to: out)
        let document = try ZipArchive(contentsOf: out).xml("word/document.xml").root
        // One table per recommender, each under its own title and 盖章 line, on its own page.
        #expect(table.parts.count == 3)
        #expect(Self.tableText(document) == table.parts.flatMap { [table.header] + table.rows[$0.rows] })
        let paragraphs = Self.paragraphs(document)
        #expect(paragraphs.first == "2025年全省数据要素市场化配置改革揭榜挂帅推荐汇总表")
        #expect(paragraphs.dropFirst().first == "推荐单位（盖章）：济南市大数据局填报日期：　　　　年　　月　　日")
        #expect(paragraphs.filter { $0.hasPrefix("推荐单位（盖章）：") } == ["济南市大数据局", "烟台市大数据局", "青岛市大数据局"].map {
            "推荐单位（盖章）：\($0)填报日期：　　　　年　　月　　日"
        })
        #expect(paragraphs.filter { $0.hasPrefix("填表人：") }.count == 3)
        var breaks = 0
        document.forEachElement { if $0.name == "w:pageBreakBefore" { breaks += 1 } }
        #expect(breaks == 3)
        let pgSz = try #require(document.child("w:body")?.child("w:sectPr")?.child("w:pgSz"))
        #expect(pgSz[attribute: "w:orient"] == "landscape")
        #expect(pgSz[attribute: "w:w"] == "16838")
        #expect(pgSz[attribute: "w:h"] == "11906")
        // The header row repeats on every page.
        var headerRows = 0
        document.forEachElement { if $0.name == "w:tblHeader" { headerRows += 1 } }
        #expect(headerRows == 3)
    }

    @Test func templateCarriesARowLoopOverTheColumns() throws {
        let spec = try SummarySpec.parse(FixtureForms.jbgs, path: "form.yaml")
        let document = try SummaryTemplate.archive(spec).xml("word/document.xml").root
        #expect(Self.tableText(document) == [
            ["序号", "推荐单位", "推荐排序", "揭榜单位", "榜单方向", "联系人", "联系电话", "申请资金（万元）", "备注"],
            ["{{#rows}}{{序号}}", "{{推荐单位}}", "{{推荐排序}}", "{{揭榜单位}}", "{{榜单方向}}", "{{联系人}}", "{{联系电话}}", "{{申请资金（万元）}}", "{{备注}}{{/rows}}"],
        ])
        #expect(Self.paragraphs(document) == ["{{#tables}}", "{{标题}}", "推荐单位（盖章）：{{推荐单位}}填报日期：{{填报日期}}",
                                              "填表人：{{填表人}}　　联系电话：{{联系电话}}", "{{/tables}}"])
        let data = SummaryTemplate.fillData(SummaryTable(title: "T", recommender: "R", columns: spec.columns, rows: [
            ["1", "济南市大数据局", "1", "甲", "数据产权", "王明", "139", "1.5", ""],
        ]))
        #expect(data["标题"]?.text == "T")
        #expect(data["rows"]?.list?.first?["揭榜单位"]?.text == "甲")
        #expect(data["tables"]?.list?.first?["推荐单位"]?.text == "R")
        #expect(data["tables"]?.list?.first?["rows"]?.list?.first?["揭榜单位"]?.text == "甲")
    }

    /// A bureau that only received DOCX files gets the same summary as from the data files.
    @Test func docxSubmissionsSummariseLikeTheirDataFiles() throws {
        let dir = TempDirectory()
        let templates = try dir.fixtureTemplates()
        let generated = try SubmissionFactory.jbgs(in: dir)
        var docxPaths: [String] = []
        for g in generated {
            let data = try DataFile.load(g.path)
            let name = (g.path as NSString).lastPathComponent.replacingOccurrences(of: ".yaml", with: ".docx")
            docxPaths.append(try dir.write("docx/\(name)", DOCXSubmission.bytes(data: data, form: "jbgs-test")))
        }
        let spec = try SummarySpec.load(formID: "jbgs-test", templatesDirectory: templates)
        let fromData = try SummaryBuilder.build(spec: spec, paths: generated.map(\.path)).table
        let fromDOCX = try SummaryBuilder.build(spec: spec, paths: docxPaths).table
        #expect(fromDOCX == fromData)
        #expect(fromDOCX.rows.count == 30)
        for format in SummaryFormat.allCases {
            #expect(try format.bytes(fromDOCX) == format.bytes(fromData), "\(format)")
        }
        // Mixed inboxes work too.
        let mixed = try SummaryBuilder.build(spec: spec, paths: Array(generated.map(\.path).prefix(15)) + docxPaths.suffix(15)).table
        #expect(mixed.rows == fromData.rows)
    }

    @Test func editedOrPlainDOCXIsRefusedAtItsFile() throws {
        let dir = TempDirectory()
        let templates = try dir.fixtureTemplates()
        let generated = try SubmissionFactory.jbgs(in: dir)
        let data = try DataFile.load(generated[0].path)
        let tampered = try dir.write("tampered.docx", DOCXSubmission.bytes(data: data, form: "jbgs-test", tamper: true))
        let plain = "\(dir.path)/plain.docx"
        try SummaryFormat.docx.write(SummaryTable(title: "x", recommender: "", columns: [.serialNumber], rows: []), to: plain)
        let notZip = try dir.write("broken.docx", "not a zip")
        let spec = try SummarySpec.load(formID: "jbgs-test", templatesDirectory: templates)
        let error = try #require(throws: DiagnosticsError.self) {
            try SummaryBuilder.build(spec: spec, paths: [tampered, plain, notZip, generated[0].path])
        }
        let lines = error.diagnostics.map(\.description)
        #expect(lines.count == 3)
        #expect(lines.contains { $0.hasPrefix("\(tampered): customXml/item1.xml: error: 嵌入数据的校验值不符（记录sha256=0000") })
        #expect(lines.contains("\(plain): error: 这份DOCX不含shenbao填写时嵌入的数据（customXml中没有sb:data），请提交数据文件或由shenbao生成的DOCX"))
        #expect(lines.contains("\(notZip): error: \(notZip): 不是 DOCX/XLSX 文件（不是 zip 压缩包）"))
    }
}

@Suite struct SummaryTemplateTagTests {
    /// A column labelled by a dotted key still fills: its tag is written with `·`, which the
    /// fill engine does not take for a path.
    @Test func dottedLabelsFill() throws {
        let spec = try SummarySpec.parse("""
            id: t
            title: 测试申报表
            summary:
              columns: [单位名称, {key: 联系人.电话, label: 联系人.电话}]
            fields:
              - {key: 单位名称}
              - {key: 联系人, type: group, fields: [{key: 电话}]}

            """, path: "form.yaml")
        #expect(spec.columns.map(\.label) == ["序号", "推荐单位", "推荐排序", "单位名称", "联系人.电话", "备注"])
        #expect(SummaryTemplate.tagName("联系人.电话") == "联系人·电话")
        #expect(SummaryTemplate.tagName("{#名称}") == "名称")
        let table = SummaryTable(title: spec.title, recommender: "", columns: spec.columns, rows: [
            ["1", "济南市大数据局", "1", "甲公司", "0531-51785094", ""],
        ])
        let document = try SummaryDocument.archive(table).xml("word/document.xml").root
        #expect(DOCXSummaryTests.tableText(document) == [table.header] + table.rows)
        let template = try SummaryTemplate.archive(spec).xml("word/document.xml").root
        #expect(DOCXSummaryTests.tableText(template).last?.suffix(2) == ["{{联系人·电话}}", "{{备注}}{{/rows}}"])
    }
}

@Suite struct StockTemplateTests {
    /// A package's summary.docx that nobody restyled gives the layout fitted to the values.
    @Test func stockTemplateIsRefitted() throws {
        let dir = TempDirectory()
        let table = try XLSXWriterTests.summary(dir)
        let stock = SummaryTemplate.archive(columns: table.columns, title: table.title)
        #expect(try SummaryDocument.archive(table, template: stock).serialized() == SummaryDocument.archive(table).serialized())
        var restyled = stock
        var core = try restyled.xml("docProps/core.xml")
        core.root.children.append(.element(XMLElement("dc:subject", children: [.text("市大数据局")])))
        restyled.setXML("docProps/core.xml", core)
        #expect(try SummaryDocument.archive(table, template: restyled).serialized() != SummaryDocument.archive(table).serialized())
    }
}

@Suite struct DOCXSummaryRenderingTests {
    /// LibreOffice lays the summary out on landscape A4 with every row: read back with poppler.
    @Test(.enabled(if: RequiredTools.present(.libreOffice, .poppler)))
    func libreOfficePrintsEveryRowOnLandscapeA4() throws {
        let dir = TempDirectory("summary-pdf")
        let table = try XLSXWriterTests.summary(dir)
        let docx = "\(dir.path)/汇总.docx"
        try SummaryFormat.docx.write(table, to: docx)
        let pdf = try TestConversion.pdf(of: docx, in: dir.path)
        let info = try ExternalTool.run("pdfinfo", [pdf], timeout: 30, package: "poppler-utils")
        // Landscape A4: 841.89 × 595.3 pt.
        #expect(info.outputText.contains(" 841.89 x 595."), "\(info.outputText)")
        // pdftotext spaces CJK from digits and breaks wrapped cells: compare without whitespace.
        let raw = try ExternalTool.run("pdftotext", [pdf, "-"], timeout: 30, package: "poppler-utils").outputText
        let text = String(raw.unicodeScalars.filter { !CharacterSet.whitespacesAndNewlines.contains($0) }.map(Character.init))
        #expect(text.contains("2025年全省数据要素市场化配置改革揭榜挂帅推荐汇总表"))
        #expect(text.contains("推荐单位（盖章）："))
        for row in table.rows {
            #expect(text.contains(row[3]), "\(row[3]) missing from the PDF")
            #expect(text.contains(row[6]), "\(row[6]) missing from the PDF")
        }
    }
}
