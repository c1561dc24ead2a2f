import Foundation
import ShenbaoTestSupport
import Testing

/// Limits, refused uploads, paths that never reach the file system, a LibreOffice that hangs.
@Suite(.enabled(if: RequiredTools.present(.shenbao)))
struct ServeSafetyTests {
    @Test func bodyOverTheLimitIs413() async throws {
        let server = try RunningServer(["--max-body", "1"])
        defer { server.stop() }
        let big = Data(repeating: 0x61, count: 1024 * 1024 + 1)
        for action in ["validate", "docx", "pdf", "yaml"] {
            let response = try await server.post("/api/forms/sd-lab-2022/\(action)", big, type: "application/yaml")
            #expect(response.status == 413, "\(action)")
            #expect((json(response.body)["diagnostics"] as? [[String: Any]])?.first?["code"] as? String == "body-too-large")
        }
        // The server goes on.
        #expect(try await server.get("/api/forms").status == 200)
    }

    @Test func imagesAreDecodedAndChecked() async throws {
        let server = try RunningServer()
        defer { server.stop() }
        let png = Sample.seal
        let cases: [(Data, String)] = [
            (Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) + Data(repeating: 7, count: 200), "broken-image"),
            (png.prefix(png.count / 2), "broken-image"),
            (Data("GIF89a".utf8) + Data(repeating: 0, count: 100), "not-an-image"),
        ]
        for (bytes, code) in cases {
            var m = Multipart()
            m.add("data", Data(Sample.yamlWithoutImages.utf8), type: "application/yaml")
            m.add("公章", bytes, fileName: "公章.png", type: "image/png")
            let response = try await server.post("/api/forms/sd-lab-2022/docx", m.finished(), type: m.contentType)
            #expect(response.status == 422)
            let d = (json(response.body)["diagnostics"] as? [[String: Any]])?.first
            #expect(d?["code"] as? String == code)
            #expect(d?["label"] as? String == "申报单位公章")
        }
        // A data URL works like a file part.
        let data: [String: Any] = ["form": "sd-lab-2022", "公章": "data:image/png;base64," + png.base64EncodedString()]
        let report = json(try await server.post("/api/forms/sd-lab-2022/validate", try JSONSerialization.data(withJSONObject: data), type: "application/json").body)
        #expect(!((report["diagnostics"] as? [[String: Any]]) ?? []).contains { ($0["label"] as? String) == "申报单位公章" })
    }

    @Test func noPathFromARequestReachesTheFileSystem() async throws {
        let server = try RunningServer()
        defer { server.stop() }
        for path in ["/etc/passwd", "../../samples/sd-lab-2022/公章.png", Sample.folder + "/公章.png"] {
            let data: [String: Any] = ["form": "sd-lab-2022", "公章": path]
            let response = try await server.post("/api/forms/sd-lab-2022/docx", try JSONSerialization.data(withJSONObject: data), type: "application/json")
            #expect(response.status == 422)
            let codes = (json(response.body)["diagnostics"] as? [[String: Any]] ?? []).filter { $0["label"] as? String == "申报单位公章" }.map { $0["code"] as? String }
            #expect(codes == ["image-not-uploaded"], "\(path)")
        }
        for id in ["..", "../templates/sd-lab-2022", "sd-lab-2022%2F..", "SD-LAB-2022"] {
            #expect(try await server.post("/api/forms/\(id)/validate", Data("{}".utf8), type: "application/json").status == 404, "\(id)")
        }
    }

    @Test func requestFoldersAreRemovedAndDeadServersWorkspacesToo() async throws {
        let scratch = try Scratch("serve-tmp")
        defer { scratch.remove() }
        // A workspace left by a server that was killed: its owner process is gone.
        let dead = Process()
        dead.executableURL = URL(fileURLWithPath: "/bin/true")
        try dead.run()
        dead.waitUntilExit()
        try FileManager.default.createDirectory(atPath: scratch.file("shenbao-serve-dead01/requests/r-abcdef"), withIntermediateDirectories: true)
        try scratch.write("shenbao-serve-dead01/owner", "\(dead.processIdentifier)\n")
        let server = try RunningServer(environment: ["TMPDIR": scratch.path])
        defer { server.stop() }
        var m = Sample.multipart()
        #expect(try await server.post("/api/forms/sd-lab-2022/docx", m.finished(), type: m.contentType).status == 200)
        m = Sample.multipart([("电话: 0531-88661234", "电话: 1")])
        #expect(try await server.post("/api/forms/sd-lab-2022/docx", m.finished(), type: m.contentType).status == 422)
        m = Sample.multipart()
        #expect(try await server.post("/api/forms/sd-lab-2022/yaml", m.finished(), type: m.contentType).status == 200)
        let workspaces = scratch.files.filter { $0.hasPrefix("shenbao-serve-") }
        #expect(workspaces.count == 1 && workspaces != ["shenbao-serve-dead01"])
        let requests = (try? FileManager.default.contentsOfDirectory(atPath: scratch.file(workspaces[0] + "/requests"))) ?? ["?"]
        #expect(requests == [])
    }

    /// A LibreOffice that never answers: the request times out with 504, the process group is
    /// killed, and the server goes on serving.
    @Test func hangingLibreOfficeTimesOutWithoutTakingTheServerDown() async throws {
        let scratch = try Scratch("serve-hang")
        defer { scratch.remove() }
        let pids = scratch.file("pids")
        let soffice = try scratch.write("soffice", "#!/bin/sh\necho $$ >> \(pids)\nexec sleep 600\n")
        chmod(soffice, 0o755)
        let server = try RunningServer(["--soffice", soffice, "--timeout", "3"])
        defer { server.stop() }
        let m = Sample.multipart()
        let response = try await server.post("/api/forms/sd-lab-2022/pdf", m.finished(), type: m.contentType)
        #expect(response.status == 504)
        #expect((json(response.body)["diagnostics"] as? [[String: Any]])?.first?["code"] as? String == "conversion-timeout")
        // The code says the timeout fired: a stand-in that had ended its sleep would have made no
        // PDF (conversion-failed). No wall-clock bound here: under the whole suite's load the test
        // process's own threads may be busy with other tests for minutes before it reads the answer.
        #expect(try await server.get("/api/forms").status == 200)
        let docx = Sample.multipart()
        #expect(try await server.post("/api/forms/sd-lab-2022/docx", docx.finished(), type: docx.contentType).status == 200)
        // Every hanging "LibreOffice" started was killed with its group.
        let started_ = (try? String(contentsOfFile: pids, encoding: .utf8)) ?? ""
        let list = started_.split(separator: "\n").compactMap { Int32($0) }
        #expect(!list.isEmpty)
        for pid in list { #expect(!Self.isRunning(pid), "pid \(pid) still running") }
    }

    /// Alive and not a zombie (a killed orphan waits for PID 1 to reap it).
    static func isRunning(_ pid: Int32) -> Bool {
        guard kill(pid, 0) == 0, let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
            let close = stat.lastIndex(of: ")")
        else { return false }
        return !stat[stat.index(after: close)...].hasPrefix(" Z")
    }
}
