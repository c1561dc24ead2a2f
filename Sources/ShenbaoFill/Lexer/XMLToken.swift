import ShenbaoOOXML

/// One piece of a flattened XML part: docxtemplater's xml-lexed form, in which a section can
/// be expanded to a token range and rendering is appending bytes.
enum XMLToken: Sendable {
    /// A start tag; the element carries its attributes, never children.
    case start(XMLElement)
    /// An element without content (`<w:br/>`).
    case empty(XMLElement)
    case end(String)
    /// Character data (unescaped).
    case text(String)
    /// Markup kept verbatim (comments, processing instructions, CDATA).
    case raw(String)
    /// A template tag found by the lexer: an index into the part's tag list.
    case tag(Int)

    var isEmptyElement: Bool {
        if case .empty = self { return true }
        return false
    }

    var elementName: String? {
        switch self {
        case .start(let e), .empty(let e): return e.name
        case .end(let n): return n
        default: return nil
        }
    }
}

/// Turns an element tree into tokens, in document order.
enum XMLFlattener {
    static func tokens(of root: XMLElement) -> [XMLToken] {
        var out = [XMLToken]()
        out.reserveCapacity(4096)
        append(root, to: &out)
        return out
    }

    private static func append(_ element: XMLElement, to out: inout [XMLToken]) {
        if element.children.isEmpty {
            out.append(.empty(XMLElement(element.name, attributes: element.attributes)))
            return
        }
        out.append(.start(XMLElement(element.name, attributes: element.attributes)))
        for child in element.children {
            switch child {
            case .element(let e): append(e, to: &out)
            case .text(let t): out.append(.text(t))
            case .raw(let r): out.append(.raw(r))
            }
        }
        out.append(.end(element.name))
    }
}
