/// Characters whose printed glyphs differ by one short stroke, a dot or a stroke's length, which the
/// recogniser swaps on a clean scan while still giving the character a high score: 士 read as
/// 土 (seen at 0.99 on the tests' faithful scans), 警 read as 敬 (0.998, the character alone at
/// the start of a wrapped table cell), and the classic pairs of printed Chinese.
///
/// A residual run whose only differences are such swaps, each read with a character score
/// under `confidence`, is a spot to look at, not a difference. At or above that score it stays
/// a difference, and no digit, Latin letter or other character is in the table, so a changed
/// number or name is never forgiven.
enum OCRConfusables {
    /// The score a swapped character needs to count as a difference.
    static let confidence = 0.9995

    static let groups: [String] = ["士土", "警敬", "己已巳", "未末", "日曰", "人入", "戊戌戍", "千干", "刺剌", "冶治"]

    private static let pairs: Set<UInt64> = {
        var out = Set<UInt64>()
        for group in groups {
            let v = group.unicodeScalars.map(\.value)
            for a in v { for b in v where a != b { out.insert(UInt64(a) << 32 | UInt64(b)) } }
        }
        return out
    }()

    /// Whether the DOCX's `expected` may be read as `read` by the recogniser.
    static func confusable(_ expected: Unicode.Scalar, _ read: Unicode.Scalar) -> Bool {
        pairs.contains(UInt64(expected.value) << 32 | UInt64(read.value))
    }
}
