import Foundation
import ShenbaoCore
import ShenbaoData
import ShenbaoFill
import ShenbaoOOXML
import ShenbaoSummary
import Testing

/// Summaries of the real form packages (templates/<form-id>/form.yaml with a `summary:` section
/// and samples/<form-id>/申报数据.yaml): an inbox generated from each sample, summarised from its
/// data files and from DOCX files filled by the fill engine from the form's template.
@Suite struct FormPackageSummaryTests {
    /// The repository (or `SHENBAO_FORMS_ROOT`, a tree with templates/ and samples/).
    static let root: String = ProcessInfo.processInfo.environment["SHENBAO_FORMS_ROOT"]
        ?? URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

    /// Forms whose form.yaml has a summary section and that have a sample.
    static var forms: [String] {
        let templates = "\(root)/templates"
        let ids = (try? FileManager.default.contentsOfDirectory(atPath: templates)) ?? []
        return ids.sorted().filter { id in
            guard let text = try? String(contentsOfFile: "\(templates)/\(id)/form.yaml", encoding: .utf8) else { return false }
            return text.contains("\nsummary:") && FileManager.default.fileExists(atPath: sample(id))
        }
    }

    static func sample(_ id: String) -> String { "\(root)/samples/\(id)/申报数据.yaml" }

    static let prefixes = ["", "青岛", "淄博", "枣庄", "东营", "烟台", "潍坊", "济宁", "泰安", "威海", "日照", "临沂", "德州", "聊城", "滨州", "菏泽"]

    /// Copies of the sample: `recommenders` recommenders (the sample's own, then the sample's
    /// prefixed with other cities' names), each with as many ranked entries as the strictest hard
    /// quota allows (at most 3), each entry under its own unit name (and, for a form with unit
    /// limits, its own lead and no joint units).
    static func inbox(
        _ id: String, spec: SummarySpec, in dir: TempDirectory, recommenders: Int = 4
    ) throws -> [(path: String, data: DataValue)] {
        let sample = try DataFile.load(sample(id))
        let hardest = spec.quotas.filter { $0.severity == .error }.map(\.max).min() ?? 3
        let perRecommender = max(1, min(3, hardest))
        let by = spec.by.text(in: sample)
        var out: [(String, DataValue)] = []
        for (p, prefix) in prefixes.prefix(recommenders).enumerated() {
            for rank in 1...perRecommender {
                var data = SubmissionFactory.setting(sample, spec.by.components, .string(prefix + by))
                data = SubmissionFactory.setting(data, spec.rank.components, DataValue(.number(String(rank))))
                if let unit = spec.unit, unit.value(in: sample)?.text != nil {
                    data = SubmissionFactory.setting(data, unit.components, .string(unit.text(in: sample) + "（\(p)-\(rank)）"))
                }
                // Each copy's units its own (the spec's limits count a unit across submissions).
                for limit in spec.limits {
                    for path in limit.units where path.components.count == 1 {
                        data = SubmissionFactory.setting(data, path.components, .string(path.text(in: sample) + "（\(p)-\(rank)）"))
                    }
                    for path in limit.units where path.components.count == 2 {
                        data = SubmissionFactory.setting(data, [path.components[0]], .string(""))
                    }
                }
                let path = try dir.write("\(id)-\(p)-\(rank).yaml", YAMLEmitter.emit(data))
                out.append((path, try DataFile.load(path)))
            }
        }
        return out
    }

