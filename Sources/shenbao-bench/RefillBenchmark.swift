import Foundation
import ShenbaoCheck
import ShenbaoCore
import ShenbaoData
import ShenbaoFill
import ShenbaoOOXML

/// Times what `check` adds to prove a DOCX shows its data: the sd-lab-2022 sample filled (as
/// `build` fills it), then its form's template refilled from the embedded data and both texts
/// read and compared (`DataConsistency`). The first run reads and compiles the template; later
/// runs of the process reuse it. Run from the checkout.
func runRefillBenchmark() {
    do {
        let root = FileManager.default.currentDirectoryPath
        let spec = try FormSpec.load(path: root + "/templates/sd-lab-2022/form.yaml")
        let dataPath = root + "/samples/sd-lab-2022/申报数据.yaml"
        let data = spec.validate(try DataFile.load(dataPath), dataPath: dataPath).data
        let filler = try TemplateFiller(template: ZipArchive(contentsOf: root + "/templates/sd-lab-2022/template.docx"), options: FillOptions(spec: spec))
        let filled = try filler.fill(with: data, dataDirectory: root + "/samples/sd-lab-2022")
        let shown = try DocxReader.read(filled)
        let templates = root + "/templates"
        let start = DispatchTime.now().uptimeNanoseconds
        let first = DataConsistency.check(filled, shown: shown, templatesDirectory: templates)
        let cold = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
        var times: [Double] = []
        for _ in 0..<20 {
            let t = DispatchTime.now().uptimeNanoseconds
            _ = DataConsistency.check(filled, shown: shown, templatesDirectory: templates)
            times.append(Double(DispatchTime.now().uptimeNanoseconds - t) / 1e6)
        }
        times.sort()
        print(String(format: "check: refill sd-lab-2022 from its embedded data and compare: first %.1f ms (template read and compiled), then median %.1f ms (20 runs); %d differences, %d warnings",
                     cold, times[times.count / 2], first.differences.count, first.warnings.count))
    } catch {
        print("check: refill: \(error)")
    }
}
