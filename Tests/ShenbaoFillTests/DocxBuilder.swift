import Foundation
import ShenbaoCore
import ShenbaoOOXML
import ShenbaoData

@testable import ShenbaoFill

/// Builds small DOCX packages from WordprocessingML written in the test, as Word lays them out.
struct DocxBuilder {
    static let namespaces = """
        xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" \
        xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" \
        xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" \
        xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" \
        xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" \
        xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" \
        xmlns:v="urn:schemas-microsoft-com:vml" \
        xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" mc:Ignorable="w14"
        """

    var body: String
    var headers: [String] = []
    var numbering: String?
    /// Footnotes (`w:footnote` elements) for word/footnotes.xml.
    var footnotes: String?

    init(_ body: String) { self.body = body }

    func archive() -> ZipArchive {
        var overrides = "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"
        var rels = ""
        var entries: [ZipArchive.Entry] = []
        for (i, h) in headers.enumerated() {
            overrides += "<Override PartName=\"/word/header\(i + 1).xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml\"/>"
            rels += "<Relationship Id=\"rIdH\(i + 1)\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/header\" Target=\"header\(i + 1).xml\"/>"
            entries.append(.init(name: "word/header\(i + 1).xml", bytes: Array("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:hdr \(Self.namespaces)>\(h)</w:hdr>".utf8)))
        }
        if let numbering {
            overrides += "<Override PartName=\"/word/numbering.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml\"/>"
            rels += "<Relationship Id=\"rIdN\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering\" Target=\"numbering.xml\"/>"
            entries.append(.init(name: "word/numbering.xml", bytes: Array("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:numbering \(Self.namespaces)>\(numbering)</w:numbering>".utf8)))
        }
        if let footnotes {
            overrides += "<Override PartName=\"/word/footnotes.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml\"/>"
            rels += "<Relationship Id=\"rIdF\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes\" Target=\"footnotes.xml\"/>"
            entries.append(.init(name: "word/footnotes.xml", bytes: Array("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:footnotes \(Self.namespaces)>\(footnotes)</w:footnotes>".utf8)))
        }
        let types = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>\(overrides)</Types>
            """
        let packageRels = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>
            """
        let documentRels = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\(rels)</Relationships>
            """
        let headerReferences = headers.indices.prefix(1).map { "<w:headerReference w:type=\"default\" r:id=\"rIdH\($0 + 1)\"/>" }.joined()
        let document = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:document \(Self.namespaces)><w:body>\(body)<w:sectPr>\(headerReferences)</w:sectPr></w:body></w:document>"
        return ZipArchive(path: "template.docx", entries: [
            .init(name: "[Content_Types].xml", bytes: Array(types.utf8)),
            .init(name: "_rels/.rels", bytes: Array(packageRels.utf8)),
            .init(name: "word/document.xml", bytes: Array(document.utf8)),
            .init(name: "word/_rels/document.xml.rels", bytes: Array(documentRels.utf8)),
        ] + entries)
    }
}

/// Reading results back the way a reviewer would.
enum Docx {
    static func xml(_ archive: ZipArchive, _ part: String = "word/document.xml") -> String {
        String(decoding: archive[part] ?? [], as: UTF8.self)
    }

    /// The text of each paragraph (w:t contents, `\n` for w:br), paragraphs joined by `|`.
    static func paragraphs(_ archive: ZipArchive, _ part: String = "word/document.xml") throws -> [String] {
        let root = try XMLParser.parse(archive[part] ?? [], part: part).root
        var out: [String] = []
        func walk(_ e: XMLElement) {
            if e.name == "w:p" {
                var text = ""
                func collect(_ x: XMLElement) {
                    for c in x.children {
                        guard case .element(let child) = c else { continue }
                        if child.name == "w:p" { continue }
                        if child.name == "w:t" { text += child.textContent }
                        if child.name == "w:br" { text += "\n" }
                        collect(child)
                    }
                }
                collect(e)
                out.append(text)
            }
            for c in e.elements { walk(c) }
        }
        walk(root)
        return out
    }

    static func count(_ needle: String, in haystack: String) -> Int {
        haystack.components(separatedBy: needle).count - 1
    }
}

/// Data written as YAML in the test, read by the data stage's reader.
func yaml(_ text: String) throws -> DataValue {
    let path = NSTemporaryDirectory() + "shenbao-fill-\(UUID().uuidString).yaml"
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    defer { try? FileManager.default.removeItem(atPath: path) }
    return try DataFile.load(path)
}

func fill(_ builder: DocxBuilder, _ data: DataValue, _ configure: (inout FillOptions) -> Void = { _ in }) throws -> ZipArchive {
    var options = FillOptions()
    options.embedData = false
    configure(&options)
    return try TemplateFiller(template: builder.archive(), options: options).fill(with: data)
}

/// A run with text, as Word writes it.
func run(_ text: String, bold: Bool = false) -> String {
    "<w:r>\(bold ? "<w:rPr><w:b/></w:rPr>" : "")<w:t xml:space=\"preserve\">\(text)</w:t></w:r>"
}

func para(_ runs: String...) -> String { "<w:p>\(runs.joined())</w:p>" }

func cell(_ content: String) -> String { "<w:tc><w:tcPr><w:tcW w:w=\"2000\" w:type=\"dxa\"/></w:tcPr>\(content)</w:tc>" }
