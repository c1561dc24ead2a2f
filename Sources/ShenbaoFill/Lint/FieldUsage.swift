import ShenbaoCore
import ShenbaoData
import ShenbaoOOXML

/// Follows a template's tags through their sections, resolving each against the form spec:
/// reports names the form lacks, checkbox options it does not offer and images where text goes
/// (and text where an image goes), and remembers which fields the template prints.
struct FieldUsage {
    let spec: FormSpec
    private(set) var diagnostics: [Diagnostic] = []
    /// Dotted spec paths of the fields some tag names (list indices dropped).
    private(set) var used: Set<String> = []

    init(spec: FormSpec) { self.spec = spec }

    mutating func walk(_ part: ParsedPart) {
        var scopes = FieldScopes(spec: spec)
        for (n, kind) in part.kinds.enumerated() {
            let tag = part.lexed.tags[n]
            switch kind {
            case .sectionOpen(let path, let inverted, _):
                let resolved = resolve(path, tag, scopes)
                scopes.enter(resolved, inverted: inverted)
            case .sectionClose:
                scopes.leave()
            case .value(let path, _):
                guard let (_, field) = resolve(path, tag, scopes) else { continue }
                switch field.type {
                case .image:
                    report(.imageFieldAsText, tag, "\(tag.raw) 把图片字段「\(field.key)」当作文字填写：放置图片请写 {{%\(path)}}")
                case .table:
                    report(.tableAsText, tag, "\(tag.raw) 把表格「\(field.key)」当作文字填写：请用 {{#\(path)}}…{{/\(path)}} 重复它的行")
                case .group:
                    report(.groupAsText, tag, "\(tag.raw) 把分组「\(field.key)」当作文字填写：请写它的一个字段，如 {{\(path).\(field.fields.first?.key ?? "…")}}")
                default:
                    break
                }
            case .image(let path):
                guard let (_, field) = resolve(path, tag, scopes) else { continue }
                if field.type != .image {
                    report(.imageTagOnText, tag, "\(tag.raw) 放置图片，但「\(field.key)」是 \(field.type.rawValue) 字段，不是图片")
                }
            case .checkbox(let path, let option):
                guard let (_, field) = resolve(path, tag, scopes) else { continue }
                checkOption(option, of: field, tag.raw, place: tag.place.description)
            case .rawXML(let path):
                _ = resolve(path, tag, scopes)
            case .index, .comment:
                break
            }
        }
    }

    /// A checkbox content control bound to `path=选项` (resolved at the top level).
    mutating func contentControl(_ slot: ContentControlCheckboxes.Slot, at place: DocxLocation) {
        guard case .checked(let path, let option) = slot else { return }
        let shown = "勾选框内容控件 \(path)=\(option)"
        guard let (dotted, field) = FieldScopes(spec: spec).resolve(path) else {
            diagnostics.append(.error(.unknownField, place: place.description, "\(shown): 表单 \(spec.id) 中没有字段「\(path)」"))
            return
        }
        used.insert(dotted)
        checkOption(option, of: field, shown, place: place.description)
    }

    /// Required fields no tag names: a group through its required children's dotted paths, a
    /// table when its section (or any path into it) appears, then its required columns.
    func missingRequired() -> [Diagnostic] {
        var out: [Diagnostic] = []
        func appears(_ path: String) -> Bool {
            used.contains(path) || used.contains { $0.hasPrefix(path + ".") }
        }
        func check(_ fields: [FieldSpec], prefix: String) {
            for field in fields {
                let path = prefix.isEmpty ? field.key : "\(prefix).\(field.key)"
                switch field.type {
                case .group:
                    if field.required || appears(path) { check(field.fields, prefix: path) }
                case .table:
                    if appears(path) {
                        check(field.columns, prefix: path)
                    } else if field.required {
                        out.append(.error(.missingRequiredField, label: label(field, path),
                            "必填的表格「\(path)」在模板中没有区块：请加上 {{#\(path)}}…{{/\(path)}}"))
                    }
                default:
                    if field.required && !used.contains(path) {
                        out.append(.error(.missingRequiredField, label: label(field, path),
                            "必填字段「\(path)」在模板中没有标签：请加上 {{\(path)}}"))
                    }
                }
            }
        }
        check(spec.fields, prefix: "")
        return out
    }

    private func label(_ field: FieldSpec, _ path: String) -> String? {
        field.label == field.key || field.label == path ? nil : field.label
    }

    private mutating func resolve(_ path: DataPath, _ tag: LexedTag, _ scopes: FieldScopes) -> (path: String, field: FieldSpec)? {
        if let found = scopes.resolve(path) {
            used.insert(found.path)
            return found
        }
        guard scopes.reportsUnknown else { return nil }
        if path.isCurrent {
            report(.unknownField, tag, "\(tag.raw) 指当前项，但不在任何区块内")
            return nil
        }
        let name = path.description
        var message = "\(tag.raw): \(scopes.description)中没有字段「\(name)」"
        let candidates = scopes.candidateKeys + spec.allFields.map(\.path)
        if let near = NearestKey.find(name, among: candidates) { message += "，是否应为「\(near)」？" }
        report(.unknownField, tag, message)
        return nil
    }

    private mutating func checkOption(_ option: String, of field: FieldSpec, _ shown: String, place: String) {
        let options: [String]
        switch field.type {
        case .choice, .multichoice: options = field.options
        case .bool: options = field.options.isEmpty ? ["是", "否"] : field.options
        default: return
        }
        guard !options.contains(option) else { return }
        var message = "\(shown): 「\(option)」不是「\(field.key)」的选项（\(options.joined(separator: "、"))）"
        if let near = NearestKey.find(option, among: options) { message += "，是否应为「\(near)」？" }
        diagnostics.append(.error(.unknownOption, place: place, message))
    }

    private mutating func report(_ code: DiagnosticCode, _ tag: LexedTag, _ message: String) {
        diagnostics.append(.error(code, place: tag.place.description, message))
    }
}
