import ShenbaoOOXML

/// The summary sheet's word/document.xml: what the direct writer fills with rows and what the
/// template carries with tags. Landscape A4 (297 × 210 mm), 20 mm margins.
enum SummaryLayout {
    /// Text width between the margins, in twentieths of a point: 297 mm − 2 × 20 mm.
    static let textWidth = 16838 - 2 * 1134

    static func document(
        title: String, recommender: String, columns: [SummaryColumn], rows: [[String]], textTwips: [Double]
    ) -> XMLElement {
        let twips = fit(textTwips, into: textWidth)
        // One table per recommender: the part between {{#tables}} and {{/tables}} repeats, each
        // starting on a new page (pageBreakBefore on the title, no blank first page).
        var body: [XMLElement] = [
            paragraph("{{#tables}}", font: nil, size: 21, bold: false, center: false, spacingAfter: 0),
            paragraph(title, font: "方正小标宋简体", size: 36, bold: true, center: true, spacingAfter: 240, pageBreakBefore: true),
            sealLine(recommender),
            table(columns: columns, rows: rows, twips: twips),
            paragraph("填表人：{{填表人}}　　联系电话：{{联系电话}}", font: nil, size: 28, bold: false, center: false, spacingAfter: 0,
                      spacingBefore: 120),
            paragraph("{{/tables}}", font: nil, size: 21, bold: false, center: false, spacingAfter: 0),
        ]
        body.append(XMLBuild.el("w:sectPr", [:], [
            XMLBuild.el("w:pgSz", ["w:w": "16838", "w:h": "11906", "w:orient": "landscape"]),
            XMLBuild.el("w:pgMar", ["w:top": "1134", "w:right": "1134", "w:bottom": "1134", "w:left": "1134",
                                    "w:header": "567", "w:footer": "567", "w:gutter": "0"]),
        ]))
        return XMLBuild.el("w:document", ["xmlns:w": SummaryPackage.w], [XMLBuild.el("w:body", [:], body)])
    }

    /// A cell's side margins (85 twips each) with some slack.
    static let cellPadding = 2.0 * 85 + 60

    /// How wide `text` prints at 10.5 pt, in twips: a CJK character 10.5 pt (210) plus a little,
    /// other characters 140 (digits in the DejaVu/Liberation faces LibreOffice substitutes are
    /// wider than Times New Roman's 105).
    static func textTwips(_ text: String) -> Double {
        text.unicodeScalars.reduce(0) { $0 + (XMLBuild.displayWidth(String($1)) == 2 ? 215 : 140) }
    }

    /// Twips a spec's `width:` (characters, as in a spreadsheet) stands for.
    static let twipsPerCharacter = 120.0

    /// Column widths in twips from the wanted text widths in twips. When everything fits, the
    /// spare room is shared in proportion; when not, columns that need less than an equal share
    /// get what they need (short values never wrap) and the rest share what is left.
    static func fit(_ wanted: [Double], into total: Int) -> [Int] {
        guard !wanted.isEmpty else { return [] }
        let need = wanted.map { $0 + cellPadding }
        let sum = need.reduce(0, +)
        if sum <= Double(total) {
            return need.map { Int(($0 / sum * Double(total)).rounded(.down)) }
        }
        var result = [Double](repeating: 0, count: need.count)
        var open = Array(need.indices).sorted { need[$0] < need[$1] }
        var room = Double(total)
        while let i = open.first {
            let share = room / Double(open.count)
            if need[i] > share {
                for j in open { result[j] = share }
                break
            }
            result[i] = need[i]
            room -= need[i]
            open.removeFirst()
        }
        return result.map { Int($0.rounded(.down)) }
    }

    /// 推荐单位（盖章）：X, and at the right margin the date to write by hand.
    private static func sealLine(_ recommender: String) -> XMLElement {
        XMLBuild.el("w:p", [:], [
            XMLBuild.el("w:pPr", [:], [
                XMLBuild.el("w:tabs", [:], [XMLBuild.el("w:tab", ["w:val": "right", "w:pos": String(textWidth)])]),
                XMLBuild.el("w:spacing", ["w:after": "120"]),
            ]),
            run("推荐单位（盖章）：" + recommender, font: nil, size: 28, bold: false),
            XMLBuild.el("w:r", [:], [runProperties(font: nil, size: 28, bold: false), XMLBuild.el("w:tab")]),
            run("填报日期：{{填报日期}}", font: nil, size: 28, bold: false),
        ])
    }

