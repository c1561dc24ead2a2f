/// A value of an application's data, as read from YAML or JSON, with the place it was written.
///
/// Scalars keep the text the applicant typed: `0531-51785094` and `2022-12-10` stay strings, and
/// a number (`250000`, in YAML or JSON) keeps its literal text, unless a form spec gives the field a
/// type. The same data in YAML and in JSON therefore gives the same tree and the same digest.
public struct DataValue: Sendable, Equatable {
    public indirect enum Kind: Sendable, Equatable {
        case null
        case bool(Bool)
        /// A string, or a YAML scalar that is not a number, boolean or null.
        case string(String)
        /// A number written as JSON writes numbers (in JSON or YAML), with its literal text.
        case number(String)
        case list([DataValue])
        case map(DataMap)
    }

    public var kind: Kind
    public var location: SourceLocation?

    public init(_ kind: Kind, at location: SourceLocation? = nil) {
        self.kind = kind
        self.location = location
    }

    public static func string(_ s: String, at location: SourceLocation? = nil) -> DataValue {
        DataValue(.string(s), at: location)
    }

    /// Equality compares values only, not where they were written.
    public static func == (a: DataValue, b: DataValue) -> Bool { a.kind == b.kind }

    /// The text of a scalar (string, number or bool); nil for null, lists and maps.
    public var text: String? {
        switch kind {
        case .string(let s), .number(let s): return s
        case .bool(let b): return b ? "true" : "false"
        case .null, .list, .map: return nil
        }
    }

    public var list: [DataValue]? {
        if case .list(let l) = kind { return l }
        return nil
    }

    public var map: DataMap? {
        if case .map(let m) = kind { return m }
        return nil
    }

    public var isNull: Bool { kind == .null }

    /// Whether a section `{{#x}}` shows: false, null, "" and empty lists and maps do not.
    public var isTruthy: Bool {
        switch kind {
        case .null: return false
        case .bool(let b): return b
        case .string(let s): return !s.isEmpty
        case .number: return true
        case .list(let l): return !l.isEmpty
        case .map(let m): return !m.isEmpty
        }
    }

    /// Looks up `key` in a map value.
    public subscript(key: String) -> DataValue? { map?[key] }

    /// Follows a dotted path (`单位.名称`) through maps.
    public func value(atPath path: [String]) -> DataValue? {
        var current: DataValue? = self
        for component in path {
            guard let c = current else { return nil }
            current = c[component]
        }
        return current
    }
}

/// An ordered map of keys to values, keeping where each key was written.
public struct DataMap: Sendable, Equatable {
    public struct Entry: Sendable, Equatable {
        public var key: String
        public var keyLocation: SourceLocation?
        public var value: DataValue

        public init(key: String, keyLocation: SourceLocation? = nil, value: DataValue) {
            self.key = key
            self.keyLocation = keyLocation
            self.value = value
        }

        public static func == (a: Entry, b: Entry) -> Bool { a.key == b.key && a.value == b.value }
    }

    public private(set) var entries: [Entry]
    private var index: [String: Int]

    public init(_ entries: [Entry] = []) {
        self.entries = []
        self.index = [:]
        for e in entries { append(e) }
    }

    /// Adds an entry; a key already present is replaced in place (the first position is kept).
    public mutating func append(_ entry: Entry) {
        if let i = index[entry.key] {
            entries[i] = entry
        } else {
            index[entry.key] = entries.count
            entries.append(entry)
        }
    }

    public subscript(key: String) -> DataValue? {
        get { index[key].map { entries[$0].value } }
        set {
            if let newValue {
                append(Entry(key: key, keyLocation: index[key].flatMap { entries[$0].keyLocation }, value: newValue))
            } else if let i = index[key] {
                entries.remove(at: i)
                index = Dictionary(uniqueKeysWithValues: entries.enumerated().map { ($1.key, $0) })
            }
        }
    }

    public func entry(_ key: String) -> Entry? { index[key].map { entries[$0] } }
    public var keys: [String] { entries.map(\.key) }
    public var isEmpty: Bool { entries.isEmpty }
    public var count: Int { entries.count }

    public static func == (a: DataMap, b: DataMap) -> Bool { a.entries == b.entries }
}
