import Foundation
import ShenbaoCore

/// Runs the built `shenbao` executable, the one `swift build` put beside the test bundle.
package enum ShenbaoCommand {
    /// Thrown when the executable has not been built.
    package struct NotBuilt: Error, CustomStringConvertible {
        package init() {}
        package var description: String { "the shenbao executable is not built (run swift build first)" }
    }

    /// The executable's path, or nil when it has not been built.
    package static let path: String? = {
        var folders: [URL] = []
        for bundle in Bundle.allBundles { folders.append(bundle.bundleURL.deletingLastPathComponent()) }
        let argument0 = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        folders += [argument0, argument0.deletingLastPathComponent()]
        for folder in folders {
            let candidate = folder.appendingPathComponent("shenbao").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }()

    /// Runs `shenbao arguments…` with `environment` added; paths should be absolute (tests run in
    /// parallel and never change folder).
    /// - Throws: `NotBuilt`, or `ExternalTool`'s errors when the process cannot start or times out.
    package static func run(_ arguments: [String], environment: [String: String] = [:], timeout: Double = 300) throws -> ToolResult {
        guard let path else { throw NotBuilt() }
        return try ExternalTool.run(path, arguments, timeout: timeout, environment: environment)
    }
}
