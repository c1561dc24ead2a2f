import Foundation
import ShenbaoCore
import ShenbaoOOXML

/// Reads the data a filled DOCX carries (docs/form-spec.md, "The data a filled DOCX carries"):
/// a `customXml/itemN.xml` part whose root is `sb:data` in namespace
/// `https://shenbao.dev/ns/data/1`, with attributes `form` and `sha256` and the data's canonical
/// JSON as text. The digest is checked, so an edited part is refused rather than summarised.
enum EmbeddedSubmissionData {
    static let namespace = "https://shenbao.dev/ns/data/1"

    struct Contents {
        var formID: String?
        var data: DataValue
    }

    /// - Throws: `DiagnosticsError` located at `path` when the DOCX carries no data, carries it
    ///   twice, or its digest does not match.
    static func read(from archive: ZipArchive, path: String) throws -> Contents {
        var found: [(part: String, root: XMLElement)] = []
        for entry in archive.entries where isCustomXMLItem(entry.name) {
            guard let part = try? archive.xml(entry.name), part.root.localName == "data",
                  namespaceOf(part.root) == namespace else { continue }
            found.append((entry.name, part.root))
        }
        guard let (part, root) = found.first else {
            throw DiagnosticsError([.error("no-embedded-data", at: .file(path),
                "这份DOCX不含shenbao填写时嵌入的数据（customXml中没有sb:data），请提交数据文件或由shenbao生成的DOCX")])
        }
        if found.count > 1 {
            throw DiagnosticsError([.error("embedded-data", at: .file(path), place: part,
                "DOCX含有\(found.count)份嵌入数据（\(found.map(\.part).joined(separator: "、"))），无法确定以哪份为准")])
        }
        let json = root.textContent
        let expected = root[attribute: "sha256"] ?? ""
        let actual = SHA256.hex(Array(json.utf8))
        guard expected.lowercased() == actual else {
            throw DiagnosticsError([.error("embedded-data", at: .file(path), place: part,
                "嵌入数据的校验值不符（记录sha256=\(expected)，实际\(actual)）：文件在填写后被改动过")])
        }
        let data: DataValue
        do {
            data = try YAMLTree.parse(json, path: "\(path) [\(part)]")
        } catch let e as DiagnosticsError {
            throw DiagnosticsError(e.diagnostics.map { d in
                var d = d
                d.location = .file(path)
                d.place = part
                return d
            })
        }
        return Contents(formID: root[attribute: "form"] ?? data["form"]?.text, data: withoutLocations(data))
    }

    /// `customXml/item1.xml`, `customXml/item12.xml`; not `itemProps1.xml` nor relationship parts.
    static func isCustomXMLItem(_ name: String) -> Bool {
        guard name.hasPrefix("customXml/item"), name.hasSuffix(".xml") else { return false }
        let middle = name.dropFirst("customXml/item".count).dropLast(4)
        return !middle.isEmpty && middle.allSatisfy(\.isNumber)
    }

    /// The namespace URI bound to the element's prefix, declared on the element itself.
    private static func namespaceOf(_ element: XMLElement) -> String? {
        let prefix = element.name.contains(":") ? String(element.name.prefix { $0 != ":" }) : nil
        return element[attribute: prefix.map { "xmlns:\($0)" } ?? "xmlns"]
    }

    /// Locations inside the embedded JSON mean nothing to a user; diagnostics name the DOCX.
    private static func withoutLocations(_ value: DataValue) -> DataValue {
        switch value.kind {
        case .list(let items): return DataValue(.list(items.map(withoutLocations)))
        case .map(let map):
            return DataValue(.map(DataMap(map.entries.map { .init(key: $0.key, value: withoutLocations($0.value)) })))
        default: return DataValue(value.kind)
        }
    }
}
