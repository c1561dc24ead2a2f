import ShenbaoTestSupport
import Foundation
import ShenbaoCore
import ShenbaoPDF

/// Converts filled forms with the converter pool (1 and 2 jobs) and, for comparison, with one
/// `soffice --convert-to pdf` process per file, and prints documents per second.
///
/// `SHENBAO_BENCH_PDF_DOCS` sets the number of forms (default 50).
func runPDFBenchmark() {
    let count = Int(ProcessInfo.processInfo.environment["SHENBAO_BENCH_PDF_DOCS"] ?? "") ?? 50
    do {
        let root = NSTemporaryDirectory() + "shenbao-bench-pdf-\(getpid())"
        defer { try? FileManager.default.removeItem(atPath: root) }
        try FileManager.default.createDirectory(atPath: root + "/in", withIntermediateDirectories: true)
        let inputs = try (0..<count).map { number -> String in
            let path = "\(root)/in/form\(number).docx"
            try SpecimenForm(number: number).archive(path: path).write(to: path)
            return path
        }
        let libreOffice = try LibreOffice.locate()
        print("pdf: \(count) specimen forms (SpecimenForm, 2 pages, seal), \(ProcessInfo.processInfo.activeProcessorCount) cores")

        for jobs in [1, 2] {
            let pool = try ConverterPool(jobs: jobs, timeout: 120, libreOffice: libreOffice)
            let started = Date()
            let results = pool.convert(inputs, outputDirectory: "\(root)/pool\(jobs)")
            let seconds = Date().timeIntervalSince(started)
            let failed = results.filter { !$0.succeeded }.count
            report("ConverterPool --jobs \(jobs)", count: count, seconds: seconds, failed: failed)
        }

        // One document, as `shenbao build` converts a single form: start-up dominates; the profile
        // cache saves LibreOffice's first-start work. Median of 3.
        for cached in [false, true] {
            let pool = try ConverterPool(jobs: 1, timeout: 120, libreOffice: libreOffice, usesProfileCache: cached)
            var times: [Double] = []
            for _ in 0..<3 {
                let started = Date()
                let failed = pool.convert([inputs[0]], outputDirectory: "\(root)/single").filter { !$0.succeeded }.count
                times.append(Date().timeIntervalSince(started))
                if failed > 0 { print("  (single document failed)") }
            }
            report("1 document, profile cache \(cached ? "on " : "off")", count: 1, seconds: times.sorted()[1], failed: 0)
        }

        // The naive way: one LibreOffice process per file, on one (warm) profile.
        let profile = URL(fileURLWithPath: "\(root)/naive-profile", isDirectory: true).absoluteString
        let started = Date()
        var failed = 0
        for input in inputs {
            let result = try ExternalTool.run(
                libreOffice.executable,
                ["-env:UserInstallation=\(profile)", "--headless", "--norestore", "--convert-to", "pdf", "--outdir", "\(root)/naive", input],
                timeout: 120)
            if result.status != 0 { failed += 1 }
        }
        report("soffice --convert-to pdf per file", count: count, seconds: Date().timeIntervalSince(started), failed: failed)
    } catch {
        print("pdf benchmark failed: \(error)")
    }
}

private func report(_ name: String, count: Int, seconds: Double, failed: Int) {
    let rate = Double(count) / seconds
    let padded = name.padding(toLength: 36, withPad: " ", startingAt: 0)
    print("  \(padded) \(String(format: "%6.2f", seconds)) s  \(String(format: "%5.2f", rate)) docs/s" + (failed > 0 ? "  (\(failed) failed)" : ""))
}
