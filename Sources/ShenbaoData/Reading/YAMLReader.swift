import ShenbaoCore
import Yams

/// Reads YAML through Yams' node tree (`Yams.compose`), not `Decodable`, so every scalar keeps the
/// text that was typed and every node its line and column.
enum YAMLReader {
    /// The value and the duplicate keys found (the later duplicates are left out of the value).
    /// - Throws: `DiagnosticsError` for syntax errors and refused inputs.
    static func read(_ text: String, path: String, limits: DataLimits) throws -> (DataValue, [Diagnostic]) {
        let scan = YAMLPrescan.scan(text, path: path, depthBound: 3 * limits.maximumDepth + 8)
        if let deep = scan.tooDeep {
            throw DiagnosticsError([LimitMessages.tooDeep(at: deep.location, limits: limits)])
        }
        if !scan.complexKeys.isEmpty {
            throw DiagnosticsError(scan.complexKeys.map {
                .error(.complexKey, at: $0, "键必须是文字，不能是列表、映射或别名（*名称）")
            })
        }
        var source = text
        var duplicates: [Diagnostic] = []
        var node: Node?
        var renamed = 0
        while true {
            do {
                // No tag resolution: values keep their text, and hashing keys for Yams'
                // duplicate check needs no regular expressions.
                node = try Yams.compose(yaml: source, Resolver.basic)
                break
            } catch YamlError.duplicatedKeysInMapping(let names, let context) {
                let first = SourceLocation(file: path, line: context.mark.line, column: context.mark.column)
                let name = names.first ?? ""
                guard renamed < 100, let second = DuplicateKeyFinder.nextOccurrence(in: source, after: context.mark) else {
                    duplicates.append(.error(.duplicateKey, at: first, label: name, "键在同一层出现了不止一次，请删去多余的一个"))
                    throw DiagnosticsError(duplicates)
                }
                duplicates.append(.error(
                    .duplicateKey, at: SourceLocation(file: path, line: second.line, column: second.column), label: name,
                    "键重复，第一次出现在第 \(first.line) 行第 \(first.column) 列"))
                source = DuplicateKeyFinder.renaming(second, in: source, serial: renamed)
                renamed += 1
            } catch let error as YamlError {
                throw DiagnosticsError(duplicates + [YAMLErrorMessages.diagnostic(error, path: path, text: source)])
            }
        }
        guard let root = node else {
            return (DataValue(.map(DataMap()), at: SourceLocation(file: path, line: 1, column: 1)), duplicates)
        }
        // Count first, allocating nothing, so a bomb is refused before any value is built; the
        // converter keeps its own budget as a safety net.
        var remaining = limits.maximumExpandedValues
        if !Converter.fits(root, within: &remaining) {
            throw DiagnosticsError([Converter.overBudget(at: SourceLocation(file: path, line: 1, column: 1), limits: limits, sawAliases: scan.aliasCount > 0)])
        }
        var converter = Converter(path: path, limits: limits, budget: limits.maximumExpandedValues, sawAliases: scan.aliasCount > 0)
        return (try converter.convert(root, depth: 1), duplicates)
    }

    /// Converts Yams nodes to `DataValue`s, counting values against the alias budget and refusing
    /// nesting past the limit.
    struct Converter {
        let path: String
        let limits: DataLimits
        var budget: Int
        let sawAliases: Bool

        func location(_ node: Node) -> SourceLocation? {
            node.mark.map { SourceLocation(file: path, line: $0.line, column: $0.column) }
        }

