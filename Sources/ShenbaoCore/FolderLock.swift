#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// An exclusive lock on a folder (`flock` on the folder itself, so nothing is left in it), held
/// while a build writes its outputs there: a second build into the same folder waits until the
/// first has published and checked its files, instead of replacing them under it. The lock goes
/// with the process, however it ends.
public final class FolderLock: @unchecked Sendable {
    private var fd: Int32

    /// Locks `path` (an existing folder), calling `waiting` once first when another process holds it.
    /// - Throws: `OutputFileError` when the folder cannot be opened.
    public init(_ path: String, waiting: () -> Void = {}) throws {
        fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { throw OutputFileError(path: path, cause: "无法打开输出目录：" + FileProblem.describe(errno: errno)) }
        if flock(fd, LOCK_EX | LOCK_NB) == 0 { return }
        guard errno == EWOULDBLOCK else { return }  // a file system without locks: go on unlocked
        waiting()
        while flock(fd, LOCK_EX) != 0 && errno == EINTR {}
    }

    /// Whether another process holds the lock on `path` now.
    public static func isHeld(_ path: String) -> Bool {
        let fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        if flock(fd, LOCK_EX | LOCK_NB) == 0 {
            flock(fd, LOCK_UN)
            return false
        }
        return errno == EWOULDBLOCK
    }

    /// Releases the lock (also done when the object goes).
    public func release() {
        if fd >= 0 {
            flock(fd, LOCK_UN)
            close(fd)
            fd = -1
        }
    }

    deinit { release() }
}
