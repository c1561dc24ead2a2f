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
        let fake = folder + "/soffice"
        try """
            #!/bin/sh
            sleep 300 &
            echo $! >> \(folder)/children
            wait
            """.write(toFile: fake, atomically: true, encoding: .utf8)
        chmod(fake, 0o755)
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
            #expect(result.diagnostics.map(\.code) == ["conversion-timeout"])
        }
        #expect(filesIn(folder + "/out").isEmpty)
        #expect(filesIn(folder) == ["children", "form0.docx", "form1.docx", "out", "soffice"])
        let children = try String(contentsOfFile: folder + "/children", encoding: .utf8).split(separator: "\n").compactMap { Int32($0) }
        #expect(children.count >= 3)
        for pid in children { #expect(!isRunning(pid), "child \(pid) still alive") }
    }

    @Test(.enabled(if: ToolAvailability.libreOfficeAndPoppler))
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
            #expect(result.diagnostics.first?.message.contains("no progress for 0.1 s") == true)
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
              [ "$n" = "d1" ] && kill -SEGV $$
              printf '%%PDF-1.4\n%s\n%%%%EOF\n' "this stands in for a converted document, long enough to pass" > "$out/$n.pdf"
            done
            """#.replacingOccurrences(of: "LOGFILE", with: folder + "/runs").write(toFile: fake, atomically: true, encoding: .utf8)
        chmod(fake, 0o755)
        let inputs = try (0..<4).map { i -> String in
            let path = "\(folder)/form\(i).docx"
            try SpecimenForm(number: i).archive(path: path).write(to: path)
            return path
        }
        let pool = try ConverterPool(jobs: 1, timeout: 30, libreOffice: LibreOffice.locate(executable: fake), usesProfileCache: false)
        let results = pool.convert(inputs, outputDirectory: folder + "/out")
        #expect(results.map(\.succeeded) == [true, false, true, true])
        #expect(results.map(\.attempts) == [1, 2, 1, 1])
        #expect(results[1].diagnostics.map(\.code) == ["conversion-crashed"])
        #expect(results[1].diagnostics.first?.message.contains("exit status 139") == true)
        #expect(filesIn(folder + "/out") == ["form0.pdf", "form2.pdf", "form3.pdf"])
        let runs = try String(contentsOfFile: folder + "/runs", encoding: .utf8).split(separator: "\n").map {
            $0.trimmingCharacters(in: .whitespaces)
        }
        // The whole chunk, then the document it died on retried once alone, then the rest together.
        #expect(runs == ["d0 d1 d2 d3", "d1", "d2 d3"])
    }
}
