/// Amounts of money written in Chinese capitals (大写), as cheques and forms require:
/// 100000 → 壹拾万元整, 1234.56 → 壹仟贰佰叁拾肆元伍角陆分.
enum ChineseAmount {
    private static let digits: [Character] = ["零", "壹", "贰", "叁", "肆", "伍", "陆", "柒", "捌", "玖"]
    private static let units = ["", "拾", "佰", "仟"]
    private static let groups = ["", "万", "亿", "万亿"]

    static func uppercase(_ text: String) throws(ValueFormatters.Failure) -> String {
        var t = String(text.trimmingSpaces.filter { !",，¥￥ ".contains($0) })
        if t.hasSuffix("元") { t.removeLast() }
        var negative = false
        if t.hasPrefix("-") { negative = true; t.removeFirst() }
        let parts = t.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, let whole = parts.first, !whole.isEmpty, whole.count <= 16,
            whole.allSatisfy({ $0.isASCII && $0.isNumber }),
            parts.count == 1 || (parts[1].count <= 2 && parts[1].allSatisfy({ $0.isASCII && $0.isNumber }))
        else { throw ValueFormatters.Failure(message: "“\(text)”不是以元为单位的金额（最多两位小数）") }
        let fraction = parts.count == 2 ? Array(parts[1]) : []
        let jiao = fraction.count > 0 ? Int(String(fraction[0]))! : 0
        let fen = fraction.count > 1 ? Int(String(fraction[1]))! : 0
        let integer = Array(whole.drop { $0 == "0" }).map { Int(String($0))! }
        var out = negative ? "负" : ""
        if !integer.isEmpty {
            out += integerText(integer) + "元"
        } else if jiao == 0 && fen == 0 {
            return "零元整"
        }
        if jiao > 0 { out += String(digits[jiao]) + "角" }
        if fen > 0 {
            if jiao == 0 && !integer.isEmpty { out += "零" }
            out += String(digits[fen]) + "分"
        } else {
            out += "整"
        }
        return out
    }

    private static func integerText(_ ds: [Int]) -> String {
        var out = ""
        var zeroPending = false
        var groupHasDigit = false
        for (i, d) in ds.enumerated() {
            let position = ds.count - 1 - i
            if d == 0 {
                zeroPending = !out.isEmpty
            } else {
                if zeroPending { out.append("零"); zeroPending = false }
                out.append(digits[d])
                out += units[position % 4]
                groupHasDigit = true
            }
            if position % 4 == 0 {
                if groupHasDigit { out += groups[position / 4] }
                groupHasDigit = false
            }
        }
        return out
    }
}
