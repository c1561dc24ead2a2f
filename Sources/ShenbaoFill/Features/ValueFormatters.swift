/// The formatters a value tag may apply: `default`, `date`, `number`, `rmb`, and `paragraphs`,
/// which changes no text but where its lines go (`ParagraphSplit`).
enum ValueFormatters {
    struct Failure: Error {
        var message: String
    }

    static let names = ["default", "date", "number", "rmb", ParagraphSplit.formatter]

    /// Applies `calls` in order to `text` (nil when the value is missing).
    static func apply(_ calls: [FormatterCall], to text: String?) throws(Failure) -> String? {
        var current = text
        for call in calls {
            switch call.name {
            case "default":
                guard let fallback = call.arguments.first else { throw Failure(message: "default 需要一个值：| default \"无\"") }
                if current == nil || current!.trimmingSpaces.isEmpty { current = fallback }
            case "date":
                guard let t = current, !t.isEmpty else { continue }
                current = try date(t, style: call.arguments.first ?? "zh")
            case "number":
                guard let t = current, !t.isEmpty else { continue }
                current = try number(t)
            case ParagraphSplit.formatter:
                continue
            case "rmb":
                guard let t = current, !t.isEmpty else { continue }
                current = try ChineseAmount.uppercase(t)
            default:
                throw Failure(message: "未知的格式“\(call.name)”（可用：\(names.joined(separator: ", "))）")
            }
        }
        return current
    }

    /// `2022-12-10`, `2022/12/10`, `2022.12.10` or `2022年12月10日` as 2022年12月10日 or (`iso`) 2022-12-10.
    static func date(_ text: String, style: String) throws(Failure) -> String {
        let t = text.trimmingSpaces
        var numbers: [Int] = []
        var current = ""
        for c in t {
            if c.isASCII, c.isNumber { current.append(c); continue }
            guard "-/.年月日".contains(c), !current.isEmpty else { throw Failure(message: "“\(text)”不是日期（应如 2022-12-10）") }
            numbers.append(Int(current)!)
            current = ""
        }
        if !current.isEmpty { numbers.append(Int(current)!) }
        guard numbers.count == 3, (1000...9999).contains(numbers[0]), (1...12).contains(numbers[1]), (1...31).contains(numbers[2]) else {
            throw Failure(message: "“\(text)”不是日期（应如 2022-12-10）")
        }
        let (y, m, d) = (numbers[0], numbers[1], numbers[2])
        switch style {
        case "iso": return "\(y)-\(m < 10 ? "0" : "")\(m)-\(d < 10 ? "0" : "")\(d)"
        case "zh": return "\(y)年\(m)月\(d)日"
        default: throw Failure(message: "未知的日期样式“\(style)”（请用 | date 或 | date \"iso\"）")
        }
    }

    /// `250000` → `250,000`; decimals kept.
    static func number(_ text: String) throws(Failure) -> String {
        var t = text.trimmingSpaces.replacingCommas
        var sign = ""
        if t.hasPrefix("-") { sign = "-"; t.removeFirst() }
        let parts = t.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, let whole = parts.first, !whole.isEmpty, whole.allSatisfy({ $0.isASCII && $0.isNumber }),
            parts.count == 1 || parts[1].allSatisfy({ $0.isASCII && $0.isNumber })
        else { throw Failure(message: "“\(text)”不是数字") }
        var grouped = ""
        for (i, c) in whole.enumerated() {
            if i > 0, (whole.count - i) % 3 == 0 { grouped.append(",") }
            grouped.append(c)
        }
        return sign + grouped + (parts.count == 2 ? "." + parts[1] : "")
    }
}

extension StringProtocol {
    fileprivate var replacingCommas: String { String(filter { $0 != "," && $0 != "，" }) }
}
