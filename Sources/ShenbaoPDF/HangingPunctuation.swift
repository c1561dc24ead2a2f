import ShenbaoOOXML

/// LibreOffice 7.4 loses a CJK punctuation mark (、，。) that would hang past the right margin at
/// the end of a justified line: the mark is neither drawn nor in the PDF's text (measured on
/// sd-award-scenario, sd-award-solution and sd-platform: 「情况、主要」 printed 「情况主要」).
/// An explicit `<w:overflowPunct w:val="1"/>` in the document defaults makes LibreOffice wrap
/// such a mark with the character before it instead; Word's rendering does not change (it is
/// Word's default). The copy LibreOffice converts carries it; the user's DOCX is not touched.
package enum HangingPunctuation {
    static let stylesPart = "word/styles.xml"

    /// Elements that follow `w:overflowPunct` in a `w:pPr` (ECMA-376 order).
    private static let laterSiblings: Set<String> = [
        "w:topLinePunct", "w:autoSpaceDE", "w:autoSpaceDN", "w:bidi", "w:adjustRightInd", "w:snapToGrid",
        "w:spacing", "w:ind", "w:contextualSpacing", "w:mirrorIndents", "w:suppressOverlap", "w:jc",
        "w:textDirection", "w:textAlignment", "w:textboxTightWrap", "w:outlineLvl", "w:divId", "w:cnfStyle",
        "w:rPr", "w:sectPr", "w:pPrChange",
    ]

    /// `archive` with the setting added to its paragraph defaults, or nil when it has no styles
    /// part or already says what it wants.
    package static func patched(_ archive: ZipArchive) throws -> ZipArchive? {
        guard archive[stylesPart] != nil else { return nil }
        var styles = try archive.xml(stylesPart)
        var root = styles.root
        var defaults = root.child("w:docDefaults") ?? XMLElement("w:docDefaults")
        var pPrDefault = defaults.child("w:pPrDefault") ?? XMLElement("w:pPrDefault")
        var pPr = pPrDefault.child("w:pPr") ?? XMLElement("w:pPr")
        guard pPr.child("w:overflowPunct") == nil else { return nil }
        let setting = XMLNode.element(XMLElement("w:overflowPunct", attributes: [XMLAttribute("w:val", "1")]))
        let at = pPr.children.firstIndex { node in
            if case .element(let e) = node { return laterSiblings.contains(e.name) }
            return false
        }
        pPr.children.insert(setting, at: at ?? pPr.children.count)
        replace("w:pPr", with: pPr, in: &pPrDefault, atStart: true)
        // w:pPrDefault follows w:rPrDefault.
        replace("w:pPrDefault", with: pPrDefault, in: &defaults, atStart: false)
        replace("w:docDefaults", with: defaults, in: &root, atStart: true)
        styles.root = root
        var out = archive
        out.setXML(stylesPart, styles)
        return out
    }

    /// Puts `element` in place of `parent`'s child of that name, or adds it first or last.
    private static func replace(_ name: String, with element: XMLElement, in parent: inout XMLElement, atStart: Bool) {
        if let i = parent.children.firstIndex(where: { if case .element(let e) = $0 { return e.name == name }; return false }) {
            parent.children[i] = .element(element)
        } else if atStart {
            parent.children.insert(.element(element), at: 0)
        } else {
            parent.children.append(.element(element))
        }
    }
}
