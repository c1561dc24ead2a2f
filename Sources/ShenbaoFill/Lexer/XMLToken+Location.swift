import ShenbaoOOXML

extension DocxLocationTracker {
    /// Follows one token of a flattened part, so `current` is the location of what comes next
    /// (an empty element begins and ends at once).
    mutating func follow(_ token: XMLToken) {
        switch token {
        case .start(let e): enter(e.name)
        case .empty(let e): enter(e.name); leave(e.name)
        case .end(let name): leave(name)
        case .text, .raw, .tag: break
        }
    }
}
