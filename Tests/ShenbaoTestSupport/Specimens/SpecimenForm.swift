import ShenbaoOOXML

/// A realistic one-to-two-page 申报表 built in code, as the fill stage produces them: a header and
/// a page-number footer, a 小标宋 title, 黑体 and 楷体 headings, 仿宋_GB2312 body text, a 宋体 table
/// and a 42 mm red seal floating in front of the unit's name. Tests and the benchmark convert it;
/// it depends on no template file.
package struct SpecimenForm: Sendable {
    package var company: String
    package var creditCode: String
    package var product: String
    /// Text added to the last body paragraph (e.g. a character no font covers).
    package var extraText = ""
    /// The seal's width and height on the page.
    package var sealMillimetres = 42.0

    /// The `number`th specimen: the same form with different company data.
    package init(number: Int) {
        let names = ["华创精密机械", "青禾生物科技", "远航新材料", "智联电子信息", "恒泰节能环保"]
        company = "江苏\(names[number % names.count])有限公司（第\(number)号）"
        creditCode = "91320100MA1\(String(format: "%05d", number))X"
        product = ["高精度数控机床主轴", "植物源生物农药", "碳纤维复合材料", "工业物联网网关", "余热回收装置"][number % 5]
    }

    /// The document as a DOCX package (parts parsed and serialized by ShenbaoOOXML).
    package func archive(path: String = "specimen.docx") throws -> ZipArchive {
        var parts: [(String, String)] = [
            ("[Content_Types].xml", SpecimenParts.contentTypes),
            ("_rels/.rels", SpecimenParts.packageRelationships),
            ("docProps/core.xml", SpecimenParts.coreProperties(title: "\(company)申报表")),
            ("word/_rels/document.xml.rels", SpecimenParts.documentRelationships),
            ("word/header1.xml", SpecimenParts.header),
            ("word/footer1.xml", SpecimenParts.footer),
            ("word/document.xml", document),
        ]
        parts.sort { $0.0 == "[Content_Types].xml" && $1.0 != "[Content_Types].xml" }
        var entries = try parts.map { name, xml in
            ZipArchive.Entry(name: name, bytes: XMLSerializer.serialize(try XMLParser.parse(Array(xml.utf8), part: name)))
        }
        entries.append(ZipArchive.Entry(name: "word/media/seal.png", bytes: SealImage.redRing()))
        return ZipArchive(path: path, entries: entries)
    }

    var document: String {
        let rows = [
            ("企业名称", company, "统一社会信用代码", creditCode),
            ("注册地址", "南京市江宁区秣陵街道天元中路88号", "成立日期", "2016年5月18日"),
            ("主导产品", product, "所属领域", "高端装备制造"),
            ("联系人", "王晓梅", "联系电话", "025-52123456"),
            ("上年度营业收入（万元）", "12,580.36", "研发投入占比", "6.8%"),
        ]
        let table = SpecimenParts.table(rows)
        let body = (1...3).map { i in
            SpecimenParts.paragraph(
                [SpecimenParts.run("仿宋_GB2312", 32, "\(i)．企业坚持专业化发展战略，长期专注并深耕于\(product)细分市场，"
                    + "主导产品在国内细分市场占有率位居前列，拥有发明专利\(i + 2)项、实用新型专利\(12 + i)项，"
                    + "近两年主营业务收入年均增长率达到\(10 + i).5%。")],
                indentFirstLine: true)
        }.joined()
        return """
            <w:document \(SpecimenParts.namespaces)><w:body>\
            \(SpecimenParts.paragraph([SpecimenParts.run("黑体", 32, "附件1")]))\
            \(SpecimenParts.paragraph([SpecimenParts.run("方正小标宋简体", 44, "2025年度专精特新中小企业申报表")], centred: true))\
            \(SpecimenParts.paragraph([SpecimenParts.run("黑体", 32, "一、企业基本情况")]))\
            \(table)\
            \(SpecimenParts.paragraph([SpecimenParts.run("黑体", 32, "二、专业化发展情况")]))\
            \(SpecimenParts.paragraph([SpecimenParts.run("楷体_GB2312", 32, "（一）主导产品与市场地位")]))\
            \(body)\
            \(SpecimenParts.paragraph([SpecimenParts.run("仿宋_GB2312", 32, "本单位承诺所填报内容真实、准确、完整。" + extraText)], indentFirstLine: true))\
            \(SpecimenParts.paragraph([SpecimenParts.run("仿宋_GB2312", 32, "申报单位（盖章）：\(company)")], right: true))\
            \(SpecimenParts.paragraph([SpecimenParts.seal(millimetres: sealMillimetres), SpecimenParts.run("仿宋_GB2312", 32, "2025年6月30日")], right: true))\
            <w:sectPr><w:headerReference w:type="default" r:id="rIdHeader"/><w:footerReference w:type="default" r:id="rIdFooter"/>\
            <w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1588" \
            w:header="851" w:footer="992" w:gutter="0"/></w:sectPr></w:body></w:document>
            """
    }
}
