import Foundation
import ShenbaoCore

/// Runs the built `shenbao` executable, found beside the test bundle (both are in the build's
/// products folder) or through `swift build --show-bin-path`.
enum ShenbaoBinary {
    static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

    static let path: String = {
        var candidates: [String] = []
        for bundle in Bundle.allBundles {
            candidates.append(bundle.bundleURL.deletingLastPathComponent().appendingPathComponent("shenbao").path)
        }
        if let executable = Bundle.main.executableURL {
            candidates.append(executable.deletingLastPathComponent().appendingPathComponent("shenbao").path)
        }
        if let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) { return found }
        let result = try? ExternalTool.run("swift", ["build", "--package-path", repositoryRoot, "--show-bin-path"], timeout: 120)
        let binPath = result?.outputText.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        return binPath + "/shenbao"
    }()

    /// Runs `shenbao` with `arguments`; stdout, stderr and exit status.
    static func run(_ arguments: [String], environment: [String: String] = [:]) throws -> ToolResult {
        try ExternalTool.run(path, arguments, timeout: 60, environment: environment)
    }
}