        mutating func convert(_ node: Node, depth: Int) throws -> DataValue {
            budget -= 1
            if budget < 0 {
                throw DiagnosticsError([Self.overBudget(at: location(node), limits: limits, sawAliases: sawAliases)])
            }
            switch node {
            case .scalar(let s):
                return DataValue(Self.scalarKind(s), at: location(node))
            case .alias:
                return DataValue(.null, at: location(node))
            case .sequence(let seq):
                try checkDepth(node, depth)
                var items: [DataValue] = []
                items.reserveCapacity(seq.count)
                for item in seq { items.append(try convert(item, depth: depth + 1)) }
                return DataValue(.list(items), at: location(node))
            case .mapping(let mapping):
                try checkDepth(node, depth)
                var map = DataMap()
                for (key, value) in mapping {
                    guard case .scalar(let k) = key else {
                        throw DiagnosticsError([.error(.complexKey, at: location(key), "键必须是文字，不能是列表或映射")])
                    }
                    if DuplicateKeyFinder.isRenamed(k.string) { continue }
                    map.append(DataMap.Entry(key: k.string, keyLocation: location(key), value: try convert(value, depth: depth + 1)))
                }
                return DataValue(.map(map), at: location(node))
            }
        }

        /// Whether `node` expands to at most `remaining` values (which it decrements).
        static func fits(_ node: Node, within remaining: inout Int) -> Bool {
            remaining -= 1
            if remaining < 0 { return false }
            switch node {
            case .scalar, .alias: return true
            case .sequence(let seq):
                for item in seq where !fits(item, within: &remaining) { return false }
                return true
            case .mapping(let mapping):
                for (key, value) in mapping {
                    if !fits(key, within: &remaining) || !fits(value, within: &remaining) { return false }
                }
                return true
            }
        }

        static func overBudget(at location: SourceLocation?, limits: DataLimits, sawAliases: Bool) -> Diagnostic {
            sawAliases
                ? .error(.aliasExpansion, at: location, "展开别名（*名称）后数据超过 \(limits.maximumExpandedValues) 个值，疑似“十亿笑声”式的别名炸弹，拒绝读取")
                : .error(.tooManyValues, at: location, "数据超过 \(limits.maximumExpandedValues) 个值，拒绝读取")
        }

        private func checkDepth(_ node: Node, _ depth: Int) throws {
            if depth > limits.maximumDepth {
                throw DiagnosticsError([LimitMessages.tooDeep(at: location(node), limits: limits)])
            }
        }

        /// Plain `null`/`~`/empty is null, plain `true`/`false` a bool, a plain scalar written as a
        /// JSON number (`52`, `1.50`, `-3e2`) a number with that literal text (so YAML and JSON
        /// give the same canonical JSON); everything else is text, exactly as typed (`0531`,
        /// `2022-12-10`, `+86 139…`, `无`).
        static func scalarKind(_ s: Node.Scalar) -> DataValue.Kind {
            guard s.style == .plain else { return .string(s.string) }
            switch s.string {
            case "", "~", "null", "Null", "NULL": return .null
            case "true", "True", "TRUE": return .bool(true)
            case "false", "False", "FALSE": return .bool(false)
            default: return isJSONNumber(s.string) ? .number(s.string) : .string(s.string)
            }
        }

        /// Whether `text` matches JSON's number grammar: `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`.
        static func isJSONNumber(_ text: String) -> Bool {
            var b = Array(text.utf8)[...]
            func digits() -> Int {
                var n = 0
                while let c = b.first, (0x30...0x39).contains(c) { b = b.dropFirst(); n += 1 }
                return n
            }
            if b.first == 0x2D { b = b.dropFirst() }
            if b.first == 0x30 { b = b.dropFirst() } else if digits() == 0 { return false }
            if b.first == 0x2E { b = b.dropFirst(); if digits() == 0 { return false } }
            if b.first == 0x65 || b.first == 0x45 {
                b = b.dropFirst()
                if b.first == 0x2B || b.first == 0x2D { b = b.dropFirst() }
                if digits() == 0 { return false }
            }
            return b.isEmpty
        }
    }
}

/// Messages for refused inputs, shared by the YAML and JSON readers.
enum LimitMessages {
    static func tooDeep(at location: SourceLocation?, limits: DataLimits) -> Diagnostic {
        .error(.tooDeep, at: location, "列表和映射嵌套超过 \(limits.maximumDepth) 层，拒绝读取")
    }
}
