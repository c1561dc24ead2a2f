import Foundation

/// A fresh directory under the system's temporary folder, removed when the test is done with it.
final class TempDirectory {
    let path: String

    init(_ label: String = "summary") {
        path = NSTemporaryDirectory() + "shenbao-\(label)-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString)"
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    /// Writes `text` to `name` inside the directory and returns its path.
    @discardableResult
    func write(_ name: String, _ text: String) throws -> String {
        try write(name, Array(text.utf8))
    }

    @discardableResult
    func write(_ name: String, _ bytes: [UInt8]) throws -> String {
        let file = "\(path)/\(name)"
        try FileManager.default.createDirectory(
            atPath: (file as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data(bytes).write(to: URL(fileURLWithPath: file))
        return file
    }

    /// Writes the fixture specs as `templates/<id>/form.yaml` and returns the templates folder.
    func fixtureTemplates() throws -> String {
        for (id, text) in FixtureForms.all { try write("templates/\(id)/form.yaml", text) }
        return "\(path)/templates"
    }
}
