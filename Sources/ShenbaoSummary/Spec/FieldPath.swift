import ShenbaoCore

/// A dotted path to a value in an application's data (`联系人.姓名`), as a summary spec names it.
public struct FieldPath: Sendable, Hashable, CustomStringConvertible {
    public var components: [String]

    public init(_ text: String) {
        components = text.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
    }

    /// The path as written, `联系人.姓名`.
    public var description: String { components.joined(separator: ".") }

    /// The value at this path in `data`, if any.
    public func value(in data: DataValue) -> DataValue? { data.value(atPath: components) }

    /// The value's text as a table cell shows it: scalars as written, lists of scalars joined by
    /// `、`, a map's scalar values joined the same way; missing and null give "".
    public func text(in data: DataValue) -> String {
        guard let value = value(in: data) else { return "" }
        return Self.cellText(value)
    }

    static func cellText(_ value: DataValue) -> String {
        switch value.kind {
        case .null: return ""
        case .string(let s), .number(let s): return s
        case .bool(let b): return b ? "是" : "否"
        case .list(let items): return items.map(cellText).filter { !$0.isEmpty }.joined(separator: "、")
        case .map(let map): return map.entries.map { cellText($0.value) }.filter { !$0.isEmpty }.joined(separator: "、")
        }
    }
}
