import ShenbaoOOXML


/// styles.xml for the summary workbook: 宋体 11pt, bold for the header, thin borders, wrapped
/// text in text columns (number format `@`, so Excel keeps typed phone numbers as text), centered numbers.
enum XLSXStyles {
    static func styleSheet() -> XMLElement {
        let font = { (bold: Bool, size: Int) in
            XMLBuild.el("font", [:], (bold ? [XMLBuild.el("b")] : []) + [
                XMLBuild.el("sz", ["val": String(size)]), XMLBuild.el("name", ["val": "宋体"]),
                XMLBuild.el("family", ["val": "3"]), XMLBuild.el("charset", ["val": "134"]),
            ])
        }
        let thin = { (side: String) in XMLBuild.el(side, ["style": "thin"], [XMLBuild.el("color", ["auto": "1"])]) }
        let xf = { (font: String, border: String, extra: KeyValuePairs<String, String>, numFmt: String, alignment: XMLElement?) -> XMLElement in
            var e = XMLBuild.el("xf", ["numFmtId": numFmt, "fontId": font, "fillId": "0", "borderId": border, "xfId": "0"])
            for (k, v) in extra { e[attribute: k] = v }
            if let alignment { e.children = [.element(alignment)] }
            return e
        }
        return XMLBuild.el("styleSheet", ["xmlns": XLSXWriter.main], [
            XMLBuild.el("fonts", ["count": "3"], [font(false, 11), font(true, 11), font(true, 16)]),
            XMLBuild.el("fills", ["count": "2"], [
                XMLBuild.el("fill", [:], [XMLBuild.el("patternFill", ["patternType": "none"])]),
                XMLBuild.el("fill", [:], [XMLBuild.el("patternFill", ["patternType": "gray125"])]),
            ]),
            XMLBuild.el("borders", ["count": "2"], [
                XMLBuild.el("border", [:], ["left", "right", "top", "bottom", "diagonal"].map { XMLBuild.el($0) }),
                XMLBuild.el("border", [:], ["left", "right", "top", "bottom"].map(thin) + [XMLBuild.el("diagonal")]),
            ]),
            XMLBuild.el("cellStyleXfs", ["count": "1"], [
                XMLBuild.el("xf", ["numFmtId": "0", "fontId": "0", "fillId": "0", "borderId": "0"]),
            ]),
            XMLBuild.el("cellXfs", ["count": "6"], [
                xf("0", "0", [:], "0", nil),
                xf("1", "1", ["applyFont": "1", "applyBorder": "1", "applyAlignment": "1"], "0",
                   XMLBuild.el("alignment", ["horizontal": "center", "vertical": "center", "wrapText": "1"])),
                xf("0", "1", ["applyNumberFormat": "1", "applyBorder": "1", "applyAlignment": "1"], "49",
                   XMLBuild.el("alignment", ["vertical": "center", "wrapText": "1"])),
                xf("0", "1", ["applyBorder": "1", "applyAlignment": "1"], "0",
                   XMLBuild.el("alignment", ["horizontal": "center", "vertical": "center"])),
                xf("2", "0", ["applyFont": "1", "applyAlignment": "1"], "0",
                   XMLBuild.el("alignment", ["horizontal": "center", "vertical": "center"])),
                xf("0", "0", ["applyAlignment": "1"], "0", XMLBuild.el("alignment", ["vertical": "center"])),
            ]),
            XMLBuild.el("cellStyles", ["count": "1"], [XMLBuild.el("cellStyle", ["name": "Normal", "xfId": "0", "builtinId": "0"])]),
        ])
    }
}
