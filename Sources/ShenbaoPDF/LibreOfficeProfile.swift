import Foundation
import ShenbaoCore

/// A LibreOffice user installation (`-env:UserInstallation=file:///...`) owned by one worker.
///
/// Two processes on one profile fail silently, so each worker has its own. A new profile holds
/// only shenbao's `registrymodifications.xcu` (font substitution table, no first-run or recovery
/// dialogs) and LibreOffice fills in the rest on its first start, which costs it ~0.7 s more; so
/// a profile that worked is kept as a template in the user's cache and later profiles start as
/// copies of it. After a killed or failed run the profile is made again from scratch, since a
/// killed process leaves locks and half-written settings.
struct LibreOfficeProfile {
    let path: String
    let registryModifications: String
    let template: ProfileTemplate?

    init(path: String, substitution: FontSubstitution, libreOffice: LibreOffice) {
        self.path = path
        self.registryModifications = substitution.registryModifications()
        self.template = ProfileTemplate(registryModifications: registryModifications, libreOffice: libreOffice)
    }

    /// The command-line argument that points LibreOffice at this profile.
    var argument: String {
        "-env:UserInstallation=\(URL(fileURLWithPath: path, isDirectory: true).absoluteString)"
    }

    /// Makes the profile as new, from the cached template when `fromTemplate` and there is one.
    /// - Returns: whether the template was used.
    @discardableResult
    func reset(fromTemplate: Bool) throws -> Bool {
        let fm = FileManager.default
        if fm.fileExists(atPath: path) { try fm.removeItem(atPath: path) }
        if fromTemplate, let template, (try? fm.copyItem(atPath: template.path, toPath: path)) != nil {
            return true
        }
        try? fm.removeItem(atPath: path)
        try fm.createDirectory(atPath: path + "/user", withIntermediateDirectories: true)
        try Data(registryModifications.utf8).write(to: URL(fileURLWithPath: path + "/user/registrymodifications.xcu"))
        return false
    }

    /// Keeps this profile, after a run that converted documents, as the template for later ones.
    func saveAsTemplate() {
        template?.save(from: path)
    }
}

/// A profile LibreOffice has completed, cached under `$XDG_CACHE_HOME/shenbao` (or
/// `~/.cache/shenbao`), named by a digest of the font table and the LibreOffice build, so a
/// change to either starts a new one.
struct ProfileTemplate {
    let path: String

    init?(registryModifications: String, libreOffice: LibreOffice) {
        let environment = ProcessInfo.processInfo.environment
        guard let cache = environment["XDG_CACHE_HOME"].flatMap({ $0.isEmpty ? nil : $0 })
            ?? environment["HOME"].map({ $0 + "/.cache" })
        else { return nil }
        let program = URL(fileURLWithPath: libreOffice.executable).resolvingSymlinksInPath()
        let versionFile = program.deletingLastPathComponent().appendingPathComponent("versionrc")
        let modified = (try? FileManager.default.attributesOfItem(atPath: program.path))?[.modificationDate] as? Date
        let build = (try? String(contentsOf: versionFile, encoding: .utf8)) ?? modified.map { "\($0.timeIntervalSince1970)" } ?? ""
        let key = SHA256.hex(Array((registryModifications + "\n" + program.path + "\n" + build).utf8)).prefix(16)
        path = "\(cache)/shenbao/libreoffice-profile-\(key)"
    }

    /// Copies `profile` into the cache unless a template is already there. Copies to a temporary
    /// name and renames, so a template is complete or absent even with several shenbao running.
    func save(from profile: String) {
        let fm = FileManager.default
        guard !fm.fileExists(atPath: path) else { return }
        let parent = (path as NSString).deletingLastPathComponent
        let temporary = "\(path).\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp"
        do {
            try fm.createDirectory(atPath: parent, withIntermediateDirectories: true)
            try fm.copyItem(atPath: profile, toPath: temporary)
            if rename(temporary, path) != 0 { try? fm.removeItem(atPath: temporary) }
        } catch {
            try? fm.removeItem(atPath: temporary)
        }
    }
}
