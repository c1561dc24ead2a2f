import Foundation

/// A JSON value as shenbao prints it: every `--format json` output (diagnostics, check reports,
/// build reports, tags, conversions) and `shenbao serve`'s replies are built as one and printed by
/// `JSONWriter`, so they share one key order, one escaping and one layout.
package indirect enum JSONValue: Sendable, Hashable {
    case null
    case bool(Bool)
    /// A number's JSON text (`12`, `0.5`, `-3e2`), printed as given.
    case number(String)
    case string(String)
    case array([JSONValue])
    /// Members; printed with their keys in Unicode scalar order, whatever order they were added in.
    case object([String: JSONValue])
    /// Members printed in the order given, for a document people read top down (a JSON Schema
    /// puts `$schema` and `title` first).
    case members([JSONMember])

    /// An object whose members print in the order given.
    package static func ordered(_ pairs: [(String, JSONValue)]) -> JSONValue {
        .members(pairs.map { JSONMember(key: $0.0, value: $0.1) })
    }

    package init(_ value: Int) { self = .number(String(value)) }

    /// A whole `value` prints without a fraction (`3`), any other as Swift's shortest form
    /// (`0.1`); NaN and infinities, which JSON cannot hold, as null.
    package init(_ value: Double) {
        if !value.isFinite {
            self = .null
        } else if value == value.rounded(), abs(value) < 1e15 {
            self = .number(String(Int(value)))
        } else {
            self = .number("\(value)")
        }
    }

    /// Converts what Foundation's JSON serialisation takes (`[String: Any]`, `[Any]`, `String`,
    /// `Int`, `Double`, `Bool`, `NSNull`, optionals) and `JSONValue`s inside them.
    /// - Returns: nil for anything else (a value JSON cannot hold).
    package init?(any value: Any) {
        switch value {
        case let v as JSONValue: self = v
        case let v as String: self = .string(v)
        // Exact types: where Foundation bridges numbers, 1 would otherwise pass for true.
        case let v as Bool where type(of: value) == Bool.self: self = .bool(v)
        case let v as Int where type(of: value) == Int.self: self.init(v)
        case let v as Double where type(of: value) == Double.self: self.init(v)
        case let v as [String: Any]:
            var members: [String: JSONValue] = [:]
            for (key, member) in v {
                guard let converted = JSONValue(any: member) else { return nil }
                members[key] = converted
            }
            self = .object(members)
        case let v as [Any]:
            var items: [JSONValue] = []
            for item in v {
                guard let converted = JSONValue(any: item) else { return nil }
                items.append(converted)
            }
            self = .array(items)
        case is NSNull: self = .null
        default:
            // An optional inside `Any`: nil is null, a value is converted.
            let mirror = Mirror(reflecting: value)
            guard mirror.displayStyle == .optional else { return nil }
            if let wrapped = mirror.children.first?.value { self.init(any: wrapped) } else { self = .null }
        }
    }

    /// The value of an `Encodable` (a report), as `JSONEncoder` would give it.
    /// - Throws: what the value's `encode(to:)` throws.
    package init(encoding value: some Encodable) throws {
        self = try JSONValueEncoder.encode(value)
    }

    /// The member `key` of an object; nil for a missing key or a value that is not an object.
    package subscript(key: String) -> JSONValue? {
        switch self {
        case .object(let members): return members[key]
        case .members(let members): return members.first { $0.key == key }?.value
        default: return nil
        }
    }
}

/// One member of an object printed in the given order (`JSONValue.members`).
package struct JSONMember: Sendable, Hashable {
    package var key: String
    package var value: JSONValue

    package init(key: String, value: JSONValue) {
        self.key = key
        self.value = value
    }
}

extension JSONValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral,
    ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral, ExpressibleByNilLiteral
{
    package init(stringLiteral value: String) { self = .string(value) }
    package init(integerLiteral value: Int) { self.init(value) }
    package init(booleanLiteral value: Bool) { self = .bool(value) }
    package init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
    package init(dictionaryLiteral elements: (String, JSONValue)...) {
        self = .object(Dictionary(elements, uniquingKeysWith: { _, last in last }))
    }
    package init(nilLiteral: ()) { self = .null }
}
