import Foundation
import ShenbaoCore
import ShenbaoTestSupport
import Testing

/// One language for people (issue 13, item 4): what the commands print for a person — every
/// subcommand's `--help`, usage errors, check's and build's text — has no English sentence. The
/// stable English codes stay in `--format json`, which this does not read.
///
/// The heuristic: a line holds an English sentence when, after code is set aside (`…` spans,
/// `<placeholders>`, options, paths and file names, ALL-CAPS names such as PDF or HOST, and the
/// part coordinates `table 1, row 2, cell 3`), three English words follow one another with only
/// spaces, numbers and ASCII punctuation between them (`match, 9 pages, 3120 characters`).
@Suite struct OneLanguageTests {
    /// Code and coordinates a line may hold in English; each is replaced by a break.
    static let code: [NSRegularExpression] = [
        "`[^`]*`", "<[^>]*>", "(?<![\\w])--?[A-Za-z][\\w-]*", "\\S*[/._@={}\\\\-]\\S*",
        "\\b(table|row|cell|paragraph|endnote|footnote|comment|text box|header|footer) [0-9]+",
    ].map { try! NSRegularExpression(pattern: $0) }

    /// What may stand between the words of one English sentence.
    static let between: Set<Character> = [" ", ",", ";", ":", "(", ")", ".", "!", "?", "\""]

    /// The lines of `text` that hold an English sentence by the heuristic above.
    static func englishSentences(in text: String) -> [String] {
        text.split(separator: "\n").map(String.init).filter { line in
            var s = line
            for regex in code {
                s = regex.stringByReplacingMatches(in: s, range: NSRange(s.startIndex..., in: s), withTemplate: " ¦ ")
            }
            var run = 0
            var longest = 0
            var token = ""
            func end() {
                defer { token = "" }
                guard !token.isEmpty else { return }
                if token.allSatisfy({ $0.isASCII && $0.isNumber }) { return }
                if token.allSatisfy({ $0.isASCII && $0.isLetter }) {
                    // ALL-CAPS names (PDF, DOCX, HOST) are not words of a sentence.
                    if token.count > 1 && token == token.uppercased() { return }
                    run += 1
                    longest = max(longest, run)
                } else {
                    run = 0
                }
            }
            for c in s {
                if c.isASCII && (c.isLetter || c.isNumber || c == "'") {
                    token.append(c)
                } else if c.isASCII && Self.between.contains(c) {
                    end()
                } else {
                    end()
                    run = 0
                }
            }
            end()
            return longest >= 3
        }
    }

