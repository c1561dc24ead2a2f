import ShenbaoTestSupport
import Foundation
import ShenbaoCore
import ShenbaoPDF
import Testing

/// Converters that hang and LibreOffice that is missing: clear errors, nothing partial left.
@Suite struct FailureTests {
    @Test func missingLibreOfficeIsReportedWithThePackageToInstall() throws {
        #expect(throws: PDFSetupError.libreOfficeMissing(searched: ["/nonexistent/soffice"])) {
            try LibreOffice.locate(executable: "/nonexistent/soffice")
        }
        let error = PDFSetupError.libreOfficeMissing(searched: ["/nonexistent/soffice"])
        #expect(error.description.contains("sudo apt-get install libreoffice-writer-nogui"))
        #expect(throws: PDFSetupError.self) {
            try ConverterPool(jobs: 1, libreOffice: LibreOffice.locate(executable: "/nonexistent/soffice"))
        }
    }

    @Test func libreOfficeWithoutWriterIsReported() throws {
        let folder = try makeScratchFolder("no-writer")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.createDirectory(atPath: folder + "/program", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: folder + "/share/registry", withIntermediateDirectories: true)
        try "".write(toFile: folder + "/share/registry/main.xcd", atomically: true, encoding: .utf8)
        try "#!/bin/sh\n".write(toFile: folder + "/program/soffice", atomically: true, encoding: .utf8)
        chmod(folder + "/program/soffice", 0o755)
        #expect(throws: PDFSetupError.writerMissing(installation: folder)) {
            try LibreOffice.locate(executable: folder + "/program/soffice")
        }
        try "".write(toFile: folder + "/share/registry/writer.xcd", atomically: true, encoding: .utf8)
        #expect(try LibreOffice.locate(executable: folder + "/program/soffice").executable == folder + "/program/soffice")
    }

    @Test func missingFontsNameTheirPackage() throws {
        #expect(throws: PDFSetupError.self) { try FontSubstitution.resolve(installed: ["DejaVu Sans"]) }
        do {
            _ = try FontSubstitution.resolve(installed: ["DejaVu Sans"])
        } catch {
            #expect("\(error)".contains("宋体") && "\(error)".contains("sudo apt-get install fonts-noto-cjk"))
        }
    }

    /// A stand-in converter that never finishes, and leaves a child behind as soffice.bin does.
    @Test func hungConverterIsKilledWithItsChildrenAndReported() throws {
        let folder = try makeScratchFolder("hung")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let fake = try HangingConverter.install(in: folder)
        let inputs = try (0..<2).map { i -> String in
            let path = "\(folder)/form\(i).docx"
            try SpecimenForm(number: i).archive(path: path).write(to: path)
            return path
        }
        let pool = try ConverterPool(jobs: 1, timeout: 0.3, libreOffice: LibreOffice.locate(executable: fake), usesProfileCache: false)
        let started = Date()
        let results = pool.convert(inputs, outputDirectory: folder + "/out")
        #expect(Date().timeIntervalSince(started) < 20)
        for result in results {
            #expect(!result.succeeded && result.attempts == 2)
            #expect(result.diagnostics.map(\.code.rawValue) == ["conversion-timeout"])
        }
        #expect(filesIn(folder + "/out").isEmpty)
        #expect(filesIn(folder) == ["children", "form0.docx", "form1.docx", "out", "soffice"])
        let children = try HangingConverter.children(in: folder)
        #expect(children.count >= 3)
        for pid in children { #expect(!isRunning(pid), "child \(pid) still alive") }
    }

    @Test(.enabled(if: RequiredTools.present(.libreOffice, .poppler)))
    func realLibreOfficeStoppedAfterATenthOfASecondLeavesNothing() throws {
        let folder = try makeScratchFolder("timeout")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let inputs = try (0..<2).map { i -> String in
            let path = "\(folder)/form\(i).docx"
            try SpecimenForm(number: i).archive(path: path).write(to: path)
            return path
        }
        let results = try ConverterPool(jobs: 1, timeout: 0.1).convert(inputs)
        for result in results {
            #expect(!result.succeeded && result.attempts == 2)
            #expect(result.diagnostics.first?.message.contains("0.1 秒没有进展") == true)
        }
        #expect(filesIn(folder) == ["form0.docx", "form1.docx"])
    }
}

/// True while `pid` exists and is not a zombie waiting to be reaped.
private func isRunning(_ pid: Int32) -> Bool {
    guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
        let close = stat.lastIndex(of: ")")
    else { return false }
    return stat[stat.index(close, offsetBy: 2)] != "Z"
}

