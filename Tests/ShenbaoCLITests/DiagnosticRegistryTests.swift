import Foundation
import ShenbaoCore
import ShenbaoTestSupport
import Testing

/// The registry of diagnostic codes is documented whole: docs/diagnostics.md lists every code, in
/// the registry's order, with its stage and meaning, and nothing else.
@Suite struct DiagnosticRegistryTests {
    @Test func docsListEveryCodeOfTheRegistry() throws {
        let text = try String(contentsOfFile: Checkout.path("docs/diagnostics.md"), encoding: .utf8)
        let rows = text.split(separator: "\n").filter { $0.hasPrefix("| `") }.map(String.init)
        let expected = DiagnosticCode.all.map { "| `\($0.rawValue)` | \($0.stage.rawValue) | \($0.meaning) |" }
        #expect(rows == expected)
    }

    @Test func codesAreUniqueAndReadBack() throws {
        let raw = DiagnosticCode.all.map(\.rawValue)
        #expect(Set(raw).count == raw.count)
        for code in DiagnosticCode.all { #expect(DiagnosticCode(rawValue: code.rawValue) == code) }
        #expect(DiagnosticCode(rawValue: "bad-spec") == nil && DiagnosticCode(rawValue: "no-form") == nil)
        let encoded = try JSONEncoder().encode([DiagnosticCode.specInvalid])
        #expect(String(decoding: encoded, as: UTF8.self) == #"["spec-invalid"]"#)
    }
}
