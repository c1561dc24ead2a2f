import Foundation
import ShenbaoCore
import Testing

@testable import ShenbaoData

/// A temporary folder for one test's files, removed when the value goes away.
final class TestFiles {
    let directory: String

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("shenbao-data-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: directory) }

    /// Writes `text` as UTF-8 to `name` and returns the path.
    @discardableResult
    func write(_ name: String, _ text: String) throws -> String {
        try write(name, bytes: Array(text.utf8))
    }

    @discardableResult
    func write(_ name: String, bytes: [UInt8]) throws -> String {
        let path = "\(directory)/\(name)"
        try FileManager.default.createDirectory(
            atPath: URL(fileURLWithPath: path).deletingLastPathComponent().path, withIntermediateDirectories: true)
        guard FileManager.default.createFile(atPath: path, contents: Data(bytes)) else { throw CocoaError(.fileWriteUnknown) }
        return path
    }
}

/// The repository's root, from this file's place in it.
let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

/// The diagnostics' printed lines when `body` throws `DiagnosticsError`; records an issue otherwise.
func diagnosticLines(_ body: () throws -> Any) -> [String] {
    do {
        _ = try body()
        Issue.record("expected a DiagnosticsError, nothing was thrown")
        return []
    } catch let error as DiagnosticsError {
        return error.diagnostics.map(\.description)
    } catch {
        Issue.record("expected a DiagnosticsError, got \(error)")
        return []
    }
}

/// Loads the data file at `path` and validates it against `spec`: every printed line.
func validationLines(_ path: String, spec: FormSpec) -> [String] {
    do {
        let (value, duplicates) = try DataFile.loadKeepingDuplicates(path)
        return (duplicates + spec.validate(value, dataPath: path).diagnostics).sorted().map(\.description)
    } catch let error as DiagnosticsError {
        return error.diagnostics.map(\.description)
    } catch {
        return ["unexpected: \(error)"]
    }
}

/// The sd-lab-2022 spec from the repository.
func sdLabSpec() throws -> FormSpec {
    try FormSpec.load(path: repositoryRoot + "/templates/sd-lab-2022/form.yaml")
}
