import Foundation
import ShenbaoCore

/// Finds `templates/<form-id>/form.yaml`.
public enum FormSpecLocator {
    /// The environment variable naming a templates folder, searched first.
    public static let environmentVariable = "SHENBAO_TEMPLATES"

    /// Form ids are lowercase letters, digits and `-`, so an id never leaves the templates folder.
    public static func isValidID(_ id: String) -> Bool {
        guard let first = id.unicodeScalars.first, ("0"..."9").contains(first) || ("a"..."z").contains(first) else { return false }
        return id.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" } && id.count <= 64
    }

    /// The templates folders searched, in order: `explicit` when given, `$SHENBAO_TEMPLATES`,
    /// `./templates`, then `templates` in the executable's folder and up to three folders above it
    /// (the checkout from `.build/debug/shenbao`, as linked or resolved), and
    /// `../share/shenbao/templates` beside an installed executable.
    public static func searchDirectories(explicit: String? = nil) -> [String] {
        var dirs: [String] = []
        if let explicit { dirs.append(explicit) }
        if let env = ProcessInfo.processInfo.environment[environmentVariable], !env.isEmpty { dirs.append(env) }
        dirs.append(FileManager.default.currentDirectoryPath + "/templates")
        for exe in executableDirectories() {
            var dir = URL(fileURLWithPath: exe)
            for _ in 0..<4 {
                dirs.append(dir.appendingPathComponent("templates").path)
                dir = dir.deletingLastPathComponent()
            }
            dirs.append(URL(fileURLWithPath: exe).appendingPathComponent("../share/shenbao/templates").standardizedFileURL.path)
        }
        var seen = Set<String>()
        return dirs.filter { seen.insert($0).inserted }
    }

    /// The path of the form's spec.
    /// - Throws: `DiagnosticsError` (`form-not-found`) listing where it looked, or for an invalid id.
    public static func locate(formID: String, templatesDirectory: String? = nil) throws -> String {
        guard isValidID(formID) else {
            throw DiagnosticsError([.error(.formNotFound, "表单编号「\(formID)」无效：只能含小写字母、数字和 -（如 sd-lab-2022）")])
        }
        let dirs = searchDirectories(explicit: templatesDirectory)
        for dir in dirs {
            let candidate = "\(dir)/\(formID)/form.yaml"
            if FileManager.default.fileExists(atPath: candidate) { return candidate }
        }
        let available = Set(dirs.flatMap { availableForms(in: $0) }).sorted()
        let hint = KeySuggestion.best(for: formID, among: available).map { "是否应为 \($0)？" } ?? ""
        let list = available.isEmpty ? "" : "现有表单：\(available.joined(separator: ", "))。"
        throw DiagnosticsError([
            .error(
                .formNotFound,
                "找不到表单「\(formID)」的规格 \(formID)/form.yaml。\(hint)\(list)查找过：\(dirs.joined(separator: ", "))；可用 --spec 指定文件，或设置 \(environmentVariable)")
        ])
    }

    /// Form ids with a `form.yaml` in a templates folder.
    public static func availableForms(in directory: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        return names.filter { FileManager.default.fileExists(atPath: "\(directory)/\($0)/form.yaml") }.sorted()
    }

    /// The running executable's folder as invoked (through the `.build/debug` link) and resolved.
    private static func executableDirectories() -> [String] {
        var dirs: [String] = []
        if let argument = CommandLine.arguments.first, argument.contains("/") {
            let url = argument.hasPrefix("/") ? URL(fileURLWithPath: argument)
                : URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent(argument)
            dirs.append(url.deletingLastPathComponent().standardizedFileURL.path)
        }
        #if os(Linux)
        if let resolved = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            dirs.append(URL(fileURLWithPath: resolved).deletingLastPathComponent().path)
        }
        #endif
        if let url = Bundle.main.executableURL?.resolvingSymlinksInPath() {
            dirs.append(url.deletingLastPathComponent().path)
        }
        return dirs
    }
}

extension FormSpec {
    /// Reads the spec file at `path`.
    /// - Throws: `DiagnosticsError` with the spec file's line and column of every mistake.
    public static func load(path: String) throws -> FormSpec {
        try read(DataFile.load(path), path: path)
    }

    /// Parses spec YAML `bytes` as the file `path` (used in locations only).
    /// - Throws: `DiagnosticsError`, as `load(path:)`.
    public static func parse(_ bytes: [UInt8], path: String) throws -> FormSpec {
        try read(DataFile.parse(bytes, path: path, format: .yaml), path: path)
    }

    /// Finds and reads `templates/<formID>/form.yaml` (see `FormSpecLocator.searchDirectories`).
    /// - Throws: `DiagnosticsError` when the form is not found, its spec is invalid, or the spec's
    ///   `id` differs from `formID`.
    public static func load(formID: String, templatesDirectory: String? = nil) throws -> FormSpec {
        let path = try FormSpecLocator.locate(formID: formID, templatesDirectory: templatesDirectory)
        let spec = try load(path: path)
        guard spec.id == formID else {
            throw DiagnosticsError([.error(.specInvalid, at: .file(path), "规格的 id 是「\(spec.id)」，但它位于表单「\(formID)」的目录中")])
        }
        return spec
    }

    private static func read(_ root: DataValue, path: String) throws -> FormSpec {
        var reader = FormSpecReader(path: path)
        let spec = reader.read(root)
        guard let spec, reader.diagnostics.isEmpty else { throw DiagnosticsError(reader.diagnostics) }
        return spec
    }
}
