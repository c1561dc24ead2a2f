import ShenbaoOOXML

/// The shared strings table: each distinct text once, referenced by index from the cells.
struct SharedStrings {
    private(set) var strings: [String] = []
    private var index: [String: Int] = [:]
    private(set) var references = 0

    mutating func reference(_ s: String) -> Int {
        references += 1
        if let i = index[s] { return i }
        index[s] = strings.count
        strings.append(s)
        return strings.count - 1
    }

    func part() -> XMLElement {
        XMLBuild.el("sst", ["xmlns": XLSXWriter.main, "count": String(references), "uniqueCount": String(strings.count)],
                    strings.map { s in
                        let preserve = s.first?.isWhitespace == true || s.last?.isWhitespace == true || s.contains("\n")
                        let t = preserve ? XMLBuild.text("t", ["xml:space": "preserve"], s) : XMLBuild.text("t", s)
                        return XMLBuild.el("si", [:], [t])
                    })
    }
}
