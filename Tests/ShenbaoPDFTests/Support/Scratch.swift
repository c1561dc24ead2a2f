import Foundation
import ShenbaoPDF

enum ShenbaoPDFLocate {
    static func libreOffice() throws -> LibreOffice { try LibreOffice.locate() }
}

/// A fresh folder under the system's temporary folder.
func makeScratchFolder(_ name: String) throws -> String {
    let path = NSTemporaryDirectory() + "shenbao-pdf-tests-\(name)-\(UUID().uuidString.prefix(8))"
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}

/// Every file name in `folder`, hidden ones included, sorted.
func filesIn(_ folder: String) -> [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted()
}
