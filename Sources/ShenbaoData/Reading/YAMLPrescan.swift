import ShenbaoCore

/// A quick pass over YAML text before Yams composes it, because composing recurses once per
/// nesting level and hashes mapping keys whole (a key that is an alias of a huge collection would
/// take exponential time). It finds, without building a tree:
/// - a conservative estimate of the nesting depth of each line (at most about twice the real
///   depth), so hostile nesting is refused before Yams sees it;
/// - aliases (`*name`), so expansion is budgeted only when there are any;
/// - complex keys (`? key`, an alias or a `[...]`/`{...}` used as a key), which data never needs.
struct YAMLPrescan {
    var aliasCount = 0
    var complexKeys: [SourceLocation] = []
    /// The first line whose estimated depth passes the bound, with that estimate.
    var tooDeep: (location: SourceLocation, estimate: Int)?

    static func scan(_ text: String, path: String, depthBound: Int) -> YAMLPrescan {
        var scan = YAMLPrescan()
        let b = Array(text.utf8)
        var lineStart = 0
        var lineNumber = 1
        var flowDepth = 0
        var quote: UInt8 = 0
        var blockScalarParent: Int? = nil
        var indents: [Int] = []

        func column(_ i: Int) -> Int {
            var c = 1
            var j = lineStart
            while j < i { if b[j] & 0xC0 != 0x80 { c += 1 }; j += 1 }
            return c
        }

        while lineStart <= b.count {
            var end = lineStart
            while end < b.count && b[end] != 0x0A { end += 1 }
            defer { lineStart = end + 1; lineNumber += 1 }
            var contentEnd = end
            if contentEnd > lineStart && b[contentEnd - 1] == 0x0D { contentEnd -= 1 }
            var indent = 0
            while lineStart + indent < contentEnd && b[lineStart + indent] == 0x20 { indent += 1 }
            let blank = lineStart + indent >= contentEnd
            if let parent = blockScalarParent {
                if blank || indent > parent { continue }
                blockScalarParent = nil
            }
            var i = lineStart
            var levels = indents.count
            var dashes = 0
            var atValueStart = true
            let blockLine = quote == 0 && flowDepth == 0
            if blockLine {
                if blank || b[lineStart + indent] == 0x23 { continue }
                while let last = indents.last, last >= indent { indents.removeLast() }
                levels = indents.count
                i = lineStart + indent
                while i < contentEnd, b[i] == 0x2D || b[i] == 0x3F, i + 1 == contentEnd || b[i + 1] == 0x20 {
                    if b[i] == 0x3F { scan.complexKeys.append(SourceLocation(file: path, line: lineNumber, column: column(i))) }
                    dashes += 1
                    i += 1
                    while i < contentEnd && b[i] == 0x20 { i += 1 }
                }
            }
            var structural = dashes > 0
            var deepestFlow = flowDepth
            var blockScalar = false
            while i < contentEnd {
                let c = b[i]
                let previous: UInt8 = i > lineStart ? b[i - 1] : 0x20
                if quote == 0x22 {
                    if c == 0x5C { i += 2; continue }
                    if c == 0x22 { quote = 0; atValueStart = false }
                    i += 1; continue
                }
                if quote == 0x27 {
                    if c == 0x27 { if i + 1 < contentEnd && b[i + 1] == 0x27 { i += 2; continue }; quote = 0; atValueStart = false }
                    i += 1; continue
                }
                let inFlow = flowDepth > 0
                let tokenStart = atValueStart || (inFlow && (previous == 0x20 || previous == 0x2C || previous == 0x5B || previous == 0x7B || previous == 0x3A))
                switch c {
                case 0x20, 0x09:
                    break
                case 0x23 where previous == 0x20 || previous == 0x09 || i == lineStart:
                    i = contentEnd; continue
                case 0x22 where tokenStart, 0x27 where tokenStart:
                    quote = c
                case 0x5B where tokenStart || inFlow, 0x7B where tokenStart || inFlow:
                    flowDepth += 1
                    deepestFlow = max(deepestFlow, flowDepth)
                    atValueStart = false
                case 0x5D where inFlow, 0x7D where inFlow:
                    flowDepth -= 1
                    var j = i + 1
                    while j < contentEnd && b[j] == 0x20 { j += 1 }
                    if j < contentEnd && b[j] == 0x3A { scan.complexKeys.append(SourceLocation(file: path, line: lineNumber, column: column(i))) }
                case 0x2A where tokenStart:
                    scan.aliasCount += 1
                    var j = i + 1
                    while j < contentEnd, ![0x20, 0x2C, 0x5B, 0x5D, 0x7B, 0x7D].contains(b[j]) { j += 1 }
                    var k = j
                    while k < contentEnd && b[k] == 0x20 { k += 1 }
                    if k < contentEnd && b[k] == 0x3A { scan.complexKeys.append(SourceLocation(file: path, line: lineNumber, column: column(i))) }
                    i = j; atValueStart = false; continue
                case 0x26 where tokenStart, 0x21 where tokenStart:
                    // An anchor (`&name`) or a tag (`!tag`) comes before the node it names.
                    while i < contentEnd, ![0x20, 0x2C, 0x5B, 0x5D, 0x7B, 0x7D].contains(b[i]) { i += 1 }
                    continue
                case 0x3A where !inFlow && (i + 1 == contentEnd || b[i + 1] == 0x20):
                    structural = true
                    atValueStart = true
                case 0x7C where atValueStart && !inFlow, 0x3E where atValueStart && !inFlow:
                    blockScalar = true
                    i = contentEnd; continue
                default:
                    if !inFlow { atValueStart = false }
                }
                i += 1
            }
            let estimate = 2 * levels + 2 * dashes + 2 + deepestFlow
            if estimate > depthBound && scan.tooDeep == nil {
                scan.tooDeep = (SourceLocation(file: path, line: lineNumber, column: indent + 1), estimate)
            }
            if blockLine && structural { indents.append(indent) }
            if blockScalar { blockScalarParent = indent }
        }
        return scan
    }
}
