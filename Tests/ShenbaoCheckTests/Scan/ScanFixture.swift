import Foundation
import ShenbaoCheck
import ShenbaoCore
import ShenbaoTestSupport

/// Forms built from the shipped samples and scans made from them with `scripts/make_scan.py`,
/// shared by every scan test of one run. Built forms carry transparent seals (a form printed to be
/// stamped by hand); make_scan presses red seals over their 盖章/公章 labels.
///
/// OCR results are cached by SHA-256 in one folder for the run (`SHENBAO_TEST_OCR_CACHE` keeps
/// them across runs), so pages two scans share are read once.
enum ScanFixture {
    /// The scratch folder of this run.
    static let root: String = {
        let path = NSTemporaryDirectory() + "shenbao-scan-fixture-\(ProcessInfo.processInfo.processIdentifier)"
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }()

    static let cache: String = ProcessInfo.processInfo.environment["SHENBAO_TEST_OCR_CACHE"] ?? root + "/ocr-cache"

    private static let lock = NSLock()
    nonisolated(unsafe) private static var built: [String: Result<String, Error>] = [:]
    nonisolated(unsafe) private static var locks: [String: NSLock] = [:]

    /// Runs `make` once per key for the whole run, even when tests ask concurrently.
    private static func once(_ key: String, _ make: () throws -> String) throws -> String {
        lock.lock()
        let keyLock = locks[key] ?? NSLock()
        locks[key] = keyLock
        lock.unlock()
        keyLock.lock()
        defer { keyLock.unlock() }
        lock.lock()
        let done = built[key]
        lock.unlock()
        if let done { return try done.get() }
        let result = Result { try make() }
        lock.lock()
        built[key] = result
        lock.unlock()
        return try result.get()
    }

    static var python: String { OCREnvironment.python() ?? "python3" }

    /// `forms/<name>.docx` and `.pdf` for every shipped sample, built in one `shenbao build`;
    /// `variants` are data files edited from a sample (name → (form, edit)).
    static func forms() throws -> String {
        try once("forms") {
            let dir = root + "/forms"
            try FileManager.default.createDirectory(atPath: dir + "/data", withIntermediateDirectories: true)
            let blank = dir + "/blank-seal.png"
            try tool(python, [Checkout.path("scripts/make_scan.py"), "blank-seal", blank])
            var files: [String] = []
            func write(_ name: String, _ form: String, _ edit: (String) -> String) throws {
                let text = try String(contentsOfFile: Checkout.sample(form) + "/申报数据.yaml", encoding: .utf8)
                let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
                    // Seal pictures (`公章: 公章.png`) become the transparent one.
                    guard line.hasSuffix(".png"), let colon = line.firstIndex(of: ":"), !line.hasPrefix(" ") else { return String(line) }
                    return line[..<colon] + ": " + blank
                }
                let path = dir + "/data/\(name).yaml"
                try edit(lines.joined(separator: "\n")).write(toFile: path, atomically: true, encoding: .utf8)
                files.append(path)
            }
            for form in Checkout.shippedForms { try write(form, form, { $0 }) }
            for (name, edit) in variants { try write(name, "sd-lab-2022", edit) }
            let result = try ShenbaoCommand.run(["build"] + files + ["-o", dir], timeout: 600)
            guard result.status == 0 else { throw FixtureError("shenbao build failed:\n\(result.outputText)\(result.errorText)") }
            return dir
        }
    }

    /// Data edits of the sd-lab-2022 sample, each one content change a bureau must see.
    static let variants: [(String, @Sendable (String) -> String)] = [
        ("lab-digit", { $0.replacingOccurrences(of: "在校本科生1860人", with: "在校本科生1890人") }),
        ("lab-unit", { $0.replacingOccurrences(of: "主申报单位名称: 山东海岱大学", with: "主申报单位名称: 山东海岳大学") }),
        ("lab-tick", { $0.replacingOccurrences(of: "主申报单位性质: 高校", with: "主申报单位性质: 医院") }),
    ]

    /// A scan of `forms/<form>.pdf` made with make_scan's `options`, named `name`.
    static func scan(_ form: String, _ name: String, _ options: [String] = []) throws -> String {
        let dir = try forms()
        return try once("scan-" + name) {
            let out = root + "/scans/\(name).pdf"
            try FileManager.default.createDirectory(atPath: root + "/scans", withIntermediateDirectories: true)
            try tool(python, [Checkout.path("scripts/make_scan.py"), dir + "/\(form).pdf", out] + options, timeout: 600)
            return out
        }
    }

    /// `shenbao check DOCX PDF --format json --cache …`: exit status and the JSON report.
    static func check(_ docx: String, _ pdf: String, _ extra: [String] = []) throws -> (status: Int32, report: [String: Any], text: String) {
        let result = try ShenbaoCommand.run(["check", docx, pdf, "--format", "json", "--cache", cache] + extra, timeout: 900)
        let json = (try? JSONSerialization.jsonObject(with: Data(result.standardOutput))) as? [String: Any] ?? [:]
        return (result.status, json, result.outputText + result.errorText)
    }

    @discardableResult
    static func tool(_ program: String, _ arguments: [String], timeout: Double = 120) throws -> ToolResult {
        let result = try ExternalTool.run(program, arguments, timeout: timeout)
        guard result.status == 0 else { throw FixtureError("\(program) \(arguments.joined(separator: " ")) failed:\n\(result.errorText)") }
        return result
    }

    struct FixtureError: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }
}
