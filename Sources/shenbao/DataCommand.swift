import ArgumentParser
import Foundation
import ShenbaoCore
import ShenbaoFill
import ShenbaoOOXML

/// `shenbao data OUT.docx`: prints the data a filled document carries.
struct DataCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "data",
        abstract: "Print the data a filled DOCX carries (embedded by `shenbao fill`).",
        discussion: """
            Example: shenbao data 申报表.docx --format json
            Data edited after filling (its content no longer hashes to the recorded sha256) or that
            cannot be read is refused with exit 1 and nothing printed on standard output.
            """)

    enum Format: String, ExpressibleByArgument { case yaml, json }

    @Argument(help: "A document filled by shenbao.") var document: String
    @Option(help: "yaml or json.") var format: Format = .yaml

    func run() throws {
        do {
            guard let embedded = try EmbeddedData.readVerified(from: ZipArchive(contentsOf: document)) else {
                FileHandle.standardError.write(Data("\(document): 不含 shenbao 填写时嵌入的数据（customXml 中没有 sb:data）\n".utf8))
                throw ExitCode(1)
            }
            switch format {
            case .json: print(String(decoding: embedded.data.canonicalJSON(), as: UTF8.self))
            case .yaml:
                print("# form: \(embedded.formID ?? "-")  sha256: \(embedded.sha256)")
                print(EmbeddedDataYAML.render(embedded.data), terminator: "")
            }
        } catch let exit as ExitCode {
            throw exit
        } catch {
            throw fail(error)
        }
    }
}

/// A plain YAML rendering of a data tree (block style, strings quoted when YAML would misread them).
enum EmbeddedDataYAML {
    static func render(_ value: DataValue, indent: String = "") -> String {
        switch value.kind {
        case .map(let m):
            if m.isEmpty { return indent + "{}\n" }
            var out = ""
            for e in m.entries {
                switch e.value.kind {
                case .map(let inner) where !inner.isEmpty: out += "\(indent)\(scalar(e.key)):\n" + render(e.value, indent: indent + "  ")
                case .list(let l) where !l.isEmpty: out += "\(indent)\(scalar(e.key)):\n" + render(e.value, indent: indent + "  ")
                default: out += "\(indent)\(scalar(e.key)): \(inline(e.value))\n"
                }
            }
            return out
        case .list(let items):
            if items.isEmpty { return indent + "[]\n" }
            var out = ""
            for item in items {
                let nestedBlock: Bool
                switch item.kind {
                case .map(let m): nestedBlock = !m.isEmpty
                case .list(let l): nestedBlock = !l.isEmpty
                default: nestedBlock = false
                }
                switch nestedBlock {
                case true:
                    let nested = render(item, indent: indent + "  ")
                    out += indent + "- " + nested.dropFirst(indent.count + 2)
                case false: out += "\(indent)- \(inline(item))\n"
                }
            }
            return out
        default: return indent + inline(value) + "\n"
        }
    }

    private static func inline(_ value: DataValue) -> String {
        switch value.kind {
        case .null: return "null"
        case .bool(let b): return b ? "true" : "false"
        case .number(let n): return n
        case .string(let s): return scalar(s)
        case .map: return "{}"
        case .list: return "[]"
        }
    }

    private static func scalar(_ s: String) -> String {
        let special = s.isEmpty || s.contains(where: { ":#{}[],&*!|>'\"%@`\n\t".contains($0) }) || s.first == " " || s.last == " "
            || s.first == "-" || s.first == "?" || ["null", "true", "false", "~", "yes", "no"].contains(s.lowercased())
        guard special else { return s }
        let escaped = s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            .replacingOccurrences(of: "\n", with: "\\n").replacingOccurrences(of: "\t", with: "\\t")
        return "\"\(escaped)\""
    }
}
