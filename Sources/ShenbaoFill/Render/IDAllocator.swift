/// Hands out ids that stay unique across a filled document: drawings (`wp:docPr/@id`),
/// bookmarks and lists (`w:num`) copied by loops. Shared by all parts of one fill, used in
/// document order, so the same inputs give the same ids.
final class IDAllocator {
    /// A list created for one copy of a repeated numbered list.
    struct NewList: Equatable {
        var numID: Int
        /// The template's list it restarts.
        var basedOn: String
        var ilvl: Int
    }

    private var nextDrawing: Int
    private var nextBookmark: Int
    private var nextNum: Int
    private(set) var newLists: [NewList] = []

    init(maxDrawing: Int, maxBookmark: Int, maxNum: Int) {
        nextDrawing = maxDrawing + 1
        nextBookmark = maxBookmark + 1
        nextNum = maxNum + 1
    }

    func drawing() -> String {
        defer { nextDrawing += 1 }
        return String(nextDrawing)
    }

    func bookmark() -> String {
        defer { nextBookmark += 1 }
        return String(nextBookmark)
    }

    func list(basedOn original: String, ilvl: Int) -> String {
        defer { nextNum += 1 }
        newLists.append(NewList(numID: nextNum, basedOn: original, ilvl: ilvl))
        return String(nextNum)
    }
}
