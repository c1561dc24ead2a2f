import Foundation

/// A LibreOffice user installation (`-env:UserInstallation=file:///...`) owned by one worker.
///
/// Two processes on one profile fail silently, so each worker has its own. It starts as a folder
/// holding only shenbao's `registrymodifications.xcu` (font substitution table, no first-run or
/// recovery dialogs); LibreOffice fills in the rest on first start. After a killed run it is
/// deleted and made again, since a killed process leaves locks and half-written settings.
struct LibreOfficeProfile {
    let path: String
    let registryModifications: String

    init(path: String, substitution: FontSubstitution) throws {
        self.path = path
        self.registryModifications = substitution.registryModifications()
        try reset()
    }

    /// The command-line argument that points LibreOffice at this profile.
    var argument: String {
        let url = URL(fileURLWithPath: path, isDirectory: true)
        return "-env:UserInstallation=\(url.absoluteString)"
    }

    /// Makes the profile as new: removes everything and writes the registry modifications.
    func reset() throws {
        let fm = FileManager.default
        if fm.fileExists(atPath: path) { try fm.removeItem(atPath: path) }
        try fm.createDirectory(atPath: path + "/user", withIntermediateDirectories: true)
        try Data(registryModifications.utf8).write(to: URL(fileURLWithPath: path + "/user/registrymodifications.xcu"))
    }
}
