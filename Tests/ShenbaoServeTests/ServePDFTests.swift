import Foundation
import ShenbaoCore
import ShenbaoTestSupport
import Testing

/// PDFs from the warm LibreOffice, checked; 20 applicants at once, each getting their own form.
@Suite(.enabled(if: RequiredTools.present(.shenbao, .libreOffice, .poppler)))
struct ServePDFTests {
    @Test func pdfComesBackCheckedFromTheWarmLibreOffice() async throws {
        let scratch = try Scratch("serve-pdf")
        defer { scratch.remove() }
        let temporary = try Scratch("serve-pdf-tmp")
        defer { temporary.remove() }
        let server = try RunningServer(warm: true, environment: ["TMPDIR": temporary.path])
        defer { server.stop() }
        var m = Sample.multipart()
        let pdf = try await server.post("/api/forms/sd-lab-2022/pdf", m.finished(), type: m.contentType)
        #expect(pdf.status == 200)
        #expect(pdf.headers["content-type"] == "application/pdf")
        #expect(pdf.headers["x-shenbao-check"] == "match")
        #expect(pdf.headers["x-shenbao-differences"] == "0")
        #expect(pdf.headers["x-shenbao-converter"] == "warm")
        m = Sample.multipart()
        let docx = try await server.post("/api/forms/sd-lab-2022/docx", m.finished(), type: m.contentType)
        try pdf.body.write(to: URL(fileURLWithPath: scratch.file("a.pdf")))
        try docx.body.write(to: URL(fileURLWithPath: scratch.file("a.docx")))
        let check = try ShenbaoCommand.run(["check", scratch.file("a.docx"), scratch.file("a.pdf")])
        #expect(check.status == 0, "\(check.outputText)\(check.errorText)")
        m = Sample.multipart([("电话: 0531-88661234", "电话: 110")])
        let invalid = try await server.post("/api/forms/sd-lab-2022/pdf", m.finished(), type: m.contentType)
        #expect(invalid.status == 422)
        // Stopped (SIGTERM), the server takes LibreOffice and its workspace with it.
        #expect(temporary.files.filter { $0.hasPrefix("shenbao-serve-") }.count == 1)
        server.stop()
        #expect(server.process.terminationStatus == 0)
        #expect(temporary.files.filter { $0.hasPrefix("shenbao-serve-") } == [])
    }

    /// Bounded: 20 requests, loopback only, one server.
    @Test func twentyConcurrentPDFRequestsAllCheckAsMatching() async throws {
        let scratch = try Scratch("serve-load")
        defer { scratch.remove() }
        let server = try RunningServer(warm: true, environment: ["TMPDIR": scratch.path])
        defer { server.stop() }
        let count = 20
        let started = Date()
        let results = try await withThrowingTaskGroup(of: (Int, Int, String?, Data).self) { group in
            for n in 1...count {
                group.addTask {
                    let m = Sample.multipart([("主申报单位名称: 山东海岱大学数据科学与工程学院", "主申报单位名称: 山东海岱大学第\(n)号学院")])
                    let r = try await server.request("POST", "/api/forms/sd-lab-2022/pdf", body: m.finished(), type: m.contentType, timeout: 600)
                    return (n, r.status, r.headers["x-shenbao-check"], r.body)
                }
            }
            var all: [(Int, Int, String?, Data)] = []
            for try await result in group { all.append(result) }
            return all
        }
        let seconds = Date().timeIntervalSince(started)
        print("20 concurrent PDF requests: \(String(format: "%.1f", seconds)) s")
        #expect(results.count == count)
        for (n, status, verdict, body) in results.sorted(by: { $0.0 < $1.0 }) {
            #expect(status == 200, "request \(n)")
            #expect(verdict == "match", "request \(n)")
            let pdf = scratch.file("out/\(n).pdf")
            try FileManager.default.createDirectory(atPath: scratch.file("out"), withIntermediateDirectories: true)
            try body.write(to: URL(fileURLWithPath: pdf))
            let m = Sample.multipart([("主申报单位名称: 山东海岱大学数据科学与工程学院", "主申报单位名称: 山东海岱大学第\(n)号学院")])
            let docx = try await server.post("/api/forms/sd-lab-2022/docx", m.finished(), type: m.contentType)
            try docx.body.write(to: URL(fileURLWithPath: scratch.file("out/\(n).docx")))
            // Each applicant got their own form, checked by `shenbao check`.
            let check = try ShenbaoCommand.run(["check", scratch.file("out/\(n).docx"), pdf])
            #expect(check.status == 0, "request \(n): \(check.outputText)")
            let text = try ExternalTool.run("pdftotext", [pdf, "-"]).outputText.filter { !$0.isWhitespace }
            #expect(text.contains("山东海岱大学第\(n)号学院"), "request \(n)")
        }
        // Every request folder is gone.
        let workspace = try #require(scratch.files.first { $0.hasPrefix("shenbao-serve-") })
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.file(workspace + "/requests")) == [])
    }
}
