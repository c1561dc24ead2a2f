/// An XML element as a Swift value tree: what the rest of shenbao reads and edits. Parsed from
/// bytes by `XMLParser` (libxml2) and written back by `XMLSerializer`.
///
/// Names are qualified as written (`w:p`); namespace declarations are kept as `xmlns:*`
/// attributes in their original order, so a part written back declares exactly what it did.
package struct XMLElement: Sendable, Equatable {
    package var name: String
    package var attributes: [XMLAttribute]
    package var children: [XMLNode]

    package init(_ name: String, attributes: [XMLAttribute] = [], children: [XMLNode] = []) {
        self.name = name
        self.attributes = attributes
        self.children = children
    }

    /// The value of attribute `name` (qualified, e.g. `w:val`).
    package subscript(attribute name: String) -> String? {
        get { attributes.first { $0.name == name }?.value }
        set {
            if let i = attributes.firstIndex(where: { $0.name == name }) {
                if let newValue { attributes[i].value = newValue } else { attributes.remove(at: i) }
            } else if let newValue {
                attributes.append(XMLAttribute(name, newValue))
            }
        }
    }

    /// The local part of the name (`p` for `w:p`).
    package var localName: Substring {
        if let colon = name.firstIndex(of: ":") { return name[name.index(after: colon)...] }
        return name[...]
    }

    /// Child elements, in order.
    package var elements: [XMLElement] {
        children.compactMap { if case .element(let e) = $0 { return e } else { return nil } }
    }

    /// The first child element named `name`.
    package func child(_ name: String) -> XMLElement? {
        for c in children { if case .element(let e) = c, e.name == name { return e } }
        return nil
    }

    /// The concatenated text of all descendant text nodes.
    package var textContent: String {
        var out = ""
        func walk(_ e: XMLElement) {
            for c in e.children {
                switch c {
                case .text(let t): out += t
                case .element(let child): walk(child)
                case .raw: break
                }
            }
        }
        walk(self)
        return out
    }

    /// Calls `visit` on this element and every descendant element, depth first, in document order.
    package func forEachElement(_ visit: (XMLElement) -> Void) {
        visit(self)
        for c in children { if case .element(let e) = c { e.forEachElement(visit) } }
    }
}

/// A node under an element.
package enum XMLNode: Sendable, Equatable {
    case element(XMLElement)
    case text(String)
    /// Markup kept verbatim: comments, processing instructions, CDATA sections.
    case raw(String)
}

/// One attribute, or a namespace declaration (`xmlns`, `xmlns:w`).
package struct XMLAttribute: Sendable, Equatable {
    package var name: String
    package var value: String
    package init(_ name: String, _ value: String) {
        self.name = name
        self.value = value
    }
}

/// A parsed XML part: its root element and whether it declared `standalone="yes"`.
package struct XMLPart: Sendable, Equatable {
    package var root: XMLElement
    package var standalone: Bool
    package init(root: XMLElement, standalone: Bool = true) {
        self.root = root
        self.standalone = standalone
    }
}
