import Foundation

/// Writes files whole or not at all: into a temporary file beside the target, then renamed.
public enum AtomicFile {
    /// Writes `bytes` to `path` atomically.
    /// - Throws: `AtomicFileError` naming the path when the directory is missing or not writable.
    public static func write(_ bytes: [UInt8], to path: String) throws {
        try write(to: path) { temp in
            guard FileManager.default.createFile(atPath: temp, contents: Data(bytes)) else {
                throw AtomicFileError.cannotWrite(path: path, reason: "cannot create a temporary file in its directory")
            }
        }
    }

    /// Calls `produce` with a temporary path beside `path`; when it returns, renames the temporary
    /// file onto `path`. When it throws, the temporary file is removed and `path` is untouched.
    public static func write(to path: String, _ produce: (String) throws -> Void) throws {
        let url = URL(fileURLWithPath: path)
        let dir = url.deletingLastPathComponent().path
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: dir, isDirectory: &isDir), isDir.boolValue else {
            throw AtomicFileError.cannotWrite(path: path, reason: "directory \(dir) does not exist")
        }
        let temp = "\(dir)/.\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).\(UInt32.random(in: 0...UInt32.max)).tmp"
        do {
            try produce(temp)
            guard rename(temp, path) == 0 else {
                throw AtomicFileError.cannotWrite(path: path, reason: String(cString: strerror(errno)))
            }
        } catch {
            unlink(temp)
            throw error
        }
    }
}

public enum AtomicFileError: Error, CustomStringConvertible, Sendable {
    case cannotWrite(path: String, reason: String)
    public var description: String {
        switch self {
        case .cannotWrite(let path, let reason): return "\(path): cannot write: \(reason)"
        }
    }
}
