import ShenbaoTestSupport
import Foundation
import ShenbaoCore
import ShenbaoOOXML
import ShenbaoPDF
import Testing

@Suite struct FontCoverageTests {
    /// Covers ASCII and the CJK block only, so results do not depend on this machine's fonts.
    static let coverage: CharacterSet21 = {
        var set = CharacterSet21()
        set.insert(fontconfigRanges: "20-7e 3000-303f 4e00-9fff ff00-ffef")
        return set
    }()

    static let namespace = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\""

    static func docx(_ parts: [String: String]) -> ZipArchive {
        ZipArchive(path: "申报书.docx", entries: parts.sorted { $0.key < $1.key }.map { ZipArchive.Entry(name: $0.key, bytes: Array($0.value.utf8)) })
    }

    @Test func namesEachUncoveredCharacterWithItsLocation() {
        let archive = Self.docx([
            "word/document.xml": """
                <w:document \(Self.namespace)><w:body><w:p><w:r><w:t>单位名称</w:t></w:r></w:p>\
                <w:tbl><w:tr><w:tc><w:p><w:r><w:t>法定代表人：王</w:t></w:r><w:r><w:t>𪚥 A</w:t></w:r></w:p></w:tc></w:tr></w:tbl>\
                </w:body></w:document>
                """,
            "word/header1.xml": "<w:hdr \(Self.namespace)><w:p><w:r><w:t>页眉é</w:t></w:r></w:p></w:hdr>",
            "word/footer1.xml": "<w:ftr \(Self.namespace)><w:p><w:r><w:t>— 1 —</w:t></w:r></w:p></w:ftr>",
            "word/footnotes.xml": "<w:footnotes \(Self.namespace)><w:footnote><w:p/><w:p><w:r><w:t>注①</w:t></w:r></w:p></w:footnote></w:footnotes>",
        ])
        let found = FontCoverage.check(docx: archive, coverage: Self.coverage).sorted()
        #expect(found.map(\.description) == [
            "申报书.docx: word/document.xml, table 1, row 1, cell 1: error: U+2A6A5「𪚥」 不在任何已安装的字体中，打印出来会是空框，位于 “法定代表人：王𪚥 A”",
            "申报书.docx: word/footer1.xml, paragraph 1: error: U+2014「—」 不在任何已安装的字体中，打印出来会是空框，位于 “— 1 —”",
            "申报书.docx: word/footnotes.xml, paragraph 2: error: U+2460「①」 不在任何已安装的字体中，打印出来会是空框，位于 “注①”",
            "申报书.docx: word/header1.xml, paragraph 1: error: U+00E9「é」 不在任何已安装的字体中，打印出来会是空框，位于 “页眉é”",
        ])
        #expect(found.allSatisfy { $0.code == "uncovered-character" && $0.severity == .error })
    }

    @Test func installedFontsCoverTheFormsCharacters() throws {
        let archive = try SpecimenForm(number: 3).archive()
        #expect(try FontCoverage.check(docx: archive).isEmpty)
        #expect(FontCoverage.describe("一") == "U+4E00「一」")
    }

    @Test func longParagraphIsQuotedAroundTheCharacter() {
        let text = "本单位承诺所填报内容真实、准确、完整，如有虚假愿承担责任。"
        let archive = Self.docx([
            "word/document.xml": "<w:document \(Self.namespace)><w:body><w:p><w:r><w:t>\(text.prefix(14))é\(text.dropFirst(14))</w:t></w:r></w:p></w:body></w:document>"
        ])
        #expect(FontCoverage.check(docx: archive, coverage: Self.coverage).first?.message.hasSuffix("位于 “…诺所填报内容真实、准é确、完整，…”") == true)
    }

    @Test func textBoxFallbackCopyIsNotCheckedTwice() {
        let box = "<w:txbxContent><w:p><w:r><w:t>盖章é</w:t></w:r></w:p></w:txbxContent>"
        let archive = Self.docx([
            "word/document.xml": """
                <w:document \(Self.namespace) xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><w:body><w:p><w:r>\
                <mc:AlternateContent><mc:Choice Requires="wps"><w:drawing>\(box)</w:drawing></mc:Choice>\
                <mc:Fallback><w:pict>\(box)</w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p></w:body></w:document>
                """
        ])
        let found = FontCoverage.check(docx: archive, coverage: Self.coverage)
        #expect(found.map(\.place) == ["word/document.xml, paragraph 1, text box 1"])
    }

    @Test func brokenPartIsReportedNotSkipped() {
        let archive = Self.docx(["word/document.xml": "<w:document \(Self.namespace)><w:body>"])
        let found = FontCoverage.check(docx: archive, coverage: Self.coverage)
        #expect(found.map(\.code.rawValue) == ["unreadable-part"])
        #expect(found.first?.place == "word/document.xml")
    }
}

@Suite struct FontSubstitutionTests {
    @Test func prefersTheBestInstalledFaceAndFallsBack() throws {
        let latin: Set<String> = ["Liberation Serif", "Liberation Sans", "Liberation Mono", "DejaVu Sans"]
        let all: Set<String> = latin.union(["Noto Serif CJK SC", "Noto Serif CJK SC Light", "Noto Serif CJK SC SemiBold", "Noto Sans CJK SC", "AR PL KaitiM GB"])
        let table = try FontSubstitution.resolve(installed: all)
        #expect(table.face(for: "宋体") == "Noto Serif CJK SC")
        #expect(table.face(for: "仿宋_GB2312") == "Noto Serif CJK SC Light")
        #expect(table.face(for: "楷体_GB2312") == "AR PL KaitiM GB")
        #expect(table.face(for: "黑体") == "Noto Sans CJK SC")
        #expect(table.face(for: "方正小标宋简体") == "Noto Serif CJK SC")
        #expect(table.face(for: "Segoe UI Symbol") == "DejaVu Sans")
        #expect(table.face(for: "Times New Roman") == "Liberation Serif")

        let plain = try FontSubstitution.resolve(installed: latin.union(["Noto Serif CJK SC", "Noto Sans CJK SC"]))
        #expect(plain.face(for: "仿宋") == "Noto Serif CJK SC")
        #expect(plain.face(for: "KaiTi") == "Noto Serif CJK SC")

        let withRealSimSun = try FontSubstitution.resolve(installed: all.union(["SimSun"]))
        #expect(withRealSimSun.face(for: "SimSun") == nil)
    }

    @Test func profileRegistryTurnsReplacementOnForPrinting() throws {
        let table = try FontSubstitution.resolve(installed: ["Noto Serif CJK SC", "Noto Sans CJK SC", "Liberation Serif", "Liberation Sans", "Liberation Mono", "DejaVu Sans"])
        let root = try XMLParser.parse(Array(table.registryModifications().utf8), part: "registrymodifications.xcu").root
        let items = root.elements
        let replacement = items.first { $0[attribute: "oor:path"] == "/org.openoffice.Office.Common/Font/Substitution" }
        #expect(replacement?.textContent == "true")
        let pairs = items.filter { $0[attribute: "oor:path"] == "/org.openoffice.Office.Common/Font/Substitution/FontPairs" }
        #expect(pairs.count == table.pairs.count)
        for (item, pair) in zip(pairs, table.pairs) {
            let props = Dictionary(uniqueKeysWithValues: item.elements[0].elements.map { ($0[attribute: "oor:name"] ?? "", $0.textContent) })
            #expect(props == ["Always": "true", "OnScreenOnly": "false", "ReplaceFont": pair.formFont, "SubstituteFont": pair.face])
        }
    }
}
