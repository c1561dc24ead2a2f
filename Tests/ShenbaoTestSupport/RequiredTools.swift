import Foundation
import ShenbaoCheck
import ShenbaoCore

/// The external programs some tests need. Use as a trait so a missing tool shows as a skipped test
/// (never an early return counted as passed); under `CI=true` the test runs anyway and fails:
///
/// ```swift
/// @Test(.enabled(if: RequiredTools.present(.libreOffice, .poppler))) func converts() throws { … }
/// ```
package enum RequiredTools {
    package enum Tool: Sendable {
        case libreOffice, poppler, ocr, browser, shenbao, unoserver
        /// Mounting a small tmpfs (root and `mount`): a full disk or a read-only folder made real.
        case mount
        /// `python3`, for the template generator (scripts/make_templates.py).
        case python
        /// `python3` with the `jsonschema` package: an independent JSON Schema validator.
        case jsonSchema

        /// Whether the tool is installed here.
        package var isInstalled: Bool {
            switch self {
            case .libreOffice: ExternalTool.locate("soffice") != nil
            case .poppler: ExternalTool.locate("pdftotext") != nil && ExternalTool.locate("pdftoppm") != nil
            // The lookup `check` itself uses: $SHENBAO_OCR_PYTHON, else the shared ocr-venv.
            case .ocr: OCREnvironment.python() != nil && OCREnvironment.script() != nil
            case .browser: ExternalTool.locate("chromium") != nil && ExternalTool.locate("chromedriver") != nil
                && FileManager.default.isExecutableFile(atPath: RequiredTools.browserPython)
            case .shenbao: ShenbaoCommand.path != nil
            case .unoserver: RequiredTools.unoserver != nil
            case .mount: getuid() == 0 && ExternalTool.locate("mount") != nil
            case .python: ExternalTool.locate("python3") != nil
            case .jsonSchema: (try? ExternalTool.run("python3", ["-c", "import jsonschema"], timeout: 30))?.status == 0
            }
        }
    }

    /// The Python of the Selenium venv `scripts/setup.sh` makes outside the checkout:
    /// `${SHENBAO_DATA:-${XDG_DATA_HOME:-$HOME/.local/share}/shenbao}/browser-venv/bin/python`.
    package static var browserPython: String {
        let environment = ProcessInfo.processInfo.environment
        let data = environment["SHENBAO_DATA"].flatMap { $0.isEmpty ? nil : $0 }
            ?? (environment["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? (environment["HOME"] ?? "/root") + "/.local/share") + "/shenbao"
        return data + "/browser-venv/bin/python"
    }

    /// The `unoserver` program: `$SHENBAO_UNOSERVER`, the venv scripts/setup.sh makes
    /// (`~/.cache/shenbao/venv-unoserver`), or one on PATH.
    package static var unoserver: String? {
        let environment = ProcessInfo.processInfo.environment
        if let given = environment["SHENBAO_UNOSERVER"], FileManager.default.isExecutableFile(atPath: given) { return given }
        let cache = environment["XDG_CACHE_HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? ((environment["HOME"] ?? "") + "/.cache")
        let venv = cache + "/shenbao/venv-unoserver/bin/unoserver"
        if FileManager.default.isExecutableFile(atPath: venv) { return venv }
        return ExternalTool.locate("unoserver")
    }

    /// Whether the tests run under CI (`CI=true`), where nothing may be skipped.
    package static var isCI: Bool { ProcessInfo.processInfo.environment["CI"] == "true" }

    /// True when every tool is installed, or under CI (so the test runs and fails there).
    package static func present(_ tools: Tool...) -> Bool {
        isCI || tools.allSatisfy(\.isInstalled)
    }
}