    private static func table(columns: [SummaryColumn], rows: [[String]], twips: [Int]) -> XMLElement {
        let border = { (side: String) in XMLBuild.el(side, ["w:val": "single", "w:sz": "4", "w:space": "0", "w:color": "000000"]) }
        var children: [XMLElement] = [
            XMLBuild.el("w:tblPr", [:], [
                XMLBuild.el("w:tblW", ["w:w": String(twips.reduce(0, +)), "w:type": "dxa"]),
                XMLBuild.el("w:jc", ["w:val": "center"]),
                XMLBuild.el("w:tblBorders", [:], ["w:top", "w:left", "w:bottom", "w:right", "w:insideH", "w:insideV"].map(border)),
                XMLBuild.el("w:tblLayout", ["w:type": "fixed"]),
                XMLBuild.el("w:tblCellMar", [:], [XMLBuild.el("w:left", ["w:w": "85", "w:type": "dxa"]),
                                                  XMLBuild.el("w:right", ["w:w": "85", "w:type": "dxa"])]),
            ]),
            XMLBuild.el("w:tblGrid", [:], twips.map { XMLBuild.el("w:gridCol", ["w:w": String($0)]) }),
        ]
        children.append(XMLBuild.el("w:tr", [:], [
            XMLBuild.el("w:trPr", [:], [XMLBuild.el("w:cantSplit"), rowHeight, XMLBuild.el("w:tblHeader")]),
        ] + columns.enumerated().map { i, c in
            cell(c.label, width: twips[i], font: "黑体", bold: false, center: true)
        }))
        for values in rows {
            children.append(XMLBuild.el("w:tr", [:], [XMLBuild.el("w:trPr", [:], [XMLBuild.el("w:cantSplit"), rowHeight])]
                + columns.enumerated().map { i, c in
                    cell(i < values.count ? values[i] : "", width: twips[i], font: nil, bold: false, center: c.kind == .number)
                }))
        }
        return XMLBuild.el("w:tbl", [:], children)
    }

    /// Rows at least 8 mm high, as printed forms have them.
    private static let rowHeight = XMLBuild.el("w:trHeight", ["w:val": "454", "w:hRule": "atLeast"])

    private static func cell(_ text: String, width: Int, font: String?, bold: Bool, center: Bool) -> XMLElement {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let paragraphs = (lines.isEmpty ? [""] : lines).map { line in
            paragraph(line, font: font, size: 21, bold: bold, center: center, spacingAfter: 0)
        }
        return XMLBuild.el("w:tc", [:], [
            XMLBuild.el("w:tcPr", [:], [XMLBuild.el("w:tcW", ["w:w": String(width), "w:type": "dxa"]),
                                        XMLBuild.el("w:vAlign", ["w:val": "center"])]),
        ] + paragraphs)
    }

    private static func paragraph(
        _ text: String, font: String?, size: Int, bold: Bool, center: Bool, spacingAfter: Int, spacingBefore: Int = 0,
        pageBreakBefore: Bool = false
    ) -> XMLElement {
        var pPr: [XMLElement] = pageBreakBefore ? [XMLBuild.el("w:pageBreakBefore")] : []
        pPr.append(XMLBuild.el("w:spacing", ["w:before": String(spacingBefore), "w:after": String(spacingAfter), "w:line": "240", "w:lineRule": "auto"]))
        if center { pPr.append(XMLBuild.el("w:jc", ["w:val": "center"])) }
        var children = [XMLBuild.el("w:pPr", [:], pPr)]
        if !text.isEmpty { children.append(run(text, font: font, size: size, bold: bold)) }
        return XMLBuild.el("w:p", [:], children)
    }

    private static func run(_ text: String, font: String?, size: Int, bold: Bool) -> XMLElement {
        XMLBuild.el("w:r", [:], [runProperties(font: font, size: size, bold: bold), XMLBuild.text("w:t", ["xml:space": "preserve"], text)])
    }

    private static func runProperties(font: String?, size: Int, bold: Bool) -> XMLElement {
        var props: [XMLElement] = []
        if let font { props.append(XMLBuild.el("w:rFonts", ["w:ascii": font, "w:hAnsi": font, "w:eastAsia": font])) }
        if bold { props.append(XMLBuild.el("w:b")) }
        props.append(XMLBuild.el("w:sz", ["w:val": String(size)]))
        props.append(XMLBuild.el("w:szCs", ["w:val": String(size)]))
        return XMLBuild.el("w:rPr", [:], props)
    }
}
