/// The element structure of a lexed part: matching start and end tokens, each tag's enclosing
/// elements, and which paragraphs hold nothing but one tag.
struct TemplateStructure {
    /// For a start token, the index of its end token (itself for empty elements); -1 otherwise.
    private(set) var matching: [Int]
    /// Per tag: the start tokens of its enclosing elements, outermost first.
    private(set) var ancestors: [[Int]]
    /// Start tokens of the paragraphs whose text is only one tag (spaces aside).
    private(set) var tagAloneParagraphs: Set<Int> = []
    /// Start tokens of paragraphs that end a document section (`w:pPr/w:sectPr`).
    private(set) var sectionEndingParagraphs: Set<Int> = []

    init(_ part: LexedPart) {
        let tokens = part.tokens
        matching = Array(repeating: -1, count: tokens.count)
        ancestors = Array(repeating: [], count: part.tags.count)
        var stack: [Int] = []
        var paragraphs: [(start: Int, tags: Int, text: Bool)] = []
        for (i, token) in tokens.enumerated() {
            switch token {
            case .start(let e):
                stack.append(i)
                if e.name == "w:p" { paragraphs.append((i, 0, false)) }
                if e.name == "w:sectPr", let p = paragraphs.last { sectionEndingParagraphs.insert(p.start) }
            case .empty(let e):
                matching[i] = i
                if e.name == "w:sectPr", let p = paragraphs.last { sectionEndingParagraphs.insert(p.start) }
            case .end(let name):
                let start = stack.removeLast()
                matching[start] = i
                if name == "w:p", let p = paragraphs.popLast(), p.tags == 1, !p.text {
                    tagAloneParagraphs.insert(p.start)
                }
            case .tag(let n):
                ancestors[n] = stack
                if !paragraphs.isEmpty { paragraphs[paragraphs.count - 1].tags += 1 }
            case .text(let t):
                if !paragraphs.isEmpty, case .start(let parent) = tokens[stack.last ?? 0], parent.name == "w:t",
                    !t.trimmingSpaces.isEmpty
                {
                    paragraphs[paragraphs.count - 1].text = true
                }
            case .raw: break
            }
        }
    }

    /// The innermost enclosing element of tag `n` named `name`, as a start token index.
    func innermost(_ name: String, of tag: Int, in tokens: [XMLToken]) -> Int? {
        ancestors[tag].last { tokens[$0].elementName == name }
    }
}
