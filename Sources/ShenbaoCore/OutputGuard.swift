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

    /// A string of the data that may name a file, kept until an output is checked.
    struct NamedFile: Sendable {
        var text: String
        var directory: String
        var path: String { text.hasPrefix("/") ? text : (directory as NSString).appendingPathComponent(text) }
    }

    private var namedFiles: [NamedFile] = []

    public init() {}

    /// Records `path` as an input of the command; `role` names it in a message (`数据文件`).
    public mutating func input(_ path: String, as role: String) {
        inputs.append(Input(role: role, given: path, resolved: Self.resolve(path), identity: FileIdentity(path)))
    }

    /// Records every file a data tree names (an image field's path, `{path: …}`), relative to
    /// `dataDirectory`: whatever the form makes of them, they are inputs.
    ///
    /// Nothing is looked up on disk here: a data file of 5,000 rows holds 40,000 strings, and the
    /// names are only compared with an output that already exists (`check`), which is the only
    /// output that could overwrite one of them.
    public mutating func filesNamed(by value: DataValue, relativeTo dataDirectory: String) {
        switch value.kind {
        case .string(let text):
            if Self.couldNameAFile(text) { namedFiles.append(NamedFile(text: text, directory: dataDirectory)) }
        case .list(let items): for item in items { filesNamed(by: item, relativeTo: dataDirectory) }
        case .map(let map): for entry in map.entries { filesNamed(by: entry.value, relativeTo: dataDirectory) }
        case .null, .bool, .number: break
        }
    }

    /// A string a form could take as a file: one line, not too long, with a path separator or
    /// a file extension (`公章.png`, `images/seal`); names, titles and dates are not.
    static func couldNameAFile(_ text: String) -> Bool {
        var length = 0
        var lastDot = -1
        var slash = false
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\n"), 0: return false
            case UInt8(ascii: "/"): slash = true; lastDot = -1
            case UInt8(ascii: "."): lastDot = length
            default: break
            }
            length += 1
            if length >= 4096 { return false }
        }
        return slash || (lastDot >= 0 && lastDot < length - 1)
    }

    /// The inputs recorded, as given (the files the data names are not among them: they are
    /// only looked up when an output is checked).
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

    /// The input `output` would overwrite, if any: a recorded input by path or identity, else,
    /// when `output` exists, a regular file the data names that is the same file.
    func clash(_ output: String) -> Input? {
        let resolved = Self.resolve(output)
        let identity = FileIdentity(output)
        if let input = inputs.first(where: { $0.resolved == resolved || (identity != nil && $0.identity == identity) }) {
            return input
        }
        guard let identity else { return nil }
        var seen = Set<String>()
        for named in namedFiles where seen.insert(named.path).inserted {
            guard let other = FileIdentity(named.path), other == identity, other.isRegularFile else { continue }
            return Input(role: "数据中引用的文件", given: named.path, resolved: Self.resolve(named.path), identity: other)
        }
        return nil
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
    /// Not part of the identity: whether the file is a regular file (not a folder).
    var isRegularFile: Bool

    init?(_ path: String) {
        var st = stat()
        guard stat(path, &st) == 0 else { return nil }
        device = UInt64(st.st_dev)
        inode = UInt64(st.st_ino)
        isRegularFile = (st.st_mode & S_IFMT) == S_IFREG
    }

    static func == (a: FileIdentity, b: FileIdentity) -> Bool { a.device == b.device && a.inode == b.inode }
}