/// The retry logic, driven by a stand-in converter that writes small PDFs and crashes on one document.
@Suite struct RetryTests {
    @Test func crashOnOneDocumentCostsOnlyThatDocument() throws {
        let folder = try makeScratchFolder("crash")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let fake = try FakeSoffice.writingPDFs(in: folder, crashingOn: "d1")
        let inputs = try (0..<4).map { i -> String in
            let path = "\(folder)/form\(i).docx"
            try SpecimenForm(number: i).archive(path: path).write(to: path)
            return path
        }
        let pool = try ConverterPool(jobs: 1, timeout: 30, libreOffice: LibreOffice.locate(executable: fake), usesProfileCache: false)
        let results = pool.convert(inputs, outputDirectory: folder + "/out")
        #expect(results.map(\.succeeded) == [true, false, true, true])
        #expect(results.map(\.attempts) == [1, 2, 1, 1])
        #expect(results[1].diagnostics.map(\.code.rawValue) == ["conversion-crashed"])
        #expect(results[1].diagnostics.first?.message.contains("退出状态 139") == true)
        #expect(filesIn(folder + "/out") == ["form0.pdf", "form2.pdf", "form3.pdf"])
        let runs = try String(contentsOfFile: folder + "/runs", encoding: .utf8).split(separator: "\n").map {
            $0.trimmingCharacters(in: .whitespaces)
        }
        // The whole chunk, then the document it died on retried once alone, then the rest together.
        #expect(runs == ["d0 d1 d2 d3", "d1", "d2 d3"])
    }
}

@Suite struct OutputNamingTests {
    @Test func pdfsThatWouldClashOrOverwriteTheInputAreRefused() throws {
        let folder = try makeScratchFolder("naming")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let fake = try FakeSoffice.writingPDFs(in: folder, crashingOn: nil)
        for sub in ["a", "b"] { try FileManager.default.createDirectory(atPath: "\(folder)/\(sub)", withIntermediateDirectories: true) }
        let inputs = ["\(folder)/a/表.docx", "\(folder)/b/表.docx", "\(folder)/a/误.pdf"]
        for path in inputs { try SpecimenForm(number: 0).archive(path: path).write(to: path) }
        let before = try Data(contentsOf: URL(fileURLWithPath: inputs[2]))
        let pool = try ConverterPool(jobs: 1, timeout: 30, libreOffice: LibreOffice.locate(executable: fake), usesProfileCache: false)
        let results = pool.convert(inputs + ["\(folder)/b/../a/误.pdf", "\(folder)/缺.docx"], outputDirectory: nil)
        #expect(results.map(\.succeeded) == [true, true, false, false, false])
        #expect(results[4].diagnostics.map(\.description) == ["\(folder)/缺.docx: error: 无法读取：找不到文件"])
        #expect(results[2].diagnostics.map(\.code.rawValue) == ["output-is-input"])
        #expect(try Data(contentsOf: URL(fileURLWithPath: inputs[2])) == before)

        let together = pool.convert(Array(inputs[0...1]), outputDirectory: folder + "/pdf")
        #expect(together.map(\.succeeded) == [true, false])
        #expect(together[1].diagnostics.first?.message.contains("会覆盖由 \(inputs[0]) 生成的 PDF") == true)
        #expect(filesIn(folder + "/pdf") == ["表.pdf"])
    }
}

/// Stand-ins for `soffice` that need no LibreOffice.
enum FakeSoffice {
    /// Writes a small complete PDF for each staged document (`d<n>.docx`), logs each run's
    /// documents to `runs`, and crashes (SIGSEGV) on reaching `crashingOn`.
    static func writingPDFs(in folder: String, crashingOn: String?) throws -> String {
        let fake = folder + "/soffice"
        try #"""
            #!/bin/sh
            out=""; prev=""; names=""
            for a in "$@"; do
              [ "$prev" = "--outdir" ] && out="$a"
              prev="$a"
              case "$a" in *.docx) names="$names $(basename "$a" .docx)";; esac
            done
            echo "$names" >> LOGFILE
            for n in $names; do
              [ "$n" = "CRASH" ] && kill -SEGV $$
              printf '%%PDF-1.4\n%s\n%%%%EOF\n' "this stands in for a converted document, long enough to pass" > "$out/$n.pdf"
            done
            """#.replacingOccurrences(of: "LOGFILE", with: folder + "/runs")
            .replacingOccurrences(of: "CRASH", with: crashingOn ?? "-")
            .write(toFile: fake, atomically: true, encoding: .utf8)
        chmod(fake, 0o755)
        return fake
    }
}
