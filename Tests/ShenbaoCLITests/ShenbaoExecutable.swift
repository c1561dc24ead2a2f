import Foundation
import ShenbaoTestSupport
import ShenbaoCore

/// The `shenbao` executable the build put next to the test bundle, and the checkout's folders.
enum ShenbaoExecutable {
    static var path: String? { ShenbaoCommand.path }

    /// The checkout (templates/, samples/).
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path

    struct NotBuilt: Error, CustomStringConvertible {
        var description: String { "build the shenbao executable first (swift build)" }
    }

    /// Runs `shenbao arguments…` (tests run in parallel: paths are absolute, the folder is not changed).
    static func run(_ arguments: [String], timeout: Double = 300) throws -> ToolResult {
        guard let path else { throw NotBuilt() }
        return try ExternalTool.run(path, arguments, timeout: timeout)
    }

    /// A fresh folder under the temporary directory, removed by the caller.
    static func scratchDirectory() throws -> String {
        let path = NSTemporaryDirectory() + "shenbao-cli-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }
}
