import Foundation
import ShenbaoPDF

enum ShenbaoPDFLocate {
    static func libreOffice() throws -> LibreOffice { try LibreOffice.locate() }
}

/// A fresh folder under the system's temporary folder. Folders that earlier runs left (the shared
/// batch is never removed, as no test knows it is the last) go once they are an hour old.
func makeScratchFolder(_ name: String) throws -> String {
    _ = removeOldScratchFolders
    let path = NSTemporaryDirectory() + "shenbao-pdf-tests-\(name)-\(UUID().uuidString.prefix(8))"
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}

private let removeOldScratchFolders: Void = {
    let fm = FileManager.default
    let root = NSTemporaryDirectory()
    let hourAgo = Date().addingTimeInterval(-3600)
    for name in (try? fm.contentsOfDirectory(atPath: root)) ?? [] where name.hasPrefix("shenbao-pdf-tests-") {
        let path = root + name
        if let modified = (try? fm.attributesOfItem(atPath: path))?[.modificationDate] as? Date, modified < hourAgo {
            try? fm.removeItem(atPath: path)
        }
    }
}()

/// Every file name in `folder`, hidden ones included, sorted.
func filesIn(_ folder: String) -> [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted()
}
