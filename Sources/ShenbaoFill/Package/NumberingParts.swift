import ShenbaoOOXML

/// The document's list definitions (`word/numbering.xml`): where copies of a numbered list get
/// a new `w:num` that restarts like the template's list.
struct NumberingParts {
    let name: String?
    let maxNumID: Int

    init(archive: ZipArchive) throws {
        let main = try TemplateParts.mainDocument(of: archive)
        let name = WordPackage.relationships(of: main, in: archive).first { $0.kind == "numbering" }?.target
        self.name = name
        var maxID = 0
        if let name, let bytes = archive[name] {
            let part = try XMLParser.parse(bytes, part: name)
            for num in part.root.elements where num.name == "w:num" {
                maxID = max(maxID, Int(num[attribute: "w:numId"] ?? "") ?? 0)
            }
        }
        maxNumID = maxID
    }

    /// Adds one `w:num` per new list, each restarting at its template list's start value.
    func addLists(_ lists: [IDAllocator.NewList], to archive: inout ZipArchive) throws {
        guard !lists.isEmpty, let name, let bytes = archive[name] else { return }
        var part = try XMLParser.parse(bytes, part: name)
        let nums = part.root.elements.filter { $0.name == "w:num" }
        let abstracts = part.root.elements.filter { $0.name == "w:abstractNum" }
        var added: [XMLNode] = []
        for list in lists {
            guard let num = nums.first(where: { $0[attribute: "w:numId"] == list.basedOn }),
                let abstractID = num.child("w:abstractNumId")?[attribute: "w:val"]
            else { continue }
            let abstract = abstracts.first { $0[attribute: "w:abstractNumId"] == abstractID }
            let level = abstract?.elements.first { $0.name == "w:lvl" && $0[attribute: "w:ilvl"] == String(list.ilvl) }
            let start = level?.child("w:start")?[attribute: "w:val"] ?? "1"
            let override = XMLElement("w:lvlOverride", attributes: [XMLAttribute("w:ilvl", String(list.ilvl))], children: [
                .element(XMLElement("w:startOverride", attributes: [XMLAttribute("w:val", start)]))
            ])
            added.append(.element(XMLElement("w:num", attributes: [XMLAttribute("w:numId", String(list.numID))], children: [
                .element(XMLElement("w:abstractNumId", attributes: [XMLAttribute("w:val", abstractID)])), .element(override),
            ])))
        }
        let lastNum = part.root.children.lastIndex { if case .element(let e) = $0 { return e.name == "w:num" } else { return false } }
        let insertAt = lastNum.map { $0 + 1 } ?? part.root.children.count
        part.root.children.insert(contentsOf: added, at: insertAt)
        archive.setXML(name, part)
    }
}
