import Foundation

/// Names the outputs of a build after the data files: `山东海岱大学.yaml` gives
/// `山东海岱大学.docx` and `.pdf`. When several data files of one run share a name (every sample
/// is `申报数据.yaml`), each of those takes its folder's name in front: `sd-lab-2022-申报数据`.
/// A name that still clashes gets no name (nil): that file is reported, not overwritten.
enum OutputNames {
    static func names(for dataPaths: [String]) -> [String?] {
        let urls = dataPaths.map { URL(fileURLWithPath: $0) }
        let bases = urls.map { $0.deletingPathExtension().lastPathComponent }
        var counts: [String: Int] = [:]
        for base in bases { counts[base, default: 0] += 1 }
        var taken = Set<String>()
        return zip(urls, bases).map { url, base in
            var name = base
            if counts[base, default: 0] > 1 {
                let folder = url.deletingLastPathComponent().standardizedFileURL.lastPathComponent
                name = folder.isEmpty || folder == "/" ? base : "\(folder)-\(base)"
            }
            return taken.insert(name).inserted ? name : nil
        }
    }
}