    @Test func theHeuristicFindsTheOldEnglishAndPassesTheChinese() {
        #expect(Self.englishSentences(in: "a.docx ↔ a.pdf: match, 9 pages, 3120 characters").count == 1)
        #expect(Self.englishSentences(in: "  --jobs <jobs>   LibreOffice processes to run in parallel.").count == 1)
        #expect(Self.englishSentences(in: "Error: Missing expected argument '<data> ...'").count == 1)
        #expect(Self.englishSentences(in: """
            a.docx ↔ a.pdf：一致，9 页，3120 个字符
            word/document.xml, table 1, row 4, cell 2，PDF 第 1 页：文字：DOCX 为「学」，PDF 为「字」
              --remote <host:port,…>  用 unoserver 实例代替本机 LibreOffice 转换：HOST:PORT[,HOST:PORT…]（见 docs/pdf.md）。
              shenbao check --batch 收件箱/ --format json
            用法：shenbao build <data> ... [--output <output>] [--seal <png>] [--pdfa]
            """).isEmpty)
    }

    /// The subcommands `shenbao --help` lists.
    static func subcommands() throws -> [String] {
        let help = try ShenbaoCommand.run(["--help"]).outputText
        let lines: [String] = help.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let listed: [String] = Array(lines.drop { $0 != "子命令：" }.dropFirst().prefix { !$0.isEmpty })
        return listed.compactMap { (line: String) -> String? in line.split(separator: " ").first.map(String.init) }
    }

    @Test func everyHelpIsInChinese() throws {
        let commands = try Self.subcommands()
        #expect(commands.count >= 11)
        for arguments in [["--help"]] + commands.map { [$0, "--help"] } + commands.map { ["help", $0] } {
            let result = try ShenbaoCommand.run(arguments)
            #expect(result.status == 0, "\(arguments)")
            let text = result.outputText + result.errorText
            #expect(text.contains("用法："), "\(arguments): \(text)")
            #expect(Self.englishSentences(in: text) == [], "shenbao \(arguments.joined(separator: " "))")
        }
    }

    @Test func usageErrorsAreInChinese() throws {
        let cases: [[String]] = [["build"], ["check", "a.docx"], ["pdf", "--jobs", "0", "x.docx"], ["validate", "--nope", "x.yaml"],
                                 ["check", "a.docx", "a.pdf", "--format", "xml"], ["fill", "t.docx"]]
        for arguments in cases {
            let result = try ShenbaoCommand.run(arguments)
            #expect(result.status == 64, "\(arguments)")
            #expect(result.errorText.hasPrefix("错误："), "\(arguments): \(result.errorText)")
            #expect(Self.englishSentences(in: result.errorText) == [], "shenbao \(arguments.joined(separator: " ")): \(result.errorText)")
        }
    }

    @Test(.enabled(if: RequiredTools.present(.python, .shenbao)))
    func manPageIsInChinese() throws {
        let binary = try #require(ShenbaoCommand.path)
        let man = try ExternalTool.run("python3", [Checkout.path("scripts/manpage.py"), binary], timeout: 60)
        #expect(man.status == 0, "\(man.errorText)")
        #expect(man.outputText.contains(".SS shenbao build"))
        #expect(Self.englishSentences(in: man.outputText) == [])
    }

    @Test func completionScriptsAreLeftAsArgumentParserWritesThem() throws {
        let bash = try ShenbaoCommand.run(["--generate-completion-script", "bash"])
        #expect(bash.status == 0)
        #expect(bash.outputText.contains("_shenbao()") && !bash.outputText.contains("显示帮助信息"))
    }

    @Test(.enabled(if: RequiredTools.present(.libreOffice, .poppler, .shenbao)))
    func buildAndCheckSayWhatTheyFoundInChinese() throws {
        let scratch = try Scratch("one-language")
        defer { scratch.remove() }
        let lab = scratch.file("lab")
        let sz = scratch.file("sz")
        let labBuilt = try ShenbaoCommand.run(["build", Checkout.sample("sd-lab-2022") + "/申报数据.yaml", "-o", lab])
        let szBuilt = try ShenbaoCommand.run(["build", Checkout.sample("sz-lab") + "/申报数据.yaml", "-o", sz])
        for built in [labBuilt, szBuilt] {
            #expect(built.status == 0, "\(built.errorText)")
            #expect(Self.englishSentences(in: built.outputText + built.errorText) == [])
        }
        // A matching pair, a pair of two different forms (text and digest differences), a missing
        // PDF, a batch.
        let matching = try ShenbaoCommand.run(["check", lab + "/申报数据.docx", lab + "/申报数据.pdf"])
        #expect(matching.status == 0)
        #expect(matching.outputText.contains("：一致，10 页，"), "\(matching.outputText)")
        let crossed = try ShenbaoCommand.run(["check", lab + "/申报数据.docx", sz + "/申报数据.pdf",
                                              "--data", Checkout.sample("sd-lab-2022") + "/申报数据.yaml"])
        #expect(crossed.status == 1)
        let kinds = ["文字", "数据校验值"].filter { crossed.outputText.contains("：\($0)：") }
        #expect(kinds.count == 2, "\(crossed.outputText)")
        #expect(crossed.outputText.split(separator: "\n").last?.contains("处不同（") == true)
        let missing = try ShenbaoCommand.run(["check", lab + "/申报数据.docx", scratch.file("none.pdf")])
        #expect(missing.status == 2)
        let batch = try ShenbaoCommand.run(["check", "--batch", lab])
        for result in [matching, crossed, missing, batch] {
            let text = result.outputText + result.errorText
            #expect(Self.englishSentences(in: text) == [], "\(text)")
        }
    }
}
