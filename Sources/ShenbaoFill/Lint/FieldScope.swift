import ShenbaoData

/// The fields a tag can name at one point of a template: the form's top level, then the table or
/// group of each enclosing section, innermost last (Mustache's lookup, as the renderer does it).
struct FieldScopes {
    /// One level: the fields its names resolve to, and the dotted path they sit under.
    struct Level {
        var prefix: String
        var fields: [FieldSpec]
        /// The section's own field, which `{{.}}` names.
        var current: (path: String, field: FieldSpec)?
        /// A section whose name is unknown: names that do not resolve inside it are not reported
        /// again (the section's own error says enough).
        var opaque = false
    }

    private(set) var levels: [Level]
    let spec: FormSpec

    init(spec: FormSpec) {
        self.spec = spec
        levels = [Level(prefix: "", fields: spec.fields)]
    }

    /// Whether a name that does not resolve here should be reported.
    var reportsUnknown: Bool { !levels.contains(where: \.opaque) }

    /// The field a tag's path names and its dotted spec path (list indices dropped), searching the
    /// innermost section first; nil when no level has it.
    func resolve(_ path: DataPath) -> (path: String, field: FieldSpec)? {
        if path.isCurrent { return levels.last?.current }
        for level in levels.reversed() {
            if let found = Self.walk(path.components, in: level.fields) {
                return (level.prefix.isEmpty ? found.path : level.prefix + "." + found.path, found.field)
            }
        }
        return nil
    }

    /// Enters a section: a table's columns or a group's fields become visible.
    mutating func enter(_ resolved: (path: String, field: FieldSpec)?, inverted: Bool) {
        guard let resolved else {
            levels.append(Level(prefix: "", fields: [], opaque: true))
            return
        }
        let fields = inverted ? [] : resolved.field.children
        levels.append(Level(prefix: resolved.path, fields: fields, current: resolved))
    }

    mutating func leave() {
        if levels.count > 1 { levels.removeLast() }
    }

    /// Keys a misspelt name may have meant: the innermost section's and the top level's.
    var candidateKeys: [String] {
        var keys = levels.last?.fields.map(\.key) ?? []
        if levels.count > 1 { keys += levels[0].fields.map(\.key) }
        return keys
    }

    /// Where names are looked up, for messages: `「人员」或表单 sd-lab-2022 `.
    var description: String {
        let inner = levels.dropFirst().reversed().compactMap { $0.current?.path }
        return (inner.map { "「\($0)」" } + ["表单 \(spec.id) "]).joined(separator: "或")
    }

    private static func walk(_ components: [String], in fields: [FieldSpec]) -> (path: String, field: FieldSpec)? {
        guard let first = components.first, var field = fields.first(where: { $0.key == first }) else { return nil }
        var keys = [first]
        for component in components.dropFirst() {
            if Int(component) != nil, field.type == .table || field.type == .multichoice { continue }
            guard let next = field.child(component) else { return nil }
            field = next
            keys.append(component)
        }
        return (keys.joined(separator: "."), field)
    }
}

/// The nearest key to a misspelt one, when it is close enough to be a likely typo.
enum NearestKey {
    static func find(_ key: String, among candidates: [String]) -> String? {
        let a = Array(key)
        var best: (key: String, distance: Int)?
        for candidate in candidates {
            let d = distance(a, Array(candidate))
            if d < (best?.distance ?? Int.max) { best = (candidate, d) }
        }
        guard let best, best.distance <= max(1, min(a.count, best.key.count) / 3) else { return nil }
        return best.key
    }

    private static func distance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var row = [i] + Array(repeating: 0, count: b.count)
            for j in 1...max(1, b.count) where !b.isEmpty {
                row[j] = min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = b.isEmpty ? [i] : row
        }
        return previous[b.count]
    }
}
