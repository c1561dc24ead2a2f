internal import CLibXML2

/// Why an XML part could not be read.
package enum XMLError: Error, Sendable, CustomStringConvertible, Equatable {
    /// Not well-formed XML; `line` and `column` are libxml2's.
    case malformed(part: String, line: Int, column: Int, message: String)
    /// A DOCTYPE: DOCX parts never have one, and it is how entity attacks (XXE, billion laughs) start.
    case doctypeNotAllowed(part: String)
    case tooDeep(part: String)

    /// The part that is not well-formed.
    package var part: String {
        switch self {
        case .malformed(let part, _, _, _), .doctypeNotAllowed(let part), .tooDeep(let part): part
        }
    }

    package var description: String {
        switch self {
        case .malformed(let part, let line, let column, let message):
            return "\(part):\(line):\(column): XML 格式有误：\(message)"
        case .doctypeNotAllowed(let part):
            return "\(part): 文档部件中不允许出现 DOCTYPE（实体一律不展开）"
        case .tooDeep(let part):
            return "\(part): 元素嵌套太深"
        }
    }
}

/// Parses XML with libxml2: no network, no DTD loading, no entity substitution, no DOCTYPE at all.
package enum XMLParser {
    /// Deeper element nesting than this is refused (Word's deepest real documents stay far below).
    package static let maximumDepth = 256

    private static let initialize: Void = { xmlInitParser() }()

    /// Parses `bytes` (a part named `part`, for messages) into a Swift tree.
    /// - Throws: `XMLError` with the part and libxml2's line and column.
    package static func parse(_ bytes: [UInt8], part: String) throws -> XMLPart {
        _ = initialize
        if containsDoctype(bytes) { throw XMLError.doctypeNotAllowed(part: part) }
        guard let context = xmlNewParserCtxt() else {
            throw XMLError.malformed(part: part, line: 0, column: 0, message: "内存不足")
        }
        defer { xmlFreeParserCtxt(context) }
        // Keep the first error: libxml2's "last error" is often a consequence of the first.
        let firstError = FirstError()
        let unmanaged = Unmanaged.passRetained(firstError)
        defer { unmanaged.release() }
        context.pointee._private = unmanaged.toOpaque()
        context.pointee.sax.pointee.serror = { userData, error in
            guard let userData, let error else { return }
            let ctxt = userData.assumingMemoryBound(to: xmlParserCtxt.self)
            guard let box = ctxt.pointee._private else { return }
            let first = Unmanaged<FirstError>.fromOpaque(box).takeUnretainedValue()
            if first.message == nil, error.pointee.level.rawValue >= XML_ERR_ERROR.rawValue {
                first.message = error.pointee.message.map { String(cString: $0) } ?? "unknown error"
                first.line = Int(error.pointee.line)
                first.column = Int(error.pointee.int2)
            }
        }
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue)
        let document = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                xmlCtxtReadMemory(context, $0, Int32(buffer.count), part, "UTF-8", options)
            }
        }
        if let message = firstError.message {
            if let document { xmlFreeDoc(document) }
            throw XMLError.malformed(
                part: part, line: firstError.line, column: firstError.column, message: message.trimmingCharacters(in: " \n"))
        }
        guard let document else {
            if let error = xmlCtxtGetLastError(context) {
                let message = error.pointee.message.map { String(cString: $0) } ?? "unknown error"
                throw XMLError.malformed(
                    part: part, line: Int(error.pointee.line), column: Int(error.pointee.int2),
                    message: message.trimmingCharacters(in: " \n"))
            }
            throw XMLError.malformed(part: part, line: 0, column: 0, message: "未知错误")
        }
        defer { xmlFreeDoc(document) }
        guard let rootNode = xmlDocGetRootElement(document) else {
            throw XMLError.malformed(part: part, line: 0, column: 0, message: "没有根元素")
        }
        guard let root = convert(rootNode, depth: 0) else { throw XMLError.tooDeep(part: part) }
        return XMLPart(root: root, standalone: document.pointee.standalone == 1)
    }

    private static func containsDoctype(_ bytes: [UInt8]) -> Bool {
        let needle = Array("<!DOCTYPE".utf8)
        guard bytes.count >= needle.count else { return false }
        var i = 0
        let last = bytes.count - needle.count
        while i <= last {
            if bytes[i] == 0x3C && bytes[i + 1] == 0x21 && bytes[i + 2] == 0x44 {
                if Array(bytes[i..<(i + needle.count)]) == needle { return true }
            }
            i += 1
        }
        return false
    }

    private static func string(_ p: UnsafePointer<xmlChar>?) -> String {
        guard let p else { return "" }
        return String(cString: p)
    }

    private static func qualifiedName(_ local: UnsafePointer<xmlChar>?, _ ns: xmlNsPtr?) -> String {
        let name = string(local)
        if let ns, let prefix = ns.pointee.prefix { return string(prefix) + ":" + name }
        return name
    }

    private static func convert(_ node: xmlNodePtr, depth: Int) -> XMLElement? {
        if depth > maximumDepth { return nil }
        var element = XMLElement(qualifiedName(node.pointee.name, node.pointee.ns))
        var ns = node.pointee.nsDef
        while let n = ns {
            let prefix = n.pointee.prefix.map { "xmlns:" + string($0) } ?? "xmlns"
            element.attributes.append(XMLAttribute(prefix, string(n.pointee.href)))
            ns = n.pointee.next
        }
        var attribute = node.pointee.properties
        while let a = attribute {
            var value = ""
            var child = a.pointee.children
            while let c = child {
                value += string(c.pointee.content)
                child = c.pointee.next
            }
            element.attributes.append(XMLAttribute(qualifiedName(a.pointee.name, a.pointee.ns), value))
            attribute = a.pointee.next
        }
        var child = node.pointee.children
        while let c = child {
            switch c.pointee.type {
            case XML_ELEMENT_NODE:
                guard let e = convert(c, depth: depth + 1) else { return nil }
                element.children.append(.element(e))
            case XML_TEXT_NODE:
                let text = string(c.pointee.content)
                if case .text(let previous)? = element.children.last {
                    element.children[element.children.count - 1] = .text(previous + text)
                } else {
                    element.children.append(.text(text))
                }
            case XML_CDATA_SECTION_NODE:
                element.children.append(.raw("<![CDATA[" + string(c.pointee.content) + "]]>"))
            case XML_COMMENT_NODE:
                element.children.append(.raw("<!--" + string(c.pointee.content) + "-->"))
            case XML_PI_NODE:
                let content = string(c.pointee.content)
                element.children.append(.raw("<?" + string(c.pointee.name) + (content.isEmpty ? "" : " " + content) + "?>"))
            default:
                break
            }
            child = c.pointee.next
        }
        return element
    }
}

/// The first error libxml2 reported while parsing, written by its error callback.
private final class FirstError {
    var message: String?
    var line = 0
    var column = 0
}

extension String {
    fileprivate func trimmingCharacters(in set: String) -> String {
        var s = Substring(self)
        while let f = s.first, set.contains(f) { s.removeFirst() }
        while let l = s.last, set.contains(l) { s.removeLast() }
        return String(s)
    }
}
