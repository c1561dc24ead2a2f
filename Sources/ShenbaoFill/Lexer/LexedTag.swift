import ShenbaoOOXML

/// A tag as the lexer found it: its text, where it stands, and its token in the part.
struct LexedTag: Sendable {
    /// The tag as written, delimiters included (`{{#人员}}`).
    var raw: String
    /// The text between the delimiters, untrimmed.
    var content: String
    var place: DocxLocation
    /// Index of the `.tag` token in the lexed part.
    var token: Int = -1
}

/// A part after lexing: tokens in which every tag is one `.tag` token inside a `w:t`.
struct LexedPart: Sendable {
    var name: String
    var tokens: [XMLToken]
    var tags: [LexedTag]
    /// Delimiters in force at the end of the part (a template may change them).
    var delimitersAfter: Delimiters
}
