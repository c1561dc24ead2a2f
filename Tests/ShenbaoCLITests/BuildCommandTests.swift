import Foundation
import ShenbaoCore
import ShenbaoOOXML
import ShenbaoTestSupport
import Testing

/// `shenbao build`, the main job, end to end: real template, LibreOffice and poppler.
@Suite("shenbao build command")
struct BuildCommandTests {
    static let root = ShenbaoExecutable.root
    static let labSample = root + "/samples/sd-lab-2022/申报数据.yaml"

    /// A copy of the sd-lab-2022 sample (with its seals) in `directory`, edited.
    static func labCopy(in directory: String, named name: String = "申报数据.yaml", _ edit: (String) -> String = { $0 }) throws -> String {
        let text = try String(contentsOfFile: labSample, encoding: .utf8)
        let path = "\(directory)/\(name)"
        try edit(text).write(toFile: path, atomically: true, encoding: .utf8)
        for seal in ["公章.png", "推荐单位公章.png"] where !FileManager.default.fileExists(atPath: "\(directory)/\(seal)") {
            try FileManager.default.copyItem(atPath: "\(root)/samples/sd-lab-2022/\(seal)", toPath: "\(directory)/\(seal)")
        }
        return path
    }

    static func pdfText(_ pdf: String) throws -> String {
        try ExternalTool.run("pdftotext", ["-layout", pdf, "-"], timeout: 60, package: "poppler-utils").outputText
    }

