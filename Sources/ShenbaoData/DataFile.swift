import Foundation
import ShenbaoCore

/// The syntax of a data file.
public enum DataFormat: String, Sendable, CaseIterable {
    case yaml
    case json

    /// `.json` files are JSON, `.yaml`/`.yml` YAML; any other name is JSON when its first
    /// non-blank character is `{` or `[`, YAML otherwise.
    public static func guess(path: String, bytes: [UInt8]) -> DataFormat {
        let lower = path.lowercased()
        if lower.hasSuffix(".json") { return .json }
        if lower.hasSuffix(".yaml") || lower.hasSuffix(".yml") { return .yaml }
        let start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        for b in bytes[start...] where b != 0x20 && b != 0x09 && b != 0x0A && b != 0x0D {
            return b == 0x7B || b == 0x5B ? .json : .yaml
        }
        return .yaml
    }
}

/// Limits that keep a hostile data file from exhausting time or memory.
public struct DataLimits: Sendable, Equatable {
    /// Largest file accepted, in bytes (10 MB).
    public var maximumBytes: Int = 10 * 1024 * 1024
    /// Deepest nesting of lists and maps accepted; the top-level map is depth 1.
    public var maximumDepth: Int = 64
    /// Most keys and values (scalars, lists, maps) a data file may hold, YAML aliases (`*name`)
    /// counted by the size of what they copy.
    public var maximumExpandedValues: Int = 1_000_000

    public init() {}
    public static let `default` = DataLimits()
}

/// Reads an application's data file (YAML or JSON) into a `DataValue` tree with locations.
///
/// Scalars keep the text the applicant typed (`0531-51785094`, `2022-12-10`, `250000`, `无`);
/// a YAML plain `true`/`false` is a bool and `null`/`~`/empty is null; JSON numbers keep their
/// literal text. Every value and key carries its file, line and column.
public enum DataFile {
    /// Loads and parses the data file at `path`.
    /// - Throws: `DiagnosticsError` with the file, line and column of every problem: unreadable or
    ///   too large file, not UTF-8 (GBK/GB18030 is recognised and the conversion shown), syntax
    ///   errors, duplicate keys, nesting or alias expansion beyond `DataLimits`.
    public static func load(_ path: String) throws -> DataValue {
        try load(path, limits: .default)
    }

    /// Loads and parses the data file at `path` under `limits`.
    /// - Throws: `DiagnosticsError`, as `load(_:)`.
    public static func load(_ path: String, limits: DataLimits) throws -> DataValue {
        let bytes = try readBytes(path, limits: limits)
        return try parse(bytes, path: path, format: DataFormat.guess(path: path, bytes: bytes), limits: limits)
    }

    /// Parses `bytes` as the contents of a file named `path` (used in locations only).
    /// - Parameter format: the syntax; guessed from `path` and the bytes when nil.
    /// - Throws: `DiagnosticsError`, as `load(_:)`.
    public static func parse(
        _ bytes: [UInt8], path: String, format: DataFormat? = nil, limits: DataLimits = .default
    ) throws -> DataValue {
        let (value, problems) = try parseKeepingDuplicates(bytes, path: path, format: format, limits: limits)
        if !problems.isEmpty { throw DiagnosticsError(problems) }
        return value
    }

    /// Like `parse`, but duplicate keys do not throw: they come back as diagnostics beside the value
    /// (which keeps each key's first occurrence), so a validator can report them with everything else.
    /// - Throws: `DiagnosticsError` for every other problem.
    public static func parseKeepingDuplicates(
        _ bytes: [UInt8], path: String, format: DataFormat? = nil, limits: DataLimits = .default
    ) throws -> (value: DataValue, duplicates: [Diagnostic]) {
        if bytes.count > limits.maximumBytes {
            throw DiagnosticsError([tooLarge(path, size: bytes.count, limits: limits)])
        }
        let read: (value: DataValue, duplicates: [Diagnostic])
        switch format ?? DataFormat.guess(path: path, bytes: bytes) {
        case .json where bytes.count >= 256 << 10:
            // A large file is checked to be UTF-8 on another core while it is parsed (the parser
            // does not need valid UTF-8 to finish); an encoding problem is still the one reported.
            let encoding = BackgroundWork { Result { () throws -> Void in _ = try TextDecoding.validUTF8(bytes, path: path) } }
            let text = TextDecoding.withoutByteOrderMark(bytes)
            let parsed = Result { try JSONReader.read(bytes: text, path: path, limits: limits) }
            try encoding.value.get()
            read = try parsed.get()
        case .json: read = try JSONReader.read(bytes: TextDecoding.validUTF8(bytes, path: path), path: path, limits: limits)
        case .yaml: read = try YAMLReader.read(TextDecoding.decode(bytes, path: path), path: path, limits: limits)
        }
        let controls = ControlCharacters.mayOccur(in: bytes) ? ControlCharacters.find(in: read.value) : []
        if !controls.isEmpty { throw DiagnosticsError(read.duplicates + controls) }
        return read
    }

    /// Like `load`, but duplicate keys come back as diagnostics beside the value.
    /// - Throws: `DiagnosticsError` for every other problem.
    public static func loadKeepingDuplicates(
        _ path: String, limits: DataLimits = .default
    ) throws -> (value: DataValue, duplicates: [Diagnostic]) {
        let bytes = try readBytes(path, limits: limits)
        return try parseKeepingDuplicates(bytes, path: path, limits: limits)
    }

    /// The form a data file names with its top-level `form: <id>` key (not a field), if any.
    public static func formID(of data: DataValue) -> String? {
        guard let text = data["form"]?.text?.trimmed, !text.isEmpty else { return nil }
        return text
    }

    /// Loads the file at `path` and returns the data with the form id it names.
    /// - Throws: `DiagnosticsError`, as `load(_:)`.
    public static func loadWithFormID(_ path: String) throws -> (data: DataValue, formID: String?) {
        let data = try load(path)
        return (data, formID(of: data))
    }

    private static func readBytes(_ path: String, limits: DataLimits) throws -> [UInt8] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw DiagnosticsError([.error(.fileNotFound, at: .file(path), "找不到文件")])
        }
        guard !isDirectory.boolValue else {
            throw DiagnosticsError([.error(.unreadable, at: .file(path), "这是一个目录，不是数据文件")])
        }
        // Only a regular file, its size checked before reading, at most one byte past the limit.
        do {
            return try InputFile.read(path, limit: limits.maximumBytes, what: "数据文件")
        } catch let error as InputFileError where error.code == .fileTooLarge {
            let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber
            throw DiagnosticsError([tooLarge(path, size: size?.intValue ?? limits.maximumBytes + 1, limits: limits)])
        } catch let error as InputFileError {
            throw DiagnosticsError([.error(error.code, at: .file(path), error.cause)])
        }
    }

    private static func tooLarge(_ path: String, size: Int, limits: DataLimits) -> Diagnostic {
        .error(
            .fileTooLarge, at: .file(path),
            "文件有 \(size) 字节，超过上限 \(limits.maximumBytes) 字节（\(limits.maximumBytes / 1024 / 1024) MB），拒绝读取")
    }
}
