import ShenbaoCore
import ShenbaoOOXML
import Testing

@testable import ShenbaoFill

/// The lexer alone: no zip, just a paragraph's XML as Word splits it.
@Suite struct TagLexerTests {
    private func lex(_ paragraph: String, delimiters: Delimiters = .mustache) throws -> (LexedPart, [Diagnostic], String) {
        let xml = "<w:body xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">\(paragraph)</w:body>"
        let root = try XMLParser.parse(Array(xml.utf8), part: "word/document.xml").root
        var lexer = TagLexer(part: "word/document.xml", delimiters: delimiters)
        let part = lexer.lex(XMLFlattener.tokens(of: root))
        var out = ""
        for t in part.tokens {
            switch t {
            case .start(let e): out += "<\(e.name)>"
            case .empty(let e): out += "<\(e.name)/>"
            case .end(let n): out += "</\(n)>"
            case .text(let s): out += s
            case .raw(let r): out += r
            case .tag(let n): out += "«\(part.tags[n].content)»"
            }
        }
        return (part, lexer.diagnostics, out)
    }

    @Test func tagSplitOverThreeRunsWithProofErrAndBookmarkMovesIntoTheFirstRun() throws {
        let p = """
            <w:p><w:r><w:rPr><w:b/></w:rPr><w:t>姓名：{{</w:t></w:r><w:proofErr w:type="spellStart"/>\
            <w:bookmarkStart w:id="0" w:name="x"/><w:r><w:t>单位.</w:t></w:r><w:proofErr w:type="spellEnd"/>\
            <w:r><w:rPr><w:i/></w:rPr><w:t>名称}}。</w:t></w:r><w:bookmarkEnd w:id="0"/></w:p>
            """
        let (part, diagnostics, text) = try lex(p)
        #expect(diagnostics.isEmpty)
        #expect(part.tags.map(\.raw) == ["{{单位.名称}}"])
        #expect(text == "<w:body><w:p><w:r><w:rPr><w:b/></w:rPr><w:t>姓名：«单位.名称»</w:t></w:r><w:proofErr/><w:bookmarkStart/><w:r><w:t></w:t></w:r><w:proofErr/><w:r><w:rPr><w:i/></w:rPr><w:t>。</w:t></w:r><w:bookmarkEnd/></w:p></w:body>")
    }

    @Test func rsidSplitsAndSmartTagsAndPageBreakMarksDoNotMatter() throws {
        let p = """
            <w:p><w:r w:rsidR="00A1"><w:t>{</w:t></w:r><w:smartTag w:uri="u" w:element="x"><w:r w:rsidR="00B2">\
            <w:lastRenderedPageBreak/><w:t>{#人</w:t></w:r></w:smartTag><w:r w:rsidR="00C3"><w:t>员}</w:t></w:r>\
            <w:r><w:instrText>{{not a tag}}</w:instrText></w:r><w:r><w:t>}</w:t></w:r></w:p>
            """
        let (part, diagnostics, _) = try lex(p)
        #expect(diagnostics.isEmpty)
        #expect(part.tags.map(\.content) == ["#人员"])
    }

    @Test func textBoxParagraphsAreLexedOnTheirOwn() throws {
        let p = """
            <w:p><w:r><w:t>外{{a</w:t></w:r><w:r><w:pict><w:txbxContent><w:p><w:r><w:t>{{b}}</w:t></w:r></w:p></w:txbxContent></w:pict></w:r><w:r><w:t>}}</w:t></w:r></w:p>
            """
        let (part, diagnostics, _) = try lex(p)
        #expect(diagnostics.isEmpty)
        #expect(part.tags.map(\.content).sorted() == ["a", "b"])
    }

    @Test func unclosedAndUnopenedTagsAreReportedWithTheirParagraph() throws {
        let (_, diagnostics, _) = try lex("<w:p><w:r><w:t>ok</w:t></w:r></w:p><w:p><w:r><w:t>名称 {{单位</w:t></w:r></w:p><w:p><w:r><w:t>x}}</w:t></w:r></w:p>")
        #expect(diagnostics.map(\.description) == [
            "word/document.xml, paragraph 2: error: 标签 {{单位 没有闭合（段落结束前没有 }}）",
            "word/document.xml, paragraph 3: error: “x}}”中的 }} 前面没有 {{",
        ])
    }

    @Test func delimitersChangeInsideTheTemplate() throws {
        let (part, diagnostics, _) = try lex("<w:p><w:r><w:t>{{=[[ ]]=}}[[a]] {{b}} [[={{ }}=]]{{c}}</w:t></w:r></w:p>")
        #expect(diagnostics.isEmpty)
        #expect(part.tags.map(\.raw) == ["{{=[[ ]]=}}", "[[a]]", "[[={{ }}=]]", "{{c}}"])
    }
}
