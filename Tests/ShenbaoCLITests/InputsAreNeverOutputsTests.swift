import Foundation
import ShenbaoCore
import ShenbaoTestSupport
import Testing

/// Issue 14, item 1: no command writes over one of its inputs, however the path is spelled
/// (as given, through a symbolic link, through a hard link). Each case used to exit 0 and
/// destroy the file; now it exits non-zero, says which input, and leaves it byte for byte.
@Suite(.enabled(if: RequiredTools.present(.shenbao)))
struct InputsAreNeverOutputsTests {
    /// The sd-lab-2022 package and sample copied into a scratch folder.
    static func package() throws -> Scratch {
        let scratch = try Scratch("never-outputs")
        for name in ["申报数据.yaml", "公章.png", "推荐单位公章.png"] {
            try FileManager.default.copyItem(atPath: Checkout.sample("sd-lab-2022") + "/" + name, toPath: scratch.file(name))
        }
        for name in ["template.docx", "form.yaml"] {
            try FileManager.default.copyItem(atPath: Checkout.template("sd-lab-2022") + "/" + name, toPath: scratch.file(name))
        }
        return scratch
    }

    /// Runs `shenbao arguments` and checks that it refused and that `victim` is unchanged.
    static func expectRefused(_ arguments: [String], keeps victim: String, naming input: String) throws {
        let before = FileManager.default.contents(atPath: victim)
        let result = try ShenbaoCommand.run(arguments)
        #expect(result.status != 0, "\(arguments) exited 0")
        #expect(result.errorText.contains("拒绝写入"), "\(result.errorText)")
        #expect(result.errorText.contains("「\(input)」"), "\(result.errorText)")
        #expect(FileManager.default.contents(atPath: victim) == before, "\(victim) was changed")
    }

    @Test func fillOutputNamingTheSpecIsRefused() throws {
        let p = try Self.package()
        defer { p.remove() }
        try Self.expectRefused(
            ["fill", p.file("template.docx"), p.file("申报数据.yaml"), "--spec", p.file("form.yaml"), "-o", p.file("form.yaml")],
            keeps: p.file("form.yaml"), naming: p.file("form.yaml"))
    }

    @Test func fillOutputNamingTheSealTheDataNamesIsRefused() throws {
        let p = try Self.package()
        defer { p.remove() }
        try Self.expectRefused(
            ["fill", p.file("template.docx"), p.file("申报数据.yaml"), "-o", p.file("公章.png")],
            keeps: p.file("公章.png"), naming: p.path + "/公章.png")
    }

    @Test func fillOutputThroughASymlinkOrAHardLinkToAnInputIsRefused() throws {
        let p = try Self.package()
        defer { p.remove() }
        try FileManager.default.createSymbolicLink(atPath: p.file("link.yaml"), withDestinationPath: p.file("申报数据.yaml"))
        try FileManager.default.linkItem(atPath: p.file("template.docx"), toPath: p.file("hard.docx"))
        try Self.expectRefused(
            ["fill", p.file("template.docx"), p.file("申报数据.yaml"), "-o", p.file("link.yaml")],
            keeps: p.file("申报数据.yaml"), naming: p.file("申报数据.yaml"))
        try Self.expectRefused(
            ["fill", p.file("template.docx"), p.file("申报数据.yaml"), "-o", p.path + "/./hard.docx"],
            keeps: p.file("template.docx"), naming: p.file("template.docx"))
    }

    @Test func annotateNamingTheDataOrTheTemplateIsRefused() throws {
        let p = try Self.package()
        defer { p.remove() }
        // Data with an error, so that --annotate would be written.
        let bad = try p.write("bad.yaml", "form: sd-lab-2022\n")
        for victim in [bad, p.file("template.docx")] {
            try Self.expectRefused(
                ["fill", p.file("template.docx"), bad, "-o", p.file("out.docx"), "--annotate", victim],
                keeps: victim, naming: victim)
        }
        #expect(!FileManager.default.fileExists(atPath: p.file("out.docx")))
    }

    @Test func schemaOutputNamingItsSpecIsRefused() throws {
        let p = try Self.package()
        defer { p.remove() }
        try Self.expectRefused(["schema", "--spec", p.file("form.yaml"), "-o", p.file("form.yaml")], keeps: p.file("form.yaml"), naming: p.file("form.yaml"))
    }

    @Test func summaryOutputNamingThePackagesTemplatesIsRefused() throws {
        let p = try Self.package()
        defer { p.remove() }
        let package = p.path + "/templates/sd-lab-2022"
        try FileManager.default.createDirectory(atPath: package, withIntermediateDirectories: true)
        for name in ["form.yaml", "template.docx", "summary.docx"] {
            try FileManager.default.copyItem(atPath: Checkout.template("sd-lab-2022") + "/" + name, toPath: package + "/" + name)
        }
        for victim in ["summary.docx", "template.docx"] {
            try Self.expectRefused(
                ["summary", "--form", "sd-lab-2022", "--templates", p.path + "/templates", p.file("申报数据.yaml"), "-o", package + "/" + victim],
                keeps: package + "/" + victim, naming: package + "/" + victim)
        }
    }
}
