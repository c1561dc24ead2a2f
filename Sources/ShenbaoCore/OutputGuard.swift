#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Refuses an output that is one of the command's inputs, however it is spelled: the same path,
/// a path through a symbolic link, `..` detours, or another hard link to the same file (same
/// device and inode). Every command that writes asks it before writing anything.
///
/// ```swift
/// var outputs = OutputGuard()
/// outputs.input(template, as: "模板")
/// outputs.input(data, as: "数据文件")
/// try outputs.check(output, option: "-o")
/// ```
public struct OutputGuard: Sendable {
    /// An input as the guard knows it: what it is, as given, and its identity on disk.
    struct Input: Sendable {
        var role: String
        var given: String
        var resolved: String
        var identity: FileIdentity?
    }

    private var inputs: [Input] = []

    public init() {}

    /// Records `path` as an input of the command; `role` names it in a message (`数据文件`).
    public mutating func input(_ path: String, as role: String) {
        inputs.append(Input(role: role, given: path, resolved: Self.resolve(path), identity: FileIdentity(path)))
    }

    /// Records every existing file a data tree names (an image field's path, `{path: …}`),
    /// relative to `dataDirectory`: whatever the form makes of them, they are inputs.
    public mutating func filesNamed(by value: DataValue, relativeTo dataDirectory: String) {
        switch value.kind {
        case .string(let text):
            guard !text.isEmpty, !text.contains("\n"), text.utf8.count < 4096 else { return }
            let full = text.hasPrefix("/") ? text : (dataDirectory as NSString).appendingPathComponent(text)
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory), !isDirectory.boolValue {
                input(full, as: "数据中引用的文件")
            }
        case .list(let items): for item in items { filesNamed(by: item, relativeTo: dataDirectory) }
        case .map(let map): for entry in map.entries { filesNamed(by: entry.value, relativeTo: dataDirectory) }
        case .null, .bool, .number: break
        }
    }

    /// The inputs recorded, as given.
    public var inputPaths: [String] { inputs.map(\.given) }

    /// Throws when `output` is an input.
    /// - Parameter option: the option that named it (`-o`, `--annotate`), for the message.
    /// - Throws: `OutputFileError` with code `output-is-input`.
    public func check(_ output: String, option: String) throws {
        if let clash = clash(output) {
            throw OutputFileError(
                path: output,
                cause: "\(option) 指向了输入文件「\(clash.given)」（\(clash.role)），会把它覆盖：请换一个输出路径",
                code: .outputIsInput)
        }
    }

    /// The input `output` would overwrite, if any.
    func clash(_ output: String) -> Input? {
        let resolved = Self.resolve(output)
        let identity = FileIdentity(output)
        return inputs.first { input in
            input.resolved == resolved || (identity != nil && input.identity == identity)
        }
    }

    /// The absolute path with every symbolic link resolved; for a file that does not exist yet, its
    /// folder resolved and its name appended.
    public static func resolve(_ path: String) -> String {
        let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        if let real = realpath(absolute, nil) {
            defer { free(real) }
            return String(cString: real)
        }
        let url = URL(fileURLWithPath: absolute).standardizedFileURL
        let parent = url.deletingLastPathComponent().path
        guard parent != absolute, parent != "/" || url.path != "/" else { return url.path }
        let name = url.lastPathComponent
        let resolvedParent = resolve(parent)
        return resolvedParent.hasSuffix("/") ? resolvedParent + name : resolvedParent + "/" + name
    }
}

/// A file's device and inode: two paths with the same identity are the same file.
struct FileIdentity: Sendable, Equatable {
    var device: UInt64
    var inode: UInt64

    init?(_ path: String) {
        var st = stat()
        guard stat(path, &st) == 0 else { return nil }
        device = UInt64(st.st_dev)
        inode = UInt64(st.st_ino)
    }
}
