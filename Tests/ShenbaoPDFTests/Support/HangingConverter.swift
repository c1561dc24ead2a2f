import Foundation

/// A stand-in `soffice` that never finishes and leaves a child behind, as `soffice.bin` does
/// behind its wrapper: it writes each child's pid to `folder/children`.
enum HangingConverter {
    /// Writes the script to `folder/soffice` and returns its path.
    static func install(in folder: String) throws -> String {
        let path = folder + "/soffice"
        try """
            #!/bin/sh
            sleep 300 &
            echo $! >> \(folder)/children
            wait
            """.write(toFile: path, atomically: true, encoding: .utf8)
        chmod(path, 0o755)
        return path
    }

    /// The pids of the children the script started so far.
    static func children(in folder: String) throws -> [Int32] {
        try String(contentsOfFile: folder + "/children", encoding: .utf8).split(separator: "\n").compactMap { Int32($0) }
    }
}
