import Foundation

/// A calendar date as written on forms.
public struct CalendarDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public var day: Int

    public init?(year: Int, month: Int, day: Int) {
        guard (1900...2200).contains(year), (1...12).contains(month), day >= 1 else { return nil }
        let days = [31, year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        guard day <= days[month - 1] else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// `2022-12-10`.
    public var iso: String { String(format: "%04d-%02d-%02d", year, month, day) }
    /// `2022年12月10日`, as printed on Chinese forms.
    public var chinese: String { "\(year)年\(month)月\(day)日" }
    public var description: String { iso }

    public static func < (a: CalendarDate, b: CalendarDate) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }
}

/// Parsers for the typed scalars of a form. Each takes the text as typed and returns the value,
/// or nil when the text is not of that type.
public enum ScalarParsers {
    /// `2022-12-10`, `2022/12/10`, `2022.12.10`, `2022年12月10日` (month and day may have one digit).
    public static func date(_ text: String) -> CalendarDate? {
        let t = text.trimmed
        let parts: [Substring]
        if t.contains("年") {
            guard t.hasSuffix("日") || t.hasSuffix("号") else { return nil }
            parts = t.dropLast().split(omittingEmptySubsequences: false) { $0 == "年" || $0 == "月" }
        } else {
            let separators: [Character] = ["-", "/", "."]
            guard let sep = separators.first(where: { t.contains($0) }) else { return nil }
            parts = t.split(separator: sep, omittingEmptySubsequences: false)
        }
        guard parts.count == 3, parts[0].count == 4, (1...2).contains(parts[1].count), (1...2).contains(parts[2].count),
            parts.allSatisfy({ $0.allSatisfy(\.isASCII) }),
            let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2])
        else { return nil }
        return CalendarDate(year: y, month: m, day: d)
    }

    /// An optionally signed whole number of ASCII digits (`18`, `-3`, `+7`).
    public static func integer(_ text: String) -> Int? {
        let t = text.trimmed
        let digits = t.hasPrefix("-") || t.hasPrefix("+") ? t.dropFirst() : Substring(t)
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return Int(t.hasPrefix("+") ? String(digits) : t)
    }

    /// A decimal number (`3.5`, `-2`, `1e3`).
    public static func number(_ text: String) -> Double? {
        let t = text.trimmed
        guard !t.isEmpty, t.allSatisfy({ $0.isASCII && ($0.isNumber || "+-.eE".contains($0)) }),
            let d = Double(t), d.isFinite
        else { return nil }
        return d
    }

    /// Money in 元: digits with optional thousands separators, at most two decimals, an optional
    /// trailing `元`. Returns the plain decimal text (`250000`, `1234.5`).
    public static func amount(_ text: String) -> String? {
        var t = text.trimmed
        if t.hasSuffix("元") { t.removeLast() }
        let parts = t.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count) else { return nil }
        let whole = parts[0]
        let groups = whole.split(separator: ",", omittingEmptySubsequences: false)
        guard !whole.isEmpty, groups.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }) else { return nil }
        if groups.count > 1 {
            guard groups[0].count <= 3, groups.dropFirst().allSatisfy({ $0.count == 3 }) else { return nil }
        }
        var out = groups.joined()
        if parts.count == 2 {
            let fraction = parts[1]
            guard (1...2).contains(fraction.count), fraction.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
            out += "." + fraction
        }
        return out
    }

    /// A mobile number (`13912345678`, `139-1234-5678`, `+86 13912345678`) or a landline with its
    /// area code (`0531-51785094`, `(0531)51785094`, `0531-51785094-8001`, `0531-51785094转8001`),
    /// or a service number (`400-123-4567`). Returns the digits with the separators as typed removed
    /// except one `-` after the area code.
    public static func phone(_ text: String) -> String? {
        var t = text.trimmed
        for (from, to) in [("（", "("), ("）", ")"), ("－", "-"), ("—", "-"), (" ", "")] { t = t.replacingOccurrences(of: from, with: to) }
        if t.hasPrefix("+86") { t.removeFirst(3) }
        if t.hasPrefix("(") , let close = t.firstIndex(of: ")") {
            t = String(t[t.index(after: t.startIndex)..<close]) + "-" + t[t.index(after: close)...]
        }
        var ext = ""
        if let r = t.range(of: "转") ?? t.range(of: "ext") {
            ext = String(t[r.upperBound...])
            t = String(t[..<r.lowerBound])
            guard (1...6).contains(ext.count), ext.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        }
        let groups = t.split(separator: "-", omittingEmptySubsequences: false).map(String.init)
        guard groups.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }) else { return nil }
        let digits = groups.joined()
        if digits.count == 11, digits.hasPrefix("1"), let second = digits.dropFirst().first, "3456789".contains(second),
            ext.isEmpty, groups.count == 1 || groups.map(\.count) == [3, 4, 4]
        {
            return digits
        }
        if digits.count == 10, digits.hasPrefix("400") || digits.hasPrefix("800"), ext.isEmpty { return digits }
        guard digits.hasPrefix("0"), groups.count >= 1 else { return nil }
        var area = groups[0]
        var local = groups.dropFirst().joined()
        if groups.count == 3 && ext.isEmpty && (1...6).contains(groups[2].count) && groups[1].count >= 7 {
            local = groups[1]
            ext = groups[2]
        }
        if groups.count == 1 {
            // 053151785094: area codes are 3 digits for 010/02x, 4 otherwise.
            let areaLength = digits.hasPrefix("01") || digits.hasPrefix("02") ? 3 : 4
            area = String(digits.prefix(areaLength))
            local = String(digits.dropFirst(areaLength))
        }
        guard (3...4).contains(area.count), (7...8).contains(local.count) else { return nil }
        return area + "-" + local + (ext.isEmpty ? "" : "-" + ext)
    }

    /// `name@example.com`: one `@`, no spaces, a dot in the domain.
    public static func email(_ text: String) -> String? {
        let t = text.trimmed
        let parts = t.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."), !parts[1].hasPrefix("."), !parts[1].hasSuffix("."),
            !t.contains(where: { $0.isWhitespace || !$0.isASCII || $0 == "," || $0 == ";" })
        else { return nil }
        return t
    }

    /// `true`/`false`, `是`/`否`, `yes`/`no`.
    public static func bool(_ text: String) -> Bool? {
        switch text.trimmed.lowercased() {
        case "true", "是", "yes", "y": return true
        case "false", "否", "no", "n": return false
        default: return nil
        }
    }
}

/// Compiled regular expressions of a spec's patterns, shared between threads.
enum PatternCache {
    private final class Store: @unchecked Sendable {
        let lock = NSLock()
        var compiled: [String: NSRegularExpression] = [:]
    }
    private static let store = Store()

    /// The compiled pattern, or nil when it is not a valid regular expression.
    static func regex(_ pattern: String) -> NSRegularExpression? {
        store.lock.lock()
        defer { store.lock.unlock() }
        if let r = store.compiled[pattern] { return r }
        guard let r = try? NSRegularExpression(pattern: pattern) else { return nil }
        store.compiled[pattern] = r
        return r
    }

    /// Whether `pattern` is found in `text`.
    static func matches(_ pattern: String, _ text: String) -> Bool {
        guard let r = regex(pattern) else { return false }
        return r.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }
}
