#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A value of an application's data, as read from YAML or JSON, with the place it was written.
///
/// Scalars keep the text the applicant typed: `0531-51785094` and `2022-12-10` stay strings, and
/// a number (`250000`, in YAML or JSON) keeps its literal text, unless a form spec gives the field a
/// type. The same data in YAML and in JSON therefore gives the same tree and the same digest.
public struct DataValue: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
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
///
/// Keys compare as Swift strings do (canonically equivalent spellings are one key). Maps of a
/// few keys, a table row's, are searched in order without a hash index: hashing a Chinese key
/// costs more than comparing it with every key of a row.
public struct DataMap: Sendable, Equatable {
    public struct Entry: Sendable, Equatable {
        public var key: String { didSet { keyIsPlain = DataKey.isPlain(key) } }
        public var keyLocation: SourceLocation?
        public var value: DataValue
        /// Whether `key` is plain (`DataKey.isPlain`), so that byte inequality is inequality.
        fileprivate private(set) var keyIsPlain: Bool

        public init(key: String, keyLocation: SourceLocation? = nil, value: DataValue) {
            self.key = key
            self.keyLocation = keyLocation
            self.value = value
            self.keyIsPlain = DataKey.isPlain(key)
        }

        /// An entry whose key's `DataKey.isPlain` the caller already knows (a reader seeing the
        /// same keys in every row of a table).
        package init(key: String, plain: Bool, keyLocation: SourceLocation?, value: DataValue) {
            self.key = key
            self.keyLocation = keyLocation
            self.value = value
            self.keyIsPlain = plain
        }

        public static func == (a: Entry, b: Entry) -> Bool { a.key == b.key && a.value == b.value }
    }

    public private(set) var entries: [Entry]
    /// Key to position, kept only for maps of more than `DataMap.scanned` keys.
    private var index: [String: Int]?

    /// Maps with at most this many keys are searched in order.
    static let scanned = 12

    public init(_ entries: [Entry] = []) {
        self.entries = []
        self.entries.reserveCapacity(entries.count)
        for e in entries { append(e) }
    }

    /// Adds an entry; a key already present is replaced in place (the first position is kept).
    public mutating func append(_ entry: Entry) {
        if let i = position(of: entry.key, plain: entry.keyIsPlain) {
            entries[i] = entry
            return
        }
        appendNew(entry)
    }

    /// Makes room for `count` entries (a reader that knows how many keys the last row had).
    package mutating func reserveCapacity(_ count: Int) { entries.reserveCapacity(count) }

    /// Adds an entry whose key the caller knows is not present (a reader whose row has the last
    /// row's distinct keys in the same order).
    package mutating func appendNew(_ entry: Entry) {
        if index != nil {
            index![entry.key] = entries.count
        } else if entries.count == Self.scanned {
            var built = [String: Int](minimumCapacity: entries.count * 2)
            for (k, e) in entries.enumerated() { built[e.key] = k }
            built[entry.key] = entries.count
            index = built
        }
        entries.append(entry)
    }

    /// Adds an entry whose key is not yet present, or returns the entry already holding the key
    /// (and adds nothing): a reader's duplicate check and append in one search.
    package mutating func appendUnlessPresent(_ entry: Entry) -> Entry? {
        if let i = position(of: entry.key, plain: entry.keyIsPlain) { return entries[i] }
        append(entry)
        return nil
    }

    /// The position of `key` among the entries, or nil.
    public func position(of key: String) -> Int? { position(of: key, plain: DataKey.isPlain(key)) }

    private func position(of key: String, plain: Bool) -> Int? {
        if let index { return index[key] }
        for k in entries.indices where DataKey.same(entries[k].key, entries[k].keyIsPlain, key, plain) { return k }
        return nil
    }

    /// The value of `key`, trying position `hint` first and setting it to where the key was found:
    /// a renderer asking every row of a table for the same key finds it at once. `plain` is
    /// `DataKey.isPlain(key)`, worked out once by the caller.
    package func value(forKey key: String, plain: Bool, hint: inout Int) -> DataValue? {
        if hint < entries.count, DataKey.same(entries[hint].key, entries[hint].keyIsPlain, key, plain) { return entries[hint].value }
        guard let k = position(of: key, plain: plain) else { return nil }
        hint = k
        return entries[k].value
    }

    public subscript(key: String) -> DataValue? {
        get { position(of: key).map { entries[$0].value } }
        set {
            if let newValue {
                append(Entry(key: key, keyLocation: position(of: key).flatMap { entries[$0].keyLocation }, value: newValue))
            } else if let i = position(of: key) {
                entries.remove(at: i)
                if index != nil { index = Dictionary(uniqueKeysWithValues: entries.enumerated().map { ($1.key, $0) }) }
            }
        }
    }

    public func entry(_ key: String) -> Entry? { position(of: key).map { entries[$0] } }
    public var keys: [String] { entries.map(\.key) }
    public var isEmpty: Bool { entries.isEmpty }
    public var count: Int { entries.count }

    public static func == (a: DataMap, b: DataMap) -> Bool { a.entries == b.entries }
}

/// Comparing keys fast and exactly.
package enum DataKey {
    /// Whether every scalar of `key` is one whose spelling is its only canonical form: ASCII,
    /// Latin-1 and Latin Extended (U+0080–U+02FF, no combining marks), CJK punctuation but its
    /// combining tone marks, CJK unified ideographs (not the compatibility ones, which normalise
    /// to them) and full-width forms. Two plain keys are the same key exactly when their bytes are.
    package static func isPlain(_ key: String) -> Bool {
        for scalar in key.unicodeScalars where !isPlain(scalar.value) { return false }
        return true
    }

    @inline(__always)
    private static func isPlain(_ v: UInt32) -> Bool {
        if v < 0x300 { return true }
        if v >= 0x4E00 && v <= 0x9FFF { return true }
        if v >= 0x3400 && v <= 0x4DBF { return true }
        if v >= 0x3000 && v <= 0x303F { return v < 0x302A || v > 0x302F }
        return v >= 0xFF00 && v <= 0xFFEF
    }

    /// Whether `a` and `b` are the same key, as `==` decides, without normalising plain keys.
    @inline(__always)
    package static func same(_ a: String, _ aPlain: Bool, _ b: String, _ bPlain: Bool) -> Bool {
        guard aPlain && bPlain else { return a == b }
        let n: Int = a.utf8.count
        guard n == b.utf8.count else { return false }
        let viewA: String.UTF8View = a.utf8
        let viewB: String.UTF8View = b.utf8
        let compared: Int32? = viewA.withContiguousStorageIfAvailable { (pa: UnsafeBufferPointer<UInt8>) -> Int32 in
            let inner: Int32? = viewB.withContiguousStorageIfAvailable { (pb: UnsafeBufferPointer<UInt8>) -> Int32 in
                n == 0 ? 0 : memcmp(pa.baseAddress!, pb.baseAddress!, n)
            }
            return inner ?? 1
        }
        if let compared { return compared == 0 }
        return a == b
    }
}
