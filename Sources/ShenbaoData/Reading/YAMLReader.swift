import ShenbaoCore

/// Reads YAML from libyaml's event stream (`YAMLEventParser`) straight into `DataValue`s: every
/// scalar keeps the text that was typed and every value and key its line and column. In one pass
/// and without recursion deeper than the nesting limit it refuses deep nesting, counts values
/// (aliases by the size of what they copy, so a billion-laughs file is refused early), reports
/// every duplicate key at its second occurrence, refuses keys that are collections or aliases,
/// and catches punctuation typed the Chinese way (`ChinesePunctuation`).
struct YAMLReader {
    /// The value and the duplicate keys found (the later duplicates are left out of the value).
    /// - Throws: `DiagnosticsError` for syntax errors and refused inputs.
    static func read(_ text: String, path: String, limits: DataLimits) throws -> (DataValue, [Diagnostic]) {
        let bytes = Array(text.utf8)
        if countsMoreValues(bytes, than: limits.maximumExpandedValues) {
            throw DiagnosticsError([LimitMessages.tooManyValues(path: path, limits: limits)])
        }
        var reader = YAMLReader(bytes, path: path, limits: limits)
        let value = try reader.readDocument()
        let problems = reader.complexKeys + reader.punctuation
        if !problems.isEmpty { throw DiagnosticsError(reader.duplicates + problems) }
        return (value, reader.duplicates)
    }

    private let parser: YAMLEventParser
    private let source: SourceLines
    private let path: String
    /// `path` as a location, moved to each node's line and column.
    private let origin: SourceLocation
    private let limits: DataLimits
    /// Values read so far, aliases counted by their size, against `limits.maximumExpandedValues`.
    private var count = 0
    private var sawAlias = false
    private var anchors: [String: (value: DataValue, size: Int)] = [:]
    private var duplicates: [Diagnostic] = []
    private var complexKeys: [Diagnostic] = []
    private var punctuation: [Diagnostic] = []
    /// The lines inside the last quoted or block scalar read: text, not keys.
    private var textLines: ClosedRange<Int>?
    /// Where the last event read starts: after a collection, its closing `]` or `}`.
    private var lastEventStart = YAMLMark(line: 1, column: 1)

    /// Whether `bytes` hold more than `limit` values (keys, scalars, lists, maps; aliases not
    /// followed), counted from libyaml's events alone: a file of a million keys is refused in
    /// the time libyaml takes to scan it, before a value is built. A syntax error stops the count;
    /// the reading proper then reports it.
    static func countsMoreValues(_ bytes: [UInt8], than limit: Int) -> Bool {
        let parser = YAMLEventParser(bytes)
        var count = 0
        while let startsValue = try? parser.nextStartsValue() {
            if startsValue { count += 1 }
            if count > limit { return true }
        }
        return false
    }

    private init(_ bytes: [UInt8], path: String, limits: DataLimits) {
        parser = YAMLEventParser(bytes)
        source = SourceLines(bytes)
        self.path = path
        self.origin = .file(path)
        self.limits = limits
    }

    /// Where a node stands, for the checks that depend on it.
    fileprivate enum Position {
        case root, mappingValue(key: String), mappingKey, sequenceItem(flow: Bool)
    }

    private func location(_ mark: YAMLMark) -> SourceLocation {
        origin.moved(line: mark.line, column: mark.column)
    }

    private mutating func next() throws -> YAMLEvent {
        do {
            let event = try parser.next()
            lastEventStart = event.start
            return event
        } catch {
            if error.problem.hasPrefix("Maximum nesting level") {
                // libyaml's own bound (1000 levels), met while it looks ahead in `[[[[…`.
                let mark = error.contextMark ?? error.mark
                throw DiagnosticsError([LimitMessages.tooDeep(at: location(mark), limits: limits)])
            }
            let diagnostic = ChinesePunctuation.explain(error, in: source, textLines: textLines, path: path) ?? YAMLErrorMessages.diagnostic(error, path: path, source: source)
            throw DiagnosticsError(duplicates + punctuation + (punctuation.contains(diagnostic) ? [] : [diagnostic]))
        }
    }

    private mutating func readDocument() throws -> DataValue {
        let empty = DataValue(.map(DataMap()), at: SourceLocation(file: path, line: 1, column: 1))
        _ = try next()  // stream start
        let first = try next()
        guard first.kind == .documentStart else { return empty }
        let start = try next()
        if start.kind == .documentEnd { return empty }
        let value = try node(start, depth: 1, at: .root)
        _ = try next()  // document end
        let after = try next()
        if after.kind != .streamEnd {
            let error = YAMLSyntaxError(
                stage: .parser, problem: "but found another document", context: "expected a single document in the stream",
                contextMark: YAMLMark(line: 1, column: 1), mark: after.start)
            throw DiagnosticsError(duplicates + punctuation + [YAMLErrorMessages.diagnostic(error, path: path, source: source)])
        }
        return value
    }