    @Test(.enabled(if: RequiredTools.present(.libreOffice, .poppler)))
    func sampleBuildsToAMatchingDocxAndPdf() throws {
        let dir = try ShenbaoExecutable.scratchDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let out = dir + "/out"
        let result = try ShenbaoExecutable.run(["build", Self.labSample, "-o", out])
        #expect(result.status == 0, "\(result.errorText)")
        let lines = result.outputText.split(separator: "\n").map(String.init)
        #expect(lines.count == 1)
        #expect(lines.first?.hasPrefix("\(Self.labSample) → \(out)/申报数据.docx, \(out)/申报数据.pdf：一致，") == true, "\(result.outputText)")
        #expect(result.errorText == "1/1 份已生成且一致\n")

        let docx = try ZipArchive(contentsOf: out + "/申报数据.docx")
        let document = String(decoding: try #require(docx["word/document.xml"]), as: UTF8.self)
        #expect(document.contains("山东海岱大学数据科学与工程学院"))
        #expect(!document.contains("{{"))
        let text = try Self.pdfText(out + "/申报数据.pdf")
        #expect(text.contains("山东海岱大学数据科学与工程学院"))
        #expect(text.contains("☑数据开放应用创新"))
        let info = try ExternalTool.run("pdfinfo", [out + "/申报数据.pdf"], timeout: 60).outputText
        // LibreOffice writes the keyword `shenbao-sha256:HEX` as `shenbao-sha256, HEX`.
        #expect(info.contains("shenbao-sha256"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: out).sorted() == ["申报数据.docx", "申报数据.pdf"])
    }

    @Test func invalidDataStopsThatFileWithTheValidatorsMessage() throws {
        let dir = try ShenbaoExecutable.scratchDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let data = try Self.labCopy(in: dir) { $0.replacingOccurrences(of: "电话: 0531-88661234", with: "电话: 12345") }
        let out = dir + "/out"
        let result = try ShenbaoExecutable.run(["build", data, "-o", out])
        #expect(result.status == 1)
        #expect(result.outputText == "\(data)：未生成，数据有误：1 个错误\n")
        #expect(result.errorText.split(separator: "\n").map(String.init) == [
            "\(data):18:7: error: 联系人电话: 「12345」不是有效的电话号码，应为手机号（13912345678）或带区号的座机（0531-51785094）",
            "1 个错误，0 个警告",
            "0/1 份已生成且一致",
        ])
        #expect(!FileManager.default.fileExists(atPath: out + "/申报数据.docx"))
        #expect(!FileManager.default.fileExists(atPath: out + "/申报数据.pdf"))
    }

    @Test func dataWithoutAFormIsReported() throws {
        let dir = try ShenbaoExecutable.scratchDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let data = try Self.labCopy(in: dir) { $0.replacingOccurrences(of: "form: sd-lab-2022\n", with: "") }
        let result = try ShenbaoExecutable.run(["build", data, "-o", dir + "/out"])
        #expect(result.status == 1)
        #expect(result.errorText.contains("\(data): error: 不知道这份数据填的是哪张表"))
    }

    @Test func withoutLibreOfficeTheDocxIsWrittenAndTheExitIsTwo() throws {
        let dir = try ShenbaoExecutable.scratchDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let data = try Self.labCopy(in: dir)
        let out = dir + "/out"
        let result = try ShenbaoExecutable.run(["build", data, "-o", out, "--soffice", "/nonexistent/soffice"])
        #expect(result.status == 2)
        #expect(result.outputText == "\(data) → \(out)/申报数据.docx：PDF 转换失败\n")
        #expect(result.errorText.contains("找不到 LibreOffice（查找了 /nonexistent/soffice）"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: out) == ["申报数据.docx"])
    }

    /// Two data files of one name in one batch: outputs take their folders' names; the valid one
    /// builds, the invalid one writes nothing; `--seal` replaces the applicant's seal.
    @Test(.enabled(if: RequiredTools.present(.libreOffice, .poppler)))
    func batchNamesOutputsApartAndGoesOnPastABadFile() throws {
        let dir = try ShenbaoExecutable.scratchDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        for folder in ["甲", "乙"] { try FileManager.default.createDirectory(atPath: "\(dir)/\(folder)", withIntermediateDirectories: true) }
        let good = try Self.labCopy(in: dir + "/甲")
        let bad = try Self.labCopy(in: dir + "/乙") { $0.replacingOccurrences(of: "申报方向: 数据开放应用创新", with: "申报方向: 数据开放创新") }
        let seal = "\(Self.root)/samples/sd-lab-2022/推荐单位公章.png"
        let out = dir + "/out"
        let result = try ShenbaoExecutable.run(["build", good, bad, "-o", out, "--seal", seal, "--format", "json"])
        #expect(result.status == 1)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.standardOutput)) as? [String: Any])
        #expect(json["matching"] as? Int == 1)
        let submissions = try #require(json["submissions"] as? [[String: Any]])
        #expect(submissions.map { $0["verdict"] as? String } == ["match", "invalid"])
        #expect(submissions.first?["docx"] as? String == out + "/甲-申报数据.docx")
        #expect(submissions.first?["pdf"] as? String == out + "/甲-申报数据.pdf")
        let problems = try #require(submissions.last?["diagnostics"] as? [[String: Any]])
        #expect(problems.map { $0["code"] as? String }.contains("invalid-choice") || problems.count == 1)
        #expect(try FileManager.default.contentsOfDirectory(atPath: out).sorted() == ["甲-申报数据.docx", "甲-申报数据.pdf"])

        // Both seals are now the 推荐单位公章 image: every picture in the DOCX is that PNG.
        let docx = try ZipArchive(contentsOf: out + "/甲-申报数据.docx")
        let sealBytes = Array(try Data(contentsOf: URL(fileURLWithPath: seal)))
        let media = docx.entries.filter { $0.name.hasPrefix("word/media/") }
        #expect(!media.isEmpty)
        #expect(media.allSatisfy { $0.bytes == sealBytes })
    }
}

/// Every shipped form's sample, in one batch, builds to a DOCX and a PDF that match.
@Suite("shipped samples build")
struct ShippedSamplesBuildTests {
    @Test(.enabled(if: RequiredTools.present(.libreOffice, .poppler)))
    func everySampleBuildsAndMatches() throws {
        let root = ShenbaoExecutable.root
        let forms = try FileManager.default.contentsOfDirectory(atPath: root + "/samples").sorted()
            .filter { FileManager.default.fileExists(atPath: "\(root)/samples/\($0)/申报数据.yaml") }
        #expect(forms.count >= 7)
        let dir = try ShenbaoExecutable.scratchDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let result = try ShenbaoExecutable.run(["build"] + forms.map { "\(root)/samples/\($0)/申报数据.yaml" } + ["-o", dir, "--jobs", "2"])
        #expect(result.status == 0, "\(result.outputText)\(result.errorText)")
        let lines = result.outputText.split(separator: "\n").map(String.init)
        for form in forms {
            let line = lines.first { $0.hasPrefix("\(root)/samples/\(form)/申报数据.yaml → ") }
            #expect(line?.contains("\(dir)/\(form)-申报数据.docx, \(dir)/\(form)-申报数据.pdf：一致，") == true, "\(line ?? "no line for \(form)")")
        }
        #expect(result.errorText == "\(forms.count)/\(forms.count) 份已生成且一致\n")
    }
}
