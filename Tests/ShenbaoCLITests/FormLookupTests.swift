import Foundation
import ShenbaoCore
import Testing

@Suite struct FormLookupTests {
    /// Run from another directory, `shenbao` finds the checkout's templates beside its executable.
    @Test func formsAreFoundBesideTheExecutableFromAnyDirectory() throws {
        let elsewhere = FileManager.default.temporaryDirectory.appendingPathComponent("shenbao-cwd-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: elsewhere, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: elsewhere) }
        let sample = ShenbaoBinary.repositoryRoot + "/samples/sd-lab-2022/申报数据.yaml"
        // `env -C DIR` runs the binary with DIR as its working directory (ExternalTool has no cwd).
        let result = try ExternalTool.run("env", ["-C", elsewhere, ShenbaoBinary.path, "validate", sample], timeout: 60)
        #expect(result.status == 0, "\(result.errorText)")
        #expect(result.outputText == "\(sample): 通过（表单 sd-lab-2022）\n")
    }
}