    /// Reads the node that `event` starts, and everything in it.
    private mutating func node(_ event: YAMLEvent, depth: Int, at position: Position) throws -> DataValue {
        try countValues(1)
        let value: DataValue
        switch event.kind {
        case .scalar(let text, let plain):
            value = DataValue(Self.scalarKind(text, plain: plain), at: location(event.start))
            if !plain && event.end.line > event.start.line { textLines = event.start.line...event.end.line }
            if plain, let problem = ChinesePunctuation.check(text, at: event.start, position: position.punctuation, in: source, path: path) {
                punctuation.append(problem)
            }
        case .alias(let name):
            // libyaml has already refused an undefined alias.
            guard let anchored = anchors[name] else { return DataValue(.null, at: location(event.start)) }
            sawAlias = true
            try countValues(anchored.size - 1)
            return anchored.value
        case .sequenceStart(let flow):
            try checkDepth(depth, event)
            let before = count
            var items: [DataValue] = []
            while true {
                let item = try next()
                if item.kind == .sequenceEnd { break }
                items.append(try node(item, depth: depth + 1, at: .sequenceItem(flow: flow)))
            }
            value = DataValue(.list(items), at: location(event.start))
            if let anchor = event.anchor { anchors[anchor] = (value, count - before + 1) }
            return value
        case .mappingStart:
            try checkDepth(depth, event)
            let before = count
            let map = try mapping(depth: depth)
            value = DataValue(.map(map), at: location(event.start))
            if let anchor = event.anchor { anchors[anchor] = (value, count - before + 1) }
            return value
        default:
            return DataValue(.null, at: location(event.start))
        }
        if let anchor = event.anchor { anchors[anchor] = (value, 1) }
        return value
    }

    /// Reads a mapping's entries up to its end, keeping each key's first occurrence.
    private mutating func mapping(depth: Int) throws -> DataMap {
        var map = DataMap()
        while true {
            let keyEvent = try next()
            if keyEvent.kind == .mappingEnd { return map }
            _ = try node(keyEvent, depth: depth + 1, at: .mappingKey)
            let keyLocation = location(keyEvent.start)
            var name: String?
            switch keyEvent.kind {
            case .scalar(let text, _) where !source.isExplicitKey(at: keyEvent.start):
                name = text
            case .scalar:
                complexKeys.append(complexKey(at: source.indicatorBefore(keyEvent.start)))
            case .alias:
                complexKeys.append(complexKey(at: keyEvent.start))
            default:
                // A `[…]` or `{…}` key: reported where it closes, just before its colon.
                complexKeys.append(complexKey(at: lastEventStart))
            }
            let valueEvent = try next()
            let value = try node(valueEvent, depth: depth + 1, at: .mappingValue(key: name ?? ""))
            guard let name else { continue }
            if let first = map.entry(name) {
                let at = first.keyLocation.map { "，第一次出现在第 \($0.line) 行第 \($0.column) 列" } ?? ""
                duplicates.append(.error(.duplicateKey, at: keyLocation, label: name, "键重复\(at)"))
                continue
            }
            map.append(DataMap.Entry(key: name, keyLocation: keyLocation, value: value))
        }
    }

    private func complexKey(at mark: YAMLMark) -> Diagnostic {
        .error(.complexKey, at: location(mark), "键必须是文字，不能是列表、映射或别名（*名称）")
    }

    private mutating func countValues(_ n: Int) throws {
        count += n
        guard count > limits.maximumExpandedValues else { return }
        let at = SourceLocation(file: path, line: 1, column: 1)
        throw DiagnosticsError([
            sawAlias
                ? .error(.aliasExpansion, at: at, "展开别名（*名称）后数据超过 \(limits.maximumExpandedValues) 个值，疑似“十亿笑声”式的别名炸弹，拒绝读取")
                : LimitMessages.tooManyValues(path: path, limits: limits)
        ])
    }

    private func checkDepth(_ depth: Int, _ event: YAMLEvent) throws {
        if depth > limits.maximumDepth {
            throw DiagnosticsError([LimitMessages.tooDeep(at: location(event.start), limits: limits)])
        }
    }

    /// Plain `null`/`~`/empty is null, plain `true`/`false` a bool, a plain scalar written as a
    /// JSON number (`52`, `1.50`, `-3e2`) a number with that literal text (so YAML and JSON
    /// give the same canonical JSON); everything else is text, exactly as typed (`0531`,
    /// `2022-12-10`, `+86 139…`, `无`).
    static func scalarKind(_ text: String, plain: Bool) -> DataValue.Kind {
        guard plain else { return .string(text) }
        switch text {
        case "", "~", "null", "Null", "NULL": return .null
        case "true", "True", "TRUE": return .bool(true)
        case "false", "False", "FALSE": return .bool(false)
        default: return isJSONNumber(text) ? .number(text) : .string(text)
        }
    }

    /// Whether `text` matches JSON's number grammar: `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`.
    static func isJSONNumber(_ text: String) -> Bool {
        // Most scalars are words: refuse them by their first byte, before anything is copied.
        guard let first = text.utf8.first, first == 0x2D || (0x30...0x39).contains(first) else { return false }
        var b = Substring(text).utf8[...]
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

extension YAMLReader.Position {
    /// The same place as the punctuation checks name it.
    fileprivate var punctuation: ChinesePunctuation.Position {
        switch self {
        case .root: .value(key: nil)
        case .mappingValue(let key): .value(key: key.isEmpty ? nil : key)
        case .mappingKey: .key
        case .sequenceItem(let flow): flow ? .flowListItem : .value(key: nil)
        }
    }
}

/// Messages for refused inputs, shared by the YAML and JSON readers.
enum LimitMessages {
    static func tooDeep(at location: SourceLocation?, limits: DataLimits) -> Diagnostic {
        .error(.tooDeep, at: location, "列表和映射嵌套超过 \(limits.maximumDepth) 层，拒绝读取")
    }

    static func tooManyValues(path: String, limits: DataLimits) -> Diagnostic {
        .error(.tooManyValues, at: SourceLocation(file: path, line: 1, column: 1), "数据超过 \(limits.maximumExpandedValues) 个值，拒绝读取")
    }
}
