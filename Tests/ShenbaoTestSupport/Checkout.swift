import Foundation

/// The checkout the tests run from: its `templates/`, `samples/` and `scripts/`.
package enum Checkout {
    /// The repository's root folder.
    package static let root: String = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

    /// `root/relative`.
    package static func path(_ relative: String) -> String { root + "/" + relative }

    /// The form package folder `templates/<form>`.
    package static func template(_ form: String) -> String { path("templates/\(form)") }

    /// The sample folder `samples/<form>`.
    package static func sample(_ form: String) -> String { path("samples/\(form)") }

    /// Every shipped form id (folders of `templates/` holding a `form.yaml`), sorted.
    package static var shippedForms: [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: path("templates"))) ?? []
        return names.filter { FileManager.default.fileExists(atPath: template($0) + "/form.yaml") }.sorted()
    }
}
