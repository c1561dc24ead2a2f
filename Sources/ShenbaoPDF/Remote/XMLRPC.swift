import Foundation
import ShenbaoOOXML

/// The little of XML-RPC (xmlrpc.com/spec) that talking to unoserver needs: a call with nil,
/// string, base64, boolean and array parameters, and a response holding one value or a fault.
/// Built and read through the XML layer (`XMLElement`, `XMLSerializer`, `XMLParser`).
enum XMLRPC {
    indirect enum Value: Equatable {
        case null
        case string(String)
        case bytes([UInt8])
        case bool(Bool)
        case int(Int)
        case array([Value])
        case `struct`([String: Value])

        var element: XMLElement {
            let inner: XMLElement
            switch self {
            case .null: inner = XMLElement("nil")
            case .string(let s): inner = XMLElement("string", children: [.text(s)])
            case .bytes(let b): inner = XMLElement("base64", children: [.text(Data(b).base64EncodedString())])
            case .bool(let b): inner = XMLElement("boolean", children: [.text(b ? "1" : "0")])
            case .int(let i): inner = XMLElement("int", children: [.text(String(i))])
            case .array(let items):
                inner = XMLElement("array", children: [.element(XMLElement("data", children: items.map { .element($0.element) }))])
            case .struct(let members):
                inner = XMLElement("struct", children: members.keys.sorted().map { key in
                    .element(XMLElement("member", children: [
                        .element(XMLElement("name", children: [.text(key)])), .element(members[key]!.element),
                    ]))
                })
            }
            return XMLElement("value", children: [.element(inner)])
        }

        /// Reads a `<value>` element; a value without a type element is a string, as the spec says.
        init(_ value: XMLElement) throws {
            guard let typed = value.elements.first else {
                self = .string(value.textContent)
                return
            }
            switch typed.localName {
            case "nil": self = .null
            case "string": self = .string(typed.textContent)
            case "base64":
                guard let data = Data(base64Encoded: typed.textContent, options: .ignoreUnknownCharacters) else {
                    throw XMLRPCError.malformed("无法解码的 base64 值")
                }
                self = .bytes([UInt8](data))
            case "boolean": self = .bool(typed.textContent.trimmingCharacters(in: .whitespaces) == "1")
            case "int", "i4", "i8":
                guard let i = Int(typed.textContent.trimmingCharacters(in: .whitespaces)) else {
                    throw XMLRPCError.malformed("integer \(typed.textContent)")
                }
                self = .int(i)
            case "array": self = .array(try (typed.child("data")?.elements ?? []).map(Value.init))
            case "struct":
                var members: [String: Value] = [:]
                for member in typed.elements where member.localName == "member" {
                    guard let name = member.child("name"), let v = member.child("value") else { continue }
                    members[name.textContent] = try Value(v)
                }
                self = .struct(members)
            default: self = .string(typed.textContent)
            }
        }
    }

    /// The body of a `methodCall`.
    static func call(_ method: String, _ parameters: [Value]) -> [UInt8] {
        let params = XMLElement("params", children: parameters.map { .element(XMLElement("param", children: [.element($0.element)])) })
        let root = XMLElement("methodCall", children: [
            .element(XMLElement("methodName", children: [.text(method)])), .element(params),
        ])
        return XMLSerializer.serialize(XMLPart(root: root, standalone: false))
    }

    /// The value a `methodResponse` returns.
    /// - Throws: `XMLRPCError.fault` with the server's fault string, `.malformed` otherwise.
    static func response(_ body: [UInt8]) throws -> Value {
        let part: XMLPart
        do {
            part = try XMLParser.parse(body, part: "methodResponse")
        } catch {
            throw XMLRPCError.malformed("not XML: \(error)")
        }
        guard part.root.localName == "methodResponse" else { throw XMLRPCError.malformed("根元素为 <\(part.root.name)>") }
        if let fault = part.root.child("fault")?.child("value") {
            if case .struct(let members) = try Value(fault), case .string(let message)? = members["faultString"] {
                throw XMLRPCError.fault(message)
            }
            throw XMLRPCError.fault("没有 faultString 的 fault")
        }
        guard let value = part.root.child("params")?.child("param")?.child("value") else {
            throw XMLRPCError.malformed("no params/param/value")
        }
        return try Value(value)
    }
}

enum XMLRPCError: Error, Equatable, CustomStringConvertible {
    /// The server answered with a fault (unoserver: LibreOffice could not convert the document).
    case fault(String)
    /// The answer was not an XML-RPC response.
    case malformed(String)

    var description: String {
        switch self {
        case .fault(let message): return "unoserver 报告：\(message)"
        case .malformed(let what): return "不是有效的 XML-RPC 应答：\(what)"
        }
    }
}
