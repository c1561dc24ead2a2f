import Foundation

/// The private folder of one `ConverterPool.convert` call: `$TMPDIR/shenbao-pdf-XXXXXX`, holding
/// the staged documents, the LibreOffice profiles, LibreOffice's own temporary files (its
/// `TMPDIR` points into `tmp/`, so its `lu*.tmp` folders go with the workspace) and the PDFs
/// before they are published.
///
/// An `owner` file records the process and its start time. A run killed before it could clean
/// up (`kill -9`, a power cut) leaves its workspace behind; the next run removes every workspace
/// whose owner is gone, after killing any LibreOffice still running on one of its profiles.
enum PDFWorkspace {
    static let prefix = "shenbao-pdf-"
    /// A workspace with no owner file older than this is an older version's, or a run that died
    /// between creating it and writing the file.
    static let ownerlessAge: TimeInterval = 600

    /// Creates a fresh workspace, after removing the stale ones.
    /// - Throws: `CocoaError` when the temporary folder cannot be written.
    static func make() throws -> String {
        removeStale()
        var template = Array((temporaryDirectory + prefix + "XXXXXX").utf8CString)
        guard let made = mkdtemp(&template) else {
            throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: temporaryDirectory])
        }
        let path = String(cString: made)
        try Data(ownerLine(pid: getpid()).utf8).write(to: URL(fileURLWithPath: path + "/owner"))
        try FileManager.default.createDirectory(atPath: path + "/tmp", withIntermediateDirectories: true)
        return path
    }

    /// `$TMPDIR` with a final slash.
    static var temporaryDirectory: String {
        let dir = NSTemporaryDirectory()
        return dir.hasSuffix("/") ? dir : dir + "/"
    }

    /// Removes the workspaces of runs that are gone, killing LibreOffice processes still using them.
    static func removeStale() {
        let fm = FileManager.default
        let names = (try? fm.contentsOfDirectory(atPath: temporaryDirectory)) ?? []
        // Exactly `shenbao-pdf-` and mkdtemp's six characters: nothing else of that prefix is ours.
        for name in names where name.hasPrefix(prefix) && name.count == prefix.count + 6 {
            let path = temporaryDirectory + name
            guard isStale(path) else { continue }
            killProcesses(using: path)
            try? fm.removeItem(atPath: path)
        }
    }

    static func isStale(_ path: String) -> Bool {
        let fm = FileManager.default
        guard let owner = try? String(contentsOfFile: path + "/owner", encoding: .utf8) else {
            let modified = (try? fm.attributesOfItem(atPath: path))?[.modificationDate] as? Date
            return modified.map { Date().timeIntervalSince($0) > ownerlessAge } ?? false
        }
        let fields = owner.split(separator: " ")
        guard let pid = fields.first.flatMap({ pid_t($0) }) else { return true }
        guard kill(pid, 0) == 0 || errno == EPERM else { return true }
        // The pid lives; it is the owner only if it started when the owner did.
        return ownerLine(pid: pid) != owner
    }

    /// `pid starttime` (the start time from /proc, in clock ticks since boot; empty elsewhere).
    static func ownerLine(pid: pid_t) -> String {
        let stat = (try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8)) ?? ""
        // Field 22 is the start time; the command name (field 2) may hold spaces, so count after ')'.
        let afterName = stat.split(separator: ")").last.map { $0.split(separator: " ") } ?? []
        let start = afterName.count > 19 ? String(afterName[19]) : ""
        return "\(pid) \(start)"
    }

    /// SIGKILL to every process whose command line names `path` (a LibreOffice on one of its
    /// profiles), found through /proc; nothing where there is no /proc.
    static func killProcesses(using path: String) {
        let needle = Array(path.utf8)
        for entry in (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? [] {
            guard let pid = pid_t(entry), pid != getpid(),
                let cmdline = FileManager.default.contents(atPath: "/proc/\(entry)/cmdline")
            else { continue }
            let bytes = [UInt8](cmdline)
            if bytes.count >= needle.count, (0...(bytes.count - needle.count)).contains(where: { bytes[$0..<($0 + needle.count)].elementsEqual(needle) }) {
                kill(pid, SIGKILL)
            }
        }
    }
}
