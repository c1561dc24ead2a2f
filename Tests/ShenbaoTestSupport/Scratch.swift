import Foundation

/// A fresh folder for one test under the temporary folder; removed by `remove()`.
package struct Scratch: Sendable {
    package let path: String

    /// Creates `$TMPDIR/shenbao-test-<name>-<random>`.
    package init(_ name: String = "test") throws {
        path = NSTemporaryDirectory() + "shenbao-test-\(name)-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    /// `path/name`.
    package func file(_ name: String) -> String { path + "/" + name }

    /// Writes `text` to `path/name` and returns that path.
    @discardableResult
    package func write(_ name: String, _ text: String) throws -> String {
        try Data(text.utf8).write(to: URL(fileURLWithPath: file(name)))
        return file(name)
    }

    /// Every file name in the folder, hidden ones included, sorted.
    package var files: [String] { ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted() }

    package func remove() { try? FileManager.default.removeItem(atPath: path) }
}
