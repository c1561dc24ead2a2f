import ShenbaoCore
import ShenbaoOOXML

/// Checks, once per template, that every checkbox (`{{path=选项}}` or a bound checkbox content
/// control) names one of its field's options, when a spec gives them.
enum CheckboxOptionCheck {
    static func check(_ parsed: ParsedPart, controls: [Int: ContentControlCheckboxes.Slot], options: FillOptions) -> [Diagnostic] {
        guard !options.choiceOptions.isEmpty else { return [] }
        var diagnostics: [Diagnostic] = []
        for (n, kind) in parsed.kinds.enumerated() {
            guard case .checkbox(let path, let option) = kind else { continue }
            let tag = parsed.lexed.tags[n]
            if let problem = problem(path, option, at: tag.token, parsed, options) {
                diagnostics.append(.error(.unknownOption, place: tag.place.description, "\(tag.raw): \(problem)"))
            }
        }
        for (token, slot) in controls.sorted(by: { $0.key < $1.key }) {
            guard case .checked(let path, let option) = slot, let problem = problem(path, option, at: token, parsed, options) else { continue }
            diagnostics.append(.error(.unknownOption, place: place(of: token, parsed).description, "勾选框内容控件“\(path)=\(option)”: \(problem)"))
        }
        return diagnostics
    }

    /// Why `option` is not an option of the field `path` names where it stands, or nil.
    private static func problem(_ path: DataPath, _ option: String, at token: Int, _ parsed: ParsedPart, _ options: FillOptions) -> String? {
        let sections = enclosingPaths(of: token, in: parsed.sections)
        for k in stride(from: sections.count, through: 0, by: -1) {
            let key = (sections[..<k].map(\.components).joined() + path.components).joined(separator: ".")
            guard let allowed = options.choiceOptions[key] else { continue }
            return allowed.contains(option) ? nil : "「\(option)」不是「\(key)」的选项（\(allowed.joined(separator: "、"))）"
        }
        return nil
    }

    /// The data paths of the sections around `token`, outermost first.
    private static func enclosingPaths(of token: Int, in sections: [Section]) -> [DataPath] {
        guard let section = sections.first(where: { $0.inner.contains(token) }) else { return [] }
        return [section.path] + enclosingPaths(of: token, in: section.children)
    }

    private static func place(of token: Int, _ parsed: ParsedPart) -> DocxLocation {
        var tracker = DocxLocationTracker(part: parsed.lexed.name)
        for t in parsed.lexed.tokens[..<token] { tracker.follow(t) }
        return tracker.current
    }
}
