import ShenbaoCore

/// The stack of data contexts while rendering: the data file at the bottom, one frame per
/// section being rendered. Names are looked up from the innermost frame outwards (Mustache).
struct DataContext {
    struct Frame {
        var value: DataValue
        /// The data path of this frame, for messages (`人员[2]`).
        var label: String
        /// 0-based item number in a loop; 0 for conditions.
        var index: Int
        var isLoop: Bool
    }

    private(set) var frames: [Frame]
    /// How many frames are copies after the first item of their loop.
    private(set) var copyDepth = 0

    init(root: DataValue) {
        frames = [Frame(value: root, label: "", index: 0, isLoop: false)]
    }

    mutating func push(_ frame: Frame) {
        if frame.index > 0 { copyDepth += 1 }
        frames.append(frame)
    }

    mutating func pop() {
        if let f = frames.popLast(), f.index > 0 { copyDepth -= 1 }
    }

    var top: Frame { frames[frames.count - 1] }

    /// The value at `path` and the data path it names (for messages).
    func lookup(_ path: DataPath) -> (value: DataValue?, label: String) {
        guard let first = path.components.first else { return (top.value, top.label) }
        for frame in frames.reversed() {
            guard let start = Self.child(frame.value, first) else { continue }
            var value: DataValue? = start
            for component in path.components.dropFirst() { value = value.flatMap { Self.child($0, component) } }
            return (value, Self.join(frame.label, path))
        }
        return (nil, Self.join(top.label, path))
    }

    /// The innermost loop frame, for `{{@index}}`.
    var innermostLoop: Frame? { frames.last { $0.isLoop } }

    private static func child(_ value: DataValue, _ key: String) -> DataValue? {
        switch value.kind {
        case .map(let m): return m[key]
        case .list(let l): return Int(key).flatMap { $0 >= 0 && $0 < l.count ? l[$0] : nil }
        default: return nil
        }
    }

    static func join(_ label: String, _ path: DataPath) -> String {
        label.isEmpty ? path.description : label + "." + path.description
    }
}
