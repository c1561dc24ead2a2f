import Foundation
import ShenbaoCore
import ShenbaoTestSupport
import Testing

/// Issue 14, item 2: LibreOffice dies with its parent. `kill -9` of `shenbao pdf` or `build` used to leave
/// soffice.bin re-parented to PID 1 and converting on, and its `$TMPDIR/shenbao-pdf-*` folder
/// (profile, locks, PDFs, LibreOffice's `lu*.tmp`) for ever.
@Suite(.enabled(if: RequiredTools.present(.shenbao, .libreOffice)))
struct ProcessLifetimeTests {
    /// Live processes (zombies have an empty command line) whose command line contains `text`.
    static func processes(mentioning text: String) -> [pid_t] {
        let needle = Data(text.utf8)
        return ((try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []).compactMap { entry in
            guard let pid = pid_t(entry), let cmdline = FileManager.default.contents(atPath: "/proc/\(entry)/cmdline"),
                cmdline.range(of: needle) != nil, pid != getpid()
            else { return nil }
            return pid
        }
    }

    /// The sd-lab-2022 sample filled by the real binary: a form whose conversion takes a while.
    static func filledLabForm(in scratch: Scratch) throws -> String {
        let form = scratch.file("申报表.docx")
        let filled = try ShenbaoCommand.run([
            "fill", Checkout.template("sd-lab-2022") + "/template.docx", Checkout.sample("sd-lab-2022") + "/申报数据.yaml", "-o", form,
        ])
        try #require(filled.status == 0, "\(filled.errorText)")
        return form
    }

    static func waitUntil(seconds: Double, _ condition: () -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if condition() { return true }
            usleep(50_000)
        }
        return condition()
    }

    /// `shenbao arguments…` started with `tmp` as its `$TMPDIR`, once a LibreOffice of its own has
    /// started on a profile under `tmp`.
    static func startedWithLibreOffice(_ arguments: [String], tmp: String) throws -> Process {
        let run = Process()
        run.executableURL = URL(fileURLWithPath: try #require(ShenbaoCommand.path))
        run.arguments = arguments
        run.environment = ProcessInfo.processInfo.environment.merging(["TMPDIR": tmp]) { $1 }
        run.standardOutput = FileHandle.nullDevice
        run.standardError = FileHandle.nullDevice
        try run.run()
        let started = waitUntil(seconds: 60) { !processes(mentioning: tmp).isEmpty }
        #expect(started, "no LibreOffice started on a profile under \(tmp)")
        return run
    }

    /// What is killed: `shenbao pdf` of four copies of a form, or `shenbao build` of the sample.
    enum Killed: String, CaseIterable, Sendable {
        case pdf, build
    }

    @Test(arguments: Killed.allCases)
    func killNineLeavesNoLibreOfficeAndTheNextRunRemovesItsFolder(of killed: Killed) throws {
        let scratch = try Scratch("lifetime-\(killed.rawValue)")
        defer { scratch.remove() }
        let tmp = scratch.file("tmp")
        try FileManager.default.createDirectory(atPath: tmp, withIntermediateDirectories: true)
        // A real form: the sd-lab-2022 sample, filled, in four copies so the conversion lasts.
        let form = try Self.filledLabForm(in: scratch)
        let copies = try (1...4).map { n -> String in
            let copy = scratch.file("copy\(n).docx")
            try FileManager.default.copyItem(atPath: form, toPath: copy)
            return copy
        }

        let arguments = switch killed {
        case .pdf: ["pdf"] + copies + ["-o", scratch.file("pdf"), "--jobs", "1"]
        case .build: ["build", Checkout.sample("sd-lab-2022") + "/申报数据.yaml", "-o", scratch.file("build")]
        }
        let run = try Self.startedWithLibreOffice(arguments, tmp: tmp)
        kill(run.processIdentifier, SIGKILL)
        run.waitUntilExit()

        let gone = Self.waitUntil(seconds: 5) { Self.processes(mentioning: tmp).isEmpty }
        #expect(gone, "LibreOffice outlived its parent: \(Self.processes(mentioning: tmp))")
        let left = (try FileManager.default.contentsOfDirectory(atPath: tmp)).filter { $0.hasPrefix("shenbao-pdf-") }
        #expect(left.count == 1, "the killed run's workspace: \(left)")

        // The next run removes the dead run's workspace (and LibreOffice's lu*.tmp inside it).
        let next = try ShenbaoCommand.run(["pdf", copies[0], "-o", scratch.file("pdf2")], environment: ["TMPDIR": tmp])
        #expect(next.status == 0, "\(next.errorText)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: tmp) == [])
    }

    /// Issue 14, item 2, the rest: LibreOffice's `lu*.tmp` folders stayed in `$TMPDIR` after a
    /// timeout or Ctrl-C. Now they live in the run's workspace, which the run itself removes.
    @Test func ctrlCAndATimeoutLeaveNothingInTMPDIR() throws {
        let scratch = try Scratch("lifetime-int")
        defer { scratch.remove() }
        let tmp = scratch.file("tmp")
        try FileManager.default.createDirectory(atPath: tmp, withIntermediateDirectories: true)
        let form = try Self.filledLabForm(in: scratch)

        let run = try Self.startedWithLibreOffice(["pdf", form, "-o", scratch.file("pdf")], tmp: tmp)
        run.interrupt()
        run.waitUntilExit()
        #expect(run.terminationStatus == 130)
        #expect(Self.waitUntil(seconds: 5) { Self.processes(mentioning: tmp).isEmpty }, "\(Self.processes(mentioning: tmp))")
        #expect(try FileManager.default.contentsOfDirectory(atPath: tmp) == [])
        #expect(!FileManager.default.fileExists(atPath: scratch.file("pdf/申报表.pdf")))

        // A timeout far shorter than a conversion: LibreOffice is stopped and its files go too.
        let timedOut = try ShenbaoCommand.run(["pdf", form, "-o", scratch.file("pdf"), "--timeout", "0.5"], environment: ["TMPDIR": tmp])
        #expect(timedOut.status == 1, "\(timedOut.errorText)")
        #expect(Self.processes(mentioning: tmp).isEmpty)
        #expect(try FileManager.default.contentsOfDirectory(atPath: tmp) == [])
        #expect(!FileManager.default.fileExists(atPath: scratch.file("pdf/申报表.pdf")))
    }
}
