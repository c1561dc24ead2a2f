/// Turns an `Encodable` into a `JSONValue` (what `JSONEncoder` does up to the bytes), so reports
/// that are `Encodable` print through `JSONWriter` like everything else. Dates and data are not
/// special-cased: shenbao's reports hold none.
struct JSONValueEncoder {
    static func encode(_ value: some Encodable) throws -> JSONValue {
        let root = Box()
        try value.encode(to: NodeEncoder(box: root, codingPath: []))
        return root.resolved
    }

    /// Where one value's encoding lands; containers fill it in as they are written.
    final class Box {
        var value: JSONValue?
        var members: [String: Box] = [:]
        var items: [Box] = []
        var kind: Kind = .undecided
        enum Kind { case undecided, object, array, single }

        var resolved: JSONValue {
            switch kind {
            case .object: return .object(members.mapValues(\.resolved))
            case .array: return .array(items.map(\.resolved))
            case .single, .undecided: return value ?? .null
            }
        }
    }

    struct NodeEncoder: Encoder {
        let box: Box
        var codingPath: [CodingKey]
        var userInfo: [CodingUserInfoKey: Any] { [:] }

        func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
            if box.kind != .object { box.kind = .object; box.members = [:] }
            return KeyedEncodingContainer(Keyed<Key>(box: box, codingPath: codingPath))
        }

        func unkeyedContainer() -> UnkeyedEncodingContainer {
            if box.kind != .array { box.kind = .array; box.items = [] }
            return Unkeyed(box: box, codingPath: codingPath)
        }

        func singleValueContainer() -> SingleValueEncodingContainer {
            box.kind = .single
            return Single(box: box, codingPath: codingPath)
        }
    }

    static func scalar(_ value: some Encodable) throws -> JSONValue? {
        switch value {
        case let v as String: return .string(v)
        case let v as Bool: return .bool(v)
        case let v as Int: return JSONValue(v)
        case let v as Int32: return JSONValue(Int(v))
        case let v as Int64: return JSONValue(Int(v))
        case let v as UInt: return .number(String(v))
        case let v as Double: return JSONValue(v)
        case let v as Float: return JSONValue(Double(v))
        default: return nil
        }
    }

    /// Encodes `value` into `box`: a scalar directly, anything else through its `encode(to:)`.
    static func encode(_ value: some Encodable, into box: Box, codingPath: [CodingKey]) throws {
        if let v = try scalar(value) {
            box.kind = .single
            box.value = v
        } else {
            try value.encode(to: NodeEncoder(box: box, codingPath: codingPath))
            box.value = box.resolved
        }
    }

    struct Keyed<Key: CodingKey>: KeyedEncodingContainerProtocol {
        let box: Box
        var codingPath: [CodingKey]

        mutating func encodeNil(forKey key: Key) throws { box.members[key.stringValue] = Self.null }
        mutating func encode(_ value: some Encodable, forKey key: Key) throws {
            let child = Box()
            try JSONValueEncoder.encode(value, into: child, codingPath: codingPath + [key])
            box.members[key.stringValue] = child
        }
        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
            let child = Box()
            box.members[key.stringValue] = child
            return NodeEncoder(box: child, codingPath: codingPath + [key]).container(keyedBy: keyType)
        }
        mutating func nestedUnkeyedContainer(forKey key: Key) -> UnkeyedEncodingContainer {
            let child = Box()
            box.members[key.stringValue] = child
            return NodeEncoder(box: child, codingPath: codingPath + [key]).unkeyedContainer()
        }
        mutating func superEncoder() -> Encoder { NodeEncoder(box: box, codingPath: codingPath) }
        mutating func superEncoder(forKey key: Key) -> Encoder {
            let child = Box()
            box.members[key.stringValue] = child
            return NodeEncoder(box: child, codingPath: codingPath + [key])
        }

        private static var null: Box {
            let b = Box()
            b.kind = .single
            b.value = .null
            return b
        }
    }

    struct Unkeyed: UnkeyedEncodingContainer {
        let box: Box
        var codingPath: [CodingKey]
        var count: Int { box.items.count }

        mutating func encodeNil() throws {
            let b = Box()
            b.kind = .single
            b.value = .null
            box.items.append(b)
        }
        mutating func encode(_ value: some Encodable) throws {
            let child = Box()
            try JSONValueEncoder.encode(value, into: child, codingPath: codingPath)
            box.items.append(child)
        }
        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
            let child = Box()
            box.items.append(child)
            return NodeEncoder(box: child, codingPath: codingPath).container(keyedBy: keyType)
        }
        mutating func nestedUnkeyedContainer() -> UnkeyedEncodingContainer {
            let child = Box()
            box.items.append(child)
            return NodeEncoder(box: child, codingPath: codingPath).unkeyedContainer()
        }
        mutating func superEncoder() -> Encoder { NodeEncoder(box: box, codingPath: codingPath) }
    }

    struct Single: SingleValueEncodingContainer {
        let box: Box
        var codingPath: [CodingKey]

        mutating func encodeNil() throws { box.value = .null }
        mutating func encode(_ value: some Encodable) throws {
            let child = Box()
            try JSONValueEncoder.encode(value, into: child, codingPath: codingPath)
            box.value = child.resolved
        }
    }
}
