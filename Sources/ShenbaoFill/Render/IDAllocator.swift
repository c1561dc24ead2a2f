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
    /// Word's paragraph ids (`w14:paraId`, below 0x80000000) already in the document.
    private var paragraphIDs: Set<UInt32>
    private var nextParagraph: UInt32 = 1

    init(maxDrawing: Int, maxBookmark: Int, maxNum: Int, paragraphIDs: Set<UInt32> = []) {
        nextDrawing = maxDrawing + 1
        nextBookmark = maxBookmark + 1
        nextNum = maxNum + 1
        self.paragraphIDs = paragraphIDs
    }

    /// A `w14:paraId` no other paragraph has: 8 hex digits.
    func paragraph() -> String {
        while paragraphIDs.contains(nextParagraph) { nextParagraph += 1 }
        paragraphIDs.insert(nextParagraph)
        let hex = String(nextParagraph, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 8 - hex.count)) + hex
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
