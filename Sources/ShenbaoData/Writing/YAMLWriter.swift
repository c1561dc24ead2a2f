import ShenbaoCore
import Yams

/// Prints a data tree as YAML through Yams' emitter, so that `DataFile` reads it back to the same
/// value: block style, keys in their order, numbers and booleans plain, and a string quoted
/// whenever a plain scalar would read as something else (`'13912345678'`, `'true'`, `''`,
/// `'0x1F'`, and text the reader would take for a Chinese-punctuation mistake, `'“济南”'`); text
/// over several lines as a literal block (`|`). Dates stay plain
/// (`2022-12-08`): shenbao reads them as text, and so does YAML 1.2's core schema.
public enum YAMLWriter {
    /// The YAML text of `value`, each line of `comments` first as a `# ` comment.
    /// - Throws: `DiagnosticsError` (`yaml-unprintable`) when the emitter refuses the tree.
    public static func render(_ value: DataValue, comments: [String] = []) throws -> String {
        let text: String
        do {
            text = try Yams.serialize(node: node(value), indent: 2, width: -1, allowUnicode: true)
        } catch {
            throw DiagnosticsError([.error(.yamlUnprintable, "无法输出为 YAML：\(error)")])
        }
        return comments.map { "# \($0)\n" }.joined() + text
    }

    /// Resolves plain scalars as YAML 1.1 tools do (yes/no, 0o17, .inf, ~), less timestamps.
    private static let otherReaders: Resolver = Resolver.basic
        .appending(.bool).appending(.int).appending(.float).appending(.merge).appending(.null).appending(.value)

    static func node(_ value: DataValue) -> Node {
        switch value.kind {
        case .null: return .scalar(.init("null", .implicit, .plain))
        case .bool(let b): return .scalar(.init(b ? "true" : "false", .implicit, .plain))
        case .number(let n): return .scalar(.init(n, .implicit, .plain))
        case .string(let s): return .scalar(scalar(s))
        case .list(let items): return .sequence(.init(items.map(node), .implicit, .block))
        case .map(let map):
            return .mapping(.init(map.entries.map { (Node.scalar(scalar($0.key)), node($0.value)) }, .implicit, .block))
        }
    }

    /// A string as a scalar that reads back as that string.
    static func scalar(_ s: String) -> Node.Scalar {
        if s.contains("\n") { return .init(s, .implicit, .literal) }
        return .init(s, .implicit, readsAsText(s) ? .plain : .singleQuoted)
    }

    /// Whether `s` written plain reads back as the string `s`, by shenbao and by other YAML tools.
    static func readsAsText(_ s: String) -> Bool {
        let plain = Node.Scalar(s, .implicit, .plain)
        guard case .string(let read) = YAMLReader.scalarKind(s, plain: true), read == s, !ChinesePunctuation.needsQuotes(s) else { return false }
        return otherReaders.resolveTag(of: Node.scalar(plain)) == .str
    }
}
