import Foundation
import ShenbaoBuild
import ShenbaoCheck
import ShenbaoCore

/// Prints what `shenbao build` made: one verdict line per data file (stdout), the problems of the
/// files that failed in the compiler-like form (stderr), and a count.
struct BuildReport {
    let results: [BuiltSubmission]

    func print(format: BuildReportFormat) {
        switch format {
        case .text: printText()
        case .json: printJSON()
        }
    }

    private func printText() {
        for result in results {
            var line = result.data
            let outputs = [result.docx, result.pdf].compactMap { $0 }
            if !outputs.isEmpty { line += " → " + outputs.joined(separator: ", ") }
            line += "：" + verdictText(result)
            Terminal.out(line)
            for difference in result.report?.differences ?? [] { Terminal.out("    \(difference.description)") }
        }
        fflush(nil)
        let problems = results.flatMap(\.diagnostics)
        if !problems.isEmpty { DiagnosticOutput.print(problems, format: .text) }
        let matching = results.filter(\.matches).count
        Terminal.err(CommandWording.built(matching: matching, of: results.count))
    }

    private func verdictText(_ result: BuiltSubmission) -> String {
        switch result.outcome {
        case .invalid:
            return CommandWording.invalid(errors: result.diagnostics.errors.count)
        case .fillFailed: return CommandWording.fillFailed
        case .convertFailed: return CommandWording.convertFailed
        case .checkFailed: return CommandWording.checkFailed
        case .checked:
            guard let report = result.report else { return CommandWording.checkFailed }
            if report.matches { return CommandWording.matches(pages: report.pageCount) }
            return CommandWording.differs(report.differences.count, pages: report.pageCount)
        }
    }

    private func printJSON() {
        let items: [[String: Any]] = results.map { result in
            var o: [String: Any] = ["data": result.data, "verdict": result.verdict, "matches": result.matches]
            if let form = result.formID { o["form"] = form }
            if let docx = result.docx { o["docx"] = docx }
            if let pdf = result.pdf { o["pdf"] = pdf }
            if let report = result.report {
                o["pages"] = report.pageCount
                o["differences"] = report.jsonValue["differences"] ?? []
            }
            o["diagnostics"] = DiagnosticOutput.jsonObjects(result.diagnostics)
            return o
        }
        let report: [String: Any] = [
            "submissions": items, "built": results.filter { $0.pdf != nil }.count, "matching": results.filter(\.matches).count,
        ]
        DiagnosticOutput.writeJSON(report)
    }
}
