import ShenbaoCore
import ShenbaoOOXML

/// Writes a template back with each problem as a Word comment at its place, so whoever owns
/// the template sees them where they are (`shenbao fill --annotate`).
public enum TemplateAnnotator {
    static let commentsType = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments"
    static let commentsContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"

    /// The template with one comment per diagnostic. Comments can only stand in the main
    /// document: problems in headers, footers or notes are attached to its first paragraph.
    /// - Throws: `XMLError` or `FillError` when the template cannot be read.
    public static func annotate(_ template: ZipArchive, with diagnostics: [Diagnostic]) throws -> ZipArchive {
        var archive = template
        let main = try TemplateParts.mainDocument(of: archive)
        let commentsName = WordPackage.relationships(of: main, in: archive).first { $0.kind == "comments" }?.target ?? "word/comments.xml"
        var comments = try archive[commentsName].map { try XMLParser.parse($0, part: commentsName) }
            ?? XMLPart(root: XMLElement("w:comments", attributes: [XMLAttribute("xmlns:w", "http://schemas.openxmlformats.org/wordprocessingml/2006/main")]))
        var nextID = (comments.root.elements.compactMap { Int($0[attribute: "w:id"] ?? "") }.max() ?? -1) + 1
        var byPlace: [String: [Int]] = [:]
        var firstParagraph: [Int] = []
        for d in diagnostics.sorted() {
            let id = nextID
            nextID += 1
            let place = d.place ?? ""
            let text = d.place.map { "\($0): " } ?? ""
            comments.root.children.append(.element(XMLElement("w:comment", attributes: [
                XMLAttribute("w:id", String(id)), XMLAttribute("w:author", "shenbao"), XMLAttribute("w:initials", "sb"),
            ], children: [.element(paragraph(text + d.message))])))
            if place.hasPrefix(main + ",") { byPlace[place, default: []].append(id) } else { firstParagraph.append(id) }
        }
        var document = try archive.xml(main)
        var marking = Marking(tracker: DocxLocationTracker(part: main), byPlace: byPlace, leftovers: firstParagraph)
        mark(&document.root, &marking)
        archive.setXML(main, document)
        archive.setXML(commentsName, comments)
        try WordPackage.addRelationship(from: main, type: commentsType, target: TemplateParts.relative(commentsName, from: main), in: &archive)
        try WordPackage.addOverride("/" + commentsName, type: commentsContentType, in: &archive)
        return archive
    }

    private static func paragraph(_ text: String) -> XMLElement {
        XMLElement("w:p", children: [.element(XMLElement("w:r", children: [
            .element(XMLElement("w:t", attributes: [XMLAttribute("xml:space", "preserve")], children: [.text(text)]))
        ]))])
    }

    /// The walk's state: where it stands, the comments still to place by place, those of other
    /// parts (for the first paragraph), and those met in a text box, for its anchor paragraph.
    private struct Marking {
        var tracker: DocxLocationTracker
        var byPlace: [String: [Int]]
        var leftovers: [Int]
        var first = true
        var inTextBoxes: [Int] = []
    }

    /// Comments a problem's paragraph; one in a text box goes to the paragraph the box is
    /// anchored in, for Word keeps no comment inside a text box.
    private static func mark(_ element: inout XMLElement, _ m: inout Marking) {
        for i in element.children.indices {
            guard case .element(var child) = element.children[i] else { continue }
            m.tracker.enter(child.name)
            var ids: [Int] = []
            let isParagraph = child.name == "w:p"
            if isParagraph {
                ids = m.byPlace.removeValue(forKey: m.tracker.current.description) ?? []
                if m.first { ids += m.leftovers; m.leftovers = []; m.first = false }
                if m.tracker.isInTextBox { m.inTextBoxes += ids; ids = [] }
            }
            mark(&child, &m)
            if isParagraph && !m.tracker.isInTextBox {
                ids += m.inTextBoxes
                m.inTextBoxes = []
            }
            if !ids.isEmpty { addComments(ids, to: &child) }
            m.tracker.leave(child.name)
            element.children[i] = .element(child)
        }
    }

    private static func addComments(_ ids: [Int], to p: inout XMLElement) {
        let start = p.children.first.flatMap { if case .element(let e) = $0, e.name == "w:pPr" { return 1 } else { return nil } } ?? 0
        for id in ids.reversed() {
            p.children.insert(.element(XMLElement("w:commentRangeStart", attributes: [XMLAttribute("w:id", String(id))])), at: start)
        }
        for id in ids {
            p.children.append(.element(XMLElement("w:commentRangeEnd", attributes: [XMLAttribute("w:id", String(id))])))
            p.children.append(.element(XMLElement("w:r", children: [
                .element(XMLElement("w:commentReference", attributes: [XMLAttribute("w:id", String(id))]))
            ])))
        }
    }
}

extension TemplateParts {
    /// `word/comments.xml` seen from `word/document.xml` → `comments.xml`.
    static func relative(_ name: String, from part: String) -> String {
        let dir = part.split(separator: "/").dropLast().joined(separator: "/")
        if !dir.isEmpty, name.hasPrefix(dir + "/") { return String(name.dropFirst(dir.count + 1)) }
        return "/" + name
    }
}
