import ShenbaoOOXML

/// A tag a template uses, with the tags inside it when it is a section.
public struct TemplateTag: Sendable, Equatable {
    public enum Kind: String, Sendable {
        case value, section, invertedSection = "inverted-section", index, checkbox, image, rawXML = "raw-xml", comment
    }

    public var kind: Kind
    /// The tag as written (`{{#人员}}`).
    public var text: String
    /// The data path it reads (`人员`, `单位.名称`), nil for `{{@index}}` and comments.
    public var path: String?
    /// Where it stands (`word/document.xml, table 1, row 2, cell 1`).
    public var place: String
    public var children: [TemplateTag]
}

/// Lists the tags of a template.
public enum TemplateTags {
    /// The tags of every part as a tree: sections contain their tags; close tags are left out.
    /// - Throws: `DiagnosticsError` when the template has malformed tags (all of them).
    public static func list(_ template: ZipArchive, options: FillOptions = FillOptions()) throws -> [TemplateTag] {
        list(try TemplateFiller(template: template, options: options))
    }

    /// The tags of an already compiled template.
    public static func list(_ filler: TemplateFiller) -> [TemplateTag] {
        var stack: [TemplateTag] = [TemplateTag(kind: .section, text: "", path: nil, place: "", children: [])]
        for part in filler.parsedParts {
            for (n, kind) in part.kinds.enumerated() {
                let lexed = part.lexed.tags[n]
                var tag = TemplateTag(kind: .value, text: lexed.raw, path: nil, place: lexed.place.description, children: [])
                switch kind {
                case .value(let p, _): tag.path = p.description
                case .sectionOpen(let p, let inverted, _):
                    tag.kind = inverted ? .invertedSection : .section
                    tag.path = p.description
                    stack.append(tag)
                    continue
                case .sectionClose:
                    if stack.count > 1 {
                        let done = stack.removeLast()
                        stack[stack.count - 1].children.append(done)
                    }
                    continue
                case .index: tag.kind = .index
                case .checkbox(let p, _): tag.kind = .checkbox; tag.path = p.description
                case .image(let p): tag.kind = .image; tag.path = p.description
                case .rawXML(let p): tag.kind = .rawXML; tag.path = p.description
                case .comment: tag.kind = .comment
                }
                stack[stack.count - 1].children.append(tag)
            }
        }
        while stack.count > 1 {
            let done = stack.removeLast()
            stack[stack.count - 1].children.append(done)
        }
        return stack[0].children
    }
}
