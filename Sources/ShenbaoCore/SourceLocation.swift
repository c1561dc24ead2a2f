import Foundation

/// A place in a data or spec file: the file's path as given, a 1-based line and a 1-based column
/// (columns count Unicode scalars, as an editor's cursor does).
///
/// The path is kept as a number in a table of the paths the process has seen (`FileNames`), so a
/// location is 12 bytes of plain bits: every value of a data tree carries one, and copying a tree
/// of 40,000 values then costs no reference counting for their paths (docs/bench-fill.md). Lines
/// and columns are kept in 32 bits (a data file is refused long before 4 billion lines).
public struct SourceLocation: Sendable, Hashable, Comparable, CustomStringConvertible {
    private var fileNumber: UInt32
    private var lineNumber: UInt32
    private var columnNumber: UInt32

    /// 1-based; 0 when unknown.
    public var line: Int {
        get { Int(lineNumber) }
        set { lineNumber = UInt32(clamping: newValue) }
    }

    /// 1-based, in Unicode scalars; 0 when unknown.
    public var column: Int {
        get { Int(columnNumber) }
        set { columnNumber = UInt32(clamping: newValue) }
    }

    /// The file's path as given.
    public var file: String {
        get { FileNames.shared.path(fileNumber) }
        set { fileNumber = FileNames.shared.number(for: newValue) }
    }

    public init(file: String, line: Int, column: Int) {
        self.fileNumber = FileNames.shared.number(for: file)
        self.lineNumber = UInt32(clamping: line)
        self.columnNumber = UInt32(clamping: column)
    }

    /// This location's file at another line and column (no lookup of the path).
    public func moved(line: Int, column: Int) -> SourceLocation {
        var moved = self
        moved.line = line
        moved.column = column
        return moved
    }

    /// A location for a whole file, when no line is known.
    public static func file(_ path: String) -> SourceLocation {
        SourceLocation(file: path, line: 0, column: 0)
    }

    /// `file:line:col`, or just `file` when the line is unknown.
    public var description: String {
        line > 0 ? "\(file):\(line):\(column)" : file
    }

    public static func < (a: SourceLocation, b: SourceLocation) -> Bool {
        (a.file, a.line, a.column) < (b.file, b.line, b.column)
    }
}

/// The paths locations name, each once: one entry per distinct path a process reads (a command
/// reads a handful; `serve` one per upload, about a hundred bytes each).
final class FileNames: @unchecked Sendable {
    static let shared = FileNames()

    private let lock = NSLock()
    private var paths: [String] = []
    private var numbers: [String: UInt32] = [:]

    func number(for path: String) -> UInt32 {
        lock.lock()
        defer { lock.unlock() }
        if let known = numbers[path] { return known }
        let number = UInt32(paths.count)
        paths.append(path)
        numbers[path] = number
        return number
    }

    func path(_ number: UInt32) -> String {
        lock.lock()
        defer { lock.unlock() }
        return paths[Int(number)]
    }
}
