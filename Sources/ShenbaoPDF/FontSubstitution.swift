/// Which installed face LibreOffice uses for each font the forms name.
///
/// The forms ask for Windows and Founder fonts (宋体, 仿宋_GB2312, 黑体, 楷体_GB2312, 方正小标宋简体)
/// that Linux machines do not have; left alone, LibreOffice draws them all with one Japanese sans
/// face. Each family of form fonts has a list of stand-ins, best first, all with Simplified Chinese
/// glyph forms: serif faces for 宋/仿宋/楷/小标宋, sans faces for 黑/雅黑. The first installed one wins.
/// Chosen by rendering pages (see docs/pdf.md): Noto Serif CJK SC draws 宋 better than AR PL
/// SungtiL GB; its Light weight comes nearest to 仿宋's thin strokes; AR PL KaitiM GB is the only
/// true 楷 face. 小标宋 and 黑体 print heavy because the templates set their titles and headings
/// bold (as the notices' own forms do) and fonts-noto-cjk has Bold faces of both Noto Serif and
/// Noto Sans CJK SC; the SemiBold/Black weights of fonts-noto-cjk-extra (134 MB) are not needed, and
/// a bold run on SemiBold would print heavier still, so 小标宋 maps to the family that has Bold.
/// The □/☑ boxes are set in Segoe UI Symbol (Windows) and drawn with DejaVu Sans, the one face
/// here with both glyphs, so ticked and unticked boxes are one size.
package struct FontSubstitution: Sendable, Equatable {
    /// A group of form font names that share their stand-ins.
    package struct Group: Sendable, Equatable {
        /// Font names as Word documents write them in `w:rFonts`.
        package var formFonts: [String]
        /// Installed family names to use instead, best first.
        package var candidates: [String]
        /// The Debian package that provides the last-resort candidate.
        package var package: String
    }

    /// One replacement LibreOffice applies: `formFont` is drawn with `face`.
    package struct Pair: Sendable, Equatable {
        package var formFont: String
        package var face: String
    }

    /// The groups shenbao ships.
    package static let groups: [Group] = [
        Group(
            formFonts: ["宋体", "SimSun", "新宋体", "NSimSun", "华文宋体", "STSong", "方正书宋_GBK", "方正书宋简体"],
            candidates: ["Noto Serif CJK SC", "AR PL SungtiL GB"], package: "fonts-noto-cjk"),
        Group(
            formFonts: ["仿宋", "仿宋_GB2312", "FangSong", "FangSong_GB2312", "华文仿宋", "STFangsong", "方正仿宋_GBK", "方正仿宋简体"],
            candidates: ["Noto Serif CJK SC Light", "Noto Serif CJK SC", "AR PL SungtiL GB"], package: "fonts-noto-cjk"),
        Group(
            formFonts: ["楷体", "楷体_GB2312", "KaiTi", "KaiTi_GB2312", "华文楷体", "STKaiti", "方正楷体_GBK", "方正楷体简体"],
            candidates: ["AR PL KaitiM GB", "Noto Serif CJK SC"], package: "fonts-noto-cjk"),
        Group(
            formFonts: ["方正小标宋简体", "方正小标宋_GBK", "方正小标宋", "FZXiaoBiaoSong-B05S", "华文中宋", "STZhongsong"],
            candidates: ["Noto Serif CJK SC", "AR PL SungtiL GB"], package: "fonts-noto-cjk"),
        Group(
            formFonts: ["黑体", "SimHei", "华文黑体", "STHeiti", "方正黑体_GBK", "方正黑体简体"],
            candidates: ["Noto Sans CJK SC", "WenQuanYi Zen Hei"], package: "fonts-noto-cjk"),
        Group(
            formFonts: ["微软雅黑", "Microsoft YaHei", "等线", "DengXian"],
            candidates: ["Noto Sans CJK SC", "WenQuanYi Zen Hei"], package: "fonts-noto-cjk"),
        // Latin text (digits, dates, e-mail addresses): Word's faces by their metric-compatible
        // stand-ins. LibreOffice's own table maps them only when those are installed; without
        // them it silently takes DejaVu, which is wider, and a form re-wraps (sd-lab-2022 printed
        // 10 pages instead of 9). Named here, a missing face stops the run before converting.
        Group(formFonts: ["Times New Roman", "Times"], candidates: ["Liberation Serif"], package: "fonts-liberation2"),
        Group(formFonts: ["Arial", "Helvetica"], candidates: ["Liberation Sans"], package: "fonts-liberation2"),
        Group(formFonts: ["Courier New", "Courier"], candidates: ["Liberation Mono"], package: "fonts-liberation2"),
        Group(
            formFonts: ["Segoe UI Symbol", "Segoe UI Emoji"],
            candidates: ["DejaVu Sans", "OpenSymbol"], package: "fonts-dejavu-core"),
    ]

    /// The replacements, one per form font name, in the order of `groups`.
    package var pairs: [Pair]

    /// Picks, for every group, the first candidate among `families`; form fonts that are
    /// themselves installed are left alone.
    /// - Throws: `PDFSetupError.fontMissing` for the first group with no candidate installed.
    package static func resolve(installed families: Set<String>) throws -> FontSubstitution {
        var pairs: [Pair] = []
        for group in groups {
            guard let face = group.candidates.first(where: families.contains) else {
                throw PDFSetupError.fontMissing(
                    formFont: group.formFonts[0], candidates: group.candidates, package: group.package)
            }
            // A machine that has the real font (e.g. SimSun copied from Windows) keeps it.
            pairs += group.formFonts.filter { !families.contains($0) }.map { Pair(formFont: $0, face: face) }
        }
        return FontSubstitution(pairs: pairs)
    }

    /// The face LibreOffice will use for `formFont`, or nil when the table does not replace it.
    package func face(for formFont: String) -> String? {
        pairs.first { $0.formFont == formFont }?.face
    }

    /// The table as a LibreOffice user profile's `registrymodifications.xcu`: replacement turned on
    /// (`/org.openoffice.Office.Common/Font/Substitution`, Replacement=true) and one `FontPairs`
    /// node per pair with Always=true and OnScreenOnly=false, so that PDF export uses it too.
    package func registryModifications() -> String {
        var xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <oor:items xmlns:oor="http://openoffice.org/2001/registry" \
            xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
            <item oor:path="/org.openoffice.Office.Common/Font/Substitution">\
            <prop oor:name="Replacement" oor:op="fuse"><value>true</value></prop></item>

            """
        for (i, pair) in pairs.enumerated() {
            xml += "<item oor:path=\"/org.openoffice.Office.Common/Font/Substitution/FontPairs\">"
                + "<node oor:name=\"shenbao\(i)\" oor:op=\"replace\">"
                + property("Always", "true") + property("OnScreenOnly", "false")
                + property("ReplaceFont", escape(pair.formFont)) + property("SubstituteFont", escape(pair.face))
                + "</node></item>\n"
        }
        // The first-start wizard and the recovery dialog have no place in a headless batch.
        xml += "<item oor:path=\"/org.openoffice.Office.Common/Misc\">" + property("FirstRun", "false") + "</item>\n"
        xml += "<item oor:path=\"/org.openoffice.Office.Recovery/AutoSave\">" + property("Enabled", "false") + "</item>\n"
        return xml + "</oor:items>\n"
    }

    private func property(_ name: String, _ value: String) -> String {
        "<prop oor:name=\"\(name)\" oor:op=\"fuse\"><value>\(value)</value></prop>"
    }

    private func escape(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
    }
}
