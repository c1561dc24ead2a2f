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
        case libreOffice, poppler, ocr, browser, shenbao
        /// Mounting a small tmpfs (root and `mount`): a full disk or a read-only folder made real.
        case mount
        /// `python3`, for the template generator (scripts/make_templates.py).
        case python

        /// Whether the tool is installed here.
        package var isInstalled: Bool {
            switch self {
            case .libreOffice: ExternalTool.locate("soffice") != nil
            case .poppler: ExternalTool.locate("pdftotext") != nil && ExternalTool.locate("pdftoppm") != nil
            // The lookup `check` itself uses: $SHENBAO_OCR_PYTHON, else the shared ocr-venv.
            case .ocr: OCREnvironment.python() != nil && OCREnvironment.script() != nil
            case .browser: ExternalTool.locate("chromium") != nil && ExternalTool.locate("chromedriver") != nil
            case .shenbao: ShenbaoCommand.path != nil
            case .mount: getuid() == 0 && ExternalTool.locate("mount") != nil
            case .python: ExternalTool.locate("python3") != nil
            }
        }
    }

    /// Whether the tests run under CI (`CI=true`), where nothing may be skipped.
    package static var isCI: Bool { ProcessInfo.processInfo.environment["CI"] == "true" }

    /// True when every tool is installed, or under CI (so the test runs and fails there).
    package static func present(_ tools: Tool...) -> Bool {
        isCI || tools.allSatisfy(\.isInstalled)
    }
}
