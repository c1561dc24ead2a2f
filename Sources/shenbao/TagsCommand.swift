import ArgumentParser
import Foundation
import ShenbaoCore
import ShenbaoFill
import ShenbaoOOXML

/// `shenbao tags TEMPLATE.docx`: the tags a template uses, as a tree with places.
struct TagsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tags",
        abstract: "列出模板使用的标签（区块内含其中的标签）及其位置。",
        discussion: "示例：shenbao tags template.docx --format json")

    enum Format: String, ExpressibleByArgument { case text, json }

    @Argument(help: "模板（.docx）。") var template: String
    @Option(help: "text 或 json。") var format: Format = .text
    @Option(help: "标签定界符，例如 \"{ }\"。") var delimiters: String?

    func run() throws {
        var options = FillOptions()
        if let delimiters {
            guard let d = Delimiters(spec: delimiters) else { throw ValidationError(CommandWording.delimitersHelp) }
            options.delimiters = d
        }
        do {
            let tags = try TemplateTags.list(try ZipArchive(contentsOf: template), options: options)
            switch format {
            case .text: Terminal.out(tags.map { text($0, indent: "") }.joined(), terminator: "")
            case .json:
                Terminal.out(JSONWriter.pretty(JSONValue(any: tags.map(json)) ?? .null), terminator: "")
            }
        } catch {
            throw fail(error)
        }
    }

    private func text(_ tag: TemplateTag, indent: String) -> String {
        var line = "\(indent)\(tag.text)  [\(tag.kind.rawValue)]  \(tag.place)\n"
        for child in tag.children { line += text(child, indent: indent + "  ") }
        return line
    }

    private func json(_ tag: TemplateTag) -> [String: Any] {
        var o: [String: Any] = ["kind": tag.kind.rawValue, "tag": tag.text, "place": tag.place]
        if let path = tag.path { o["path"] = path }
        if !tag.children.isEmpty { o["children"] = tag.children.map(json) }
        return o
    }
}
