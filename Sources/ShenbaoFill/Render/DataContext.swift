import ShenbaoCore

/// The stack of data contexts while rendering: the data file at the bottom, one frame per
/// section being rendered. Names are looked up from the innermost frame outwards (Mustache).
struct DataContext {
    struct Frame {
        let value: DataValue
        /// `value`'s map, taken out once per frame: looking a key up in it then copies nothing.
        let map: DataMap?
        /// The data path of the section's value, for messages (`人员`); loop items add `[index]`.
        var path: String
        /// 0-based item number in a loop; 0 for conditions.
        var index: Int
        var isLoop: Bool

        /// The data path of this frame, for messages (`人员[2]`).
        var label: String { isLoop ? "\(path)[\(index)]" : path }

        init(value: DataValue, path: String, index: Int, isLoop: Bool) {
            self.value = value
            self.map = value.map
            self.path = path
            self.index = index
            self.isLoop = isLoop
        }
    }

    private(set) var frames: [Frame]
    /// How many frames are copies after the first item of their loop.
    private(set) var copyDepth = 0

    init(root: DataValue) {
        frames = [Frame(value: root, path: "", index: 0, isLoop: false)]
    }

    mutating func push(_ frame: Frame) {
        if frame.index > 0 { copyDepth += 1 }
        frames.append(frame)
    }

    mutating func pop() {
        if let f = frames.popLast(), f.index > 0 { copyDepth -= 1 }
    }

    var top: Frame { frames[frames.count - 1] }

    /// The value at `path`, and the frame it was found in (the innermost when missing).
    /// `hint` is the caller's memory of where the first key stood last time (`DataMap.value(forKey:plain:hint:)`).
    func lookup(_ path: DataPath, hint: inout Int) -> (value: DataValue?, frame: Int) {
        guard let first = path.components.first else { return (top.value, frames.count - 1) }
        let plain = path.plain
        var f = frames.count - 1
        while f >= 0 {
            let start = frames[f].map != nil
                ? frames[f].map?.value(forKey: first, plain: plain[0], hint: &hint)
                : Self.child(frames[f].value, first, plain[0], hint: &hint)
            if let start {
                var value: DataValue? = start
                var ignored = 0
                for k in 1..<path.components.count {
                    value = value.flatMap { Self.child($0, path.components[k], plain[k], hint: &ignored) }
                }
                return (value, f)
            }
            f -= 1
        }
        return (nil, frames.count - 1)
    }

    /// The value at `path`, and the frame it was found in (the innermost when missing).
    func lookup(_ path: DataPath) -> (value: DataValue?, frame: Int) {
        var hint = 0
        return lookup(path, hint: &hint)
    }

    /// The data path `path` names when looked up in frame `frame`, for messages.
    func label(_ path: DataPath, in frame: Int) -> String {
        path.isCurrent ? frames[frame].label : Self.join(frames[frame].label, path)
    }

    /// Follows a label (`人员[2].职务`) from the data file's root and gives the spec key
    /// (`人员.职务`) of the first step with no value (absent or null); nil when every step has one.
    func firstMissingStep(_ label: String) -> String? {
        var value: DataValue? = frames[0].value
        var keys: [Substring] = []
        for part in label.split(separator: ".", omittingEmptySubsequences: false) {
            let pieces = part.split(separator: "[", omittingEmptySubsequences: false)
            keys.append(pieces[0])
            value = value.flatMap { Self.child($0, String(pieces[0])) }
            for index in pieces.dropFirst() { value = value.flatMap { Self.child($0, String(index.dropLast())) } }
            guard let present = value, !present.isNull else { return keys.joined(separator: ".") }
        }
        return nil
    }

    /// The innermost loop frame, for `{{@index}}`.
    var innermostLoop: Frame? { frames.last { $0.isLoop } }

    private static func child(_ value: DataValue, _ key: String, _ plain: Bool, hint: inout Int) -> DataValue? {
        switch value.kind {
        case .map(let m): return m.value(forKey: key, plain: plain, hint: &hint)
        case .list(let l): return Int(key).flatMap { $0 >= 0 && $0 < l.count ? l[$0] : nil }
        default: return nil
        }
    }

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
