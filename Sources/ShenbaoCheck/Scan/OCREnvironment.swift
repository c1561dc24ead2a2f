import Foundation

/// Where the OCR engine lives: one virtual environment outside every checkout, shared by every
/// worktree and by an installed `shenbao`, and the helper script run with it. The one owner of
/// this lookup: `scripts/setup.sh` installs to the same `venv`, the tests ask `python`.
///
/// - data folder: `$SHENBAO_DATA`, else `$XDG_DATA_HOME/shenbao`, else `~/.local/share/shenbao`;
/// - Python: `$SHENBAO_OCR_PYTHON`, else `<data folder>/ocr-venv/bin/python`;
/// - script: `$SHENBAO_OCR_SCRIPT`, else `<exe>/../share/shenbao/ocr.py` (`make install`), else
///   `scripts/ocr.py` of the checkout this code was built from.
package enum OCREnvironment {
    /// The folder holding the OCR venv and the OCR cache.
    package static func dataDirectory(_ env: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let dir = env["SHENBAO_DATA"], !dir.isEmpty { return dir }
        let xdg = env["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? (env["HOME"] ?? NSHomeDirectory()) + "/.local/share"
        return xdg + "/shenbao"
    }

    /// The virtual environment `scripts/setup.sh` installs RapidOCR into.
    package static func venv(_ env: [String: String] = ProcessInfo.processInfo.environment) -> String {
        dataDirectory(env) + "/ocr-venv"
    }

    /// The Python that runs the OCR helper, or nil when none is installed.
    package static func python(_ env: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        if let python = env["SHENBAO_OCR_PYTHON"], !python.isEmpty {
            return FileManager.default.isExecutableFile(atPath: python) ? python : nil
        }
        let candidate = venv(env) + "/bin/python"
        return FileManager.default.isExecutableFile(atPath: candidate) ? candidate : nil
    }

    /// The default OCR cache: `<data folder>/ocr-cache`.
    package static func cacheDirectory(_ env: [String: String] = ProcessInfo.processInfo.environment) -> String {
        dataDirectory(env) + "/ocr-cache"
    }

    /// The helper script `ocr.py`, or nil when it cannot be found.
    package static func script(_ env: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        var candidates: [String] = []
        if let script = env["SHENBAO_OCR_SCRIPT"], !script.isEmpty { candidates.append(script) }
        let exe = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        candidates.append(exe.deletingLastPathComponent().appendingPathComponent("share/shenbao/ocr.py").path)
        candidates.append(checkoutScripts + "/ocr.py")
        return candidates.first { FileManager.default.fileExists(atPath: $0) }
    }

    /// `scripts/` of the checkout this file was compiled in.
    static let checkoutScripts: String = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("scripts").path

    /// Variables set for every OCR run: no network, no telemetry, two threads.
    static let runEnvironment: [String: String] = [
        "HTTP_PROXY": "http://127.0.0.1:9", "HTTPS_PROXY": "http://127.0.0.1:9",
        "http_proxy": "http://127.0.0.1:9", "https_proxy": "http://127.0.0.1:9", "NO_PROXY": "",
        "OMP_NUM_THREADS": "2", "PYTHONDONTWRITEBYTECODE": "1", "PYTHONNOUSERSITE": "1",
    ]
}
