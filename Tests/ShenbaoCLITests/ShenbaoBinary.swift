import Foundation
import ShenbaoTestSupport
import ShenbaoCore

/// Runs the built `shenbao` executable, found beside the test bundle (both are in the build's
/// products folder) or through `swift build --show-bin-path`.
enum ShenbaoBinary {
    static let repositoryRoot = Checkout.root

    /// The built executable (`ShenbaoCommand.path`, the one finder).
    static let path: String = ShenbaoCommand.path ?? "shenbao"

    /// Runs `shenbao` with `arguments`; stdout, stderr and exit status.
    static func run(_ arguments: [String], environment: [String: String] = [:]) throws -> ToolResult {
        try ExternalTool.run(path, arguments, timeout: 60, environment: environment)
    }
}
