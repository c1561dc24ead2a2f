import ShenbaoCore
import Yams

/// Prints a data tree as YAML through Yams' emitter, faithful to the tree's types: a string that
/// YAML would read as something else (`13912345678`, `true`, `null`, `1.0`) is quoted, numbers
/// and booleans stay plain. What it prints reads back (`DataFile.parse`) to the same tree and the
/// same digest.
public enum DataYAML {
    /// The YAML text of `value`, block style, Chinese unescaped, lines never folded.
    /// - Throws: `YamlError` when the emitter fails (it does not for trees `DataFile` reads).
    public static func render(_ value: DataValue) throws -> String {
        try Yams.serialize(node: node(value), width: -1, allowUnicode: true)
    }

    static func node(_ value: DataValue) -> Node {
        switch value.kind {
        case .null: return Node("null", Tag(.null))
        case .bool(let b): return Node(b ? "true" : "false", Tag(.bool))
        case .number(let n): return Node(n, Tag(.float))
        case .string(let s): return string(s)
        case .list(let items): return Node(items.map(node))
        case .map(let map): return Node(map.entries.map { (string($0.key), node($0.value)) })
        }
    }

    /// A string scalar, quoted when a plain scalar would resolve to another type; a multi-line one
    /// as a literal block (`|`) where YAML allows it.
    private static func string(_ s: String) -> Node {
        let plain = Node.Scalar(s)
        let style: Node.Scalar.Style =
            Resolver.default.resolveTag(of: .scalar(plain)) != .str ? .doubleQuoted : s.contains("\n") ? .literal : .any
        return .scalar(Node.Scalar(s, Tag(.str), style))
    }
}