    @Test(arguments: forms) func summarisesTheFormFromItsSample(_ id: String) throws {
        let dir = TempDirectory("summary-\(id)")
        let spec = try SummarySpec.load(formID: id, templatesDirectory: "\(Self.root)/templates")
        let inbox = try Self.inbox(id, spec: spec, in: dir, recommenders: 16)
        let (table, _) = try SummaryBuilder.build(spec: spec, paths: inbox.map(\.path).reversed())
        #expect(table.rows.count == inbox.count)
        #expect(inbox.count >= 16)
        // Recommendation order: recommender (the spec's `order:`, then Unicode order), then rank.
        let byColumn = try #require(table.columns.firstIndex { $0.key == spec.by })
        let rankColumn = try #require(table.columns.firstIndex { $0.key == spec.rank })
        let order = table.rows.map { ($0[byColumn], Int($0[rankColumn])!) }
        #expect(order.map(\.0) == order.map(\.0).sorted(by: spec.recommenderPrecedes))
        for i in 1..<order.count where order[i].0 == order[i - 1].0 { #expect(order[i].1 == order[i - 1].1 + 1) }
        #expect(table.rows.map { $0[0] } == table.parts.flatMap { part in (1...part.rows.count).map(String.init) })
        #expect(table.parts.count == Set(order.map(\.0)).count)

        // Every output format writes (the DOCX into the package's summary.docx when it has one);
        // the XLSX and the DOCX read back as the table.
        let templatePath = "\(Self.root)/templates/\(id)/summary.docx"
        let template = FileManager.default.fileExists(atPath: templatePath) ? try ZipArchive(contentsOf: templatePath) : nil
        for format in SummaryFormat.allCases {
            try format.write(table, to: "\(dir.path)/汇总.\(format.rawValue)", docxTemplate: template)
        }
        for (i, part) in table.parts.enumerated() {
            #expect(try XLSXReader(path: "\(dir.path)/汇总.xlsx", sheet: i + 1).tableTexts == [table.header] + table.rows[part.rows])
        }
        let document = try ZipArchive(contentsOf: "\(dir.path)/汇总.docx").xml("word/document.xml").root
        #expect(DOCXSummaryTests.tableText(document) == table.parts.flatMap { [table.header] + table.rows[$0.rows] })
    }

    /// The DOCX files the fill engine makes from the form's template carry their data: a bureau
    /// that received only those gets the summary it would get from the data files.
    @Test(arguments: forms) func filledDOCXSummariseLikeTheirDataFiles(_ id: String) throws {
        let dir = TempDirectory("summary-docx-\(id)")
        let spec = try SummarySpec.load(formID: id, templatesDirectory: "\(Self.root)/templates")
        let inbox = try Self.inbox(id, spec: spec, in: dir)
        var options = FillOptions()
        options.apply(spec: try FormSpec.load(path: "\(Self.root)/templates/\(id)/form.yaml"))
        let filler = try TemplateFiller(template: ZipArchive(contentsOf: "\(Self.root)/templates/\(id)/template.docx"), options: options)
        var docx: [String] = []
        for (path, data) in inbox {
            let filled = try filler.fill(with: data, dataDirectory: "\(Self.root)/samples/\(id)")
            let out = path.replacingOccurrences(of: ".yaml", with: ".docx")
            try filled.write(to: out)
            docx.append(out)
        }
        let fromData = try SummaryBuilder.build(spec: spec, paths: inbox.map(\.path)).table
        let fromDOCX = try SummaryBuilder.build(spec: spec, paths: docx).table
        #expect(fromDOCX == fromData)
        #expect(try SummaryFormat.xlsx.bytes(fromDOCX) == SummaryFormat.xlsx.bytes(fromData))
    }

    /// The packages' summary.docx are what scripts/make-summary-templates.sh writes from the
    /// current specs, so a changed column list cannot leave a stale template behind.
    @Test(arguments: forms) func packagedSummaryTemplateIsCurrent(_ id: String) throws {
        let path = "\(Self.root)/templates/\(id)/summary.docx"
        let spec = try SummarySpec.load(formID: id, templatesDirectory: "\(Self.root)/templates")
        #expect(spec.templatePath == path, "templates/\(id)/summary.docx is missing: run scripts/make-summary-templates.sh")
        guard spec.templatePath != nil else { return }
        let committed = try ZipArchive(contentsOf: path)
        #expect(committed.entries == SummaryTemplate.archive(spec).entries,
                "templates/\(id)/summary.docx differs from its spec: run scripts/make-summary-templates.sh \(id)")
    }
}
