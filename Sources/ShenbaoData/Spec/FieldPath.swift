import ShenbaoCore

/// A dotted path to a value in an application's data (`联系人.姓名`), as a summary spec names it.
public struct FieldPath: Sendable, Hashable, CustomStringConvertible {
    public var components: [String]

    public init(_ text: String) {
        components = text.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
    }

    /// The path as written, `联系人.姓名`.
    public var description: String { components.joined(separator: ".") }

    /// The value at this path in `data`, if any. A path through a table (`联合单位.单位名称`)
    /// gives the list of that column's values.
    public func value(in data: DataValue) -> DataValue? { Self.follow(components[...], in: data) }

    private static func follow(_ path: ArraySlice<String>, in value: DataValue) -> DataValue? {
        guard let first = path.first else { return value }
        if let items = value.list {
            return DataValue(.list(items.compactMap { follow(path, in: $0) }), at: value.location)
        }
        guard let next = value[first] else { return nil }
        return follow(path.dropFirst(), in: next)
    }

    /// The value's text as a table cell shows it: scalars as written, lists of scalars joined by
    /// `、`, a map's scalar values joined the same way; missing and null give "".
    public func text(in data: DataValue) -> String {
        guard let value = value(in: data) else { return "" }
        return Self.cellText(value)
    }

    public static func cellText(_ value: DataValue) -> String {
        switch value.kind {
        case .null: return ""
        case .string(let s), .number(let s): return s
        case .bool(let b): return b ? "是" : "否"
        case .list(let items): return items.map(cellText).filter { !$0.isEmpty }.joined(separator: "、")
        case .map(let map): return map.entries.map { cellText($0.value) }.filter { !$0.isEmpty }.joined(separator: "、")
        }
    }
}
