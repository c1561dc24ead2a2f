/// A kind of tag, claimed by its prefix or shape: docxtemplater's modules (loop, rawxml, …).
///
/// Features are asked in order; the first that returns a kind owns the tag. A feature throws
/// `TagSyntaxError` when the tag is its own but malformed. `ValueFeature` claims what is left.
protocol TagFeature: Sendable {
    /// The prefix this feature claims (`#`, `^`, `/`, `@`, `!`, `%`, `=`), if any.
    var prefix: Character? { get }
    /// Parses the tag's trimmed content; nil when the tag is not this feature's.
    func parse(_ content: Substring) throws(TagSyntaxError) -> TagKind?
}

extension TagFeature {
    var prefix: Character? { nil }

    /// The content after this feature's prefix, when it starts with it.
    func body(_ content: Substring) -> Substring? {
        guard let prefix, content.first == prefix else { return nil }
        return content.dropFirst()
    }
}

/// Why a tag cannot be read.
struct TagSyntaxError: Error, Sendable {
    var message: String
    init(_ message: String) { self.message = message }
}

/// The features every template understands, in the order they are asked.
enum TagFeatures {
    static let standard: [any TagFeature] = [
        DelimiterChangeFeature(), CommentFeature(), SectionFeature(prefix: "#"), SectionFeature(prefix: "^"),
        CloseFeature(), ExplicitElementFeature(), AtFeature(), ImageFeature(), CheckboxFeature(), ValueFeature(),
    ]

    /// The kind of a tag's content.
    static func kind(of content: String) throws(TagSyntaxError) -> TagKind {
        let trimmed = content.trimmingSpaces
        if trimmed.isEmpty { throw TagSyntaxError("空标签") }
        for feature in standard {
            if let kind = try feature.parse(trimmed) { return kind }
        }
        throw TagSyntaxError("无法识别的标签")
    }

    static func path(_ text: Substring) throws(TagSyntaxError) -> DataPath {
        guard let path = DataPath(parsing: text) else {
            throw TagSyntaxError("数据路径“\(text.trimmingSpaces)”无效")
        }
        return path
    }
}

/// `{{=[[ ]]=}}`: the lexer already switched delimiters; the tag renders nothing.
struct DelimiterChangeFeature: TagFeature {
    var prefix: Character? { "=" }
    func parse(_ content: Substring) throws(TagSyntaxError) -> TagKind? {
        guard body(content) != nil else { return nil }
        return .comment
    }
}

/// `{{! comment }}`.
struct CommentFeature: TagFeature {
    var prefix: Character? { "!" }
    func parse(_ content: Substring) throws(TagSyntaxError) -> TagKind? {
        body(content) == nil ? nil : .comment
    }
}

/// `{{#path}}` and `{{^path}}`.
struct SectionFeature: TagFeature {
    let prefix: Character?
    func parse(_ content: Substring) throws(TagSyntaxError) -> TagKind? {
        guard let rest = body(content) else { return nil }
        return .sectionOpen(try TagFeatures.path(rest), inverted: prefix == "^")
    }
}

/// `{{/path}}` and `{{/}}`.
struct CloseFeature: TagFeature {
    var prefix: Character? { "/" }
    func parse(_ content: Substring) throws(TagSyntaxError) -> TagKind? {
        guard let rest = body(content) else { return nil }
        if rest.trimmingSpaces.isEmpty { return .sectionClose(nil) }
        return .sectionClose(try TagFeatures.path(rest))
    }
}

/// `{{@index}}`, and `{{@path}}` raw XML as docxtemplater's rawxml module.
struct AtFeature: TagFeature {
    var prefix: Character? { "@" }
    func parse(_ content: Substring) throws(TagSyntaxError) -> TagKind? {
        guard let rest = body(content) else { return nil }
        if rest.trimmingSpaces == "index" { return .index }
        return .rawXML(try TagFeatures.path(rest))
    }
}

/// `{{%path}}`: an image.
struct ImageFeature: TagFeature {
    var prefix: Character? { "%" }
    func parse(_ content: Substring) throws(TagSyntaxError) -> TagKind? {
        guard let rest = body(content) else { return nil }
        return .image(try TagFeatures.path(rest))
    }
}

/// `{{path=选项}}`: a checkbox.
struct CheckboxFeature: TagFeature {
    func parse(_ content: Substring) throws(TagSyntaxError) -> TagKind? {
        guard let eq = content.firstIndex(of: "="), !content[..<eq].contains("|") else { return nil }
        let option = content[content.index(after: eq)...].trimmingSpaces
        if option.isEmpty { throw TagSyntaxError("勾选框 \(content) 的 = 后面没有选项") }
        return .checkbox(try TagFeatures.path(content[..<eq]), option: String(option))
    }
}

/// `{{path}}` and `{{path | formatter "arg"}}`: the default feature.
struct ValueFeature: TagFeature {
    func parse(_ content: Substring) throws(TagSyntaxError) -> TagKind? {
        let pieces = FormatterSyntax.splitPipes(content)
        let path = try TagFeatures.path(pieces[0])
        var calls: [FormatterCall] = []
        for piece in pieces.dropFirst() {
            let call = try FormatterSyntax.call(piece)
            guard ValueFormatters.names.contains(call.name) else {
                throw TagSyntaxError("未知的格式“\(call.name)”（可用：\(ValueFormatters.names.joined(separator: ", "))）")
            }
            calls.append(call)
        }
        return .value(path, calls)
    }
}

/// `{{-w:tr path}}`: docxtemplater's loop over an explicitly named enclosing element.
struct ExplicitElementFeature: TagFeature {
    var prefix: Character? { "-" }
    func parse(_ content: Substring) throws(TagSyntaxError) -> TagKind? {
        guard let rest = body(content) else { return nil }
        let words = rest.split(separator: " ", maxSplits: 1)
        guard words.count == 2, words[0].contains(":") else {
            throw TagSyntaxError("显式循环应写成 -w:tr 路径")
        }
        return .sectionOpen(try TagFeatures.path(words[1]), inverted: false, element: String(words[0]))
    }
}
