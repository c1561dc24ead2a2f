import Foundation

/// Scratch folders for one test process: `$TMPDIR/<prefix>-<pid>`, created empty. Folders that
/// earlier test processes (no longer running) left with the same prefix are removed first.
enum TestDirectory {
    static func fresh(_ prefix: String) throws -> String {
        let temporary = NSTemporaryDirectory()
        for name in (try? FileManager.default.contentsOfDirectory(atPath: temporary)) ?? [] where name.hasPrefix(prefix + "-") {
            if let pid = Int32(name.dropFirst(prefix.count + 1)), pid != getpid(), kill(pid, 0) != 0 {
                try? FileManager.default.removeItem(atPath: temporary + name)
            }
        }
        let dir = temporary + "\(prefix)-\(getpid())"
        try? FileManager.default.removeItem(atPath: dir)
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }
}
