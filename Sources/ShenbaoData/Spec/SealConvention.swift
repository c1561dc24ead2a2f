/// The naming convention of Chinese forms for seals, in one place: an image field whose key ends
/// in 公章 (公章, 推荐单位公章) is a unit's seal unless the spec says `seal:` otherwise.
public enum SealConvention {
    /// The key suffix that marks a seal (`推荐单位公章`).
    public static let keySuffix = "公章"
    /// Whether an image field keyed `key` is a seal by the naming convention alone.
    public static func namesASeal(_ key: String) -> Bool { key.hasSuffix(keySuffix) }
}
