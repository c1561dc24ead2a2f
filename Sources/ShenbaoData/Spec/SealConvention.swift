/// The naming convention of Chinese forms for seals, in one place: an image field whose key ends
/// in 公章 (公章, 推荐单位公章) is a unit's seal unless the spec says `seal: false`, and the
/// applicant's own seal is the field 公章 unless the spec names another with `applicant_seal:`.
public enum SealConvention {
    /// The key suffix that marks a seal (`推荐单位公章`).
    public static let keySuffix = "公章"
    /// The applicant unit's seal field when the spec does not name one.
    public static let applicantKey = "公章"

    /// Whether an image field keyed `key` is a seal by the naming convention alone.
    public static func namesASeal(_ key: String) -> Bool { key.hasSuffix(keySuffix) }
}

extension FormSpec {
    /// The image field the applicant's own seal goes in (what `shenbao build --seal` fills): the
    /// spec's `applicant_seal:`, else `SealConvention.applicantKey` when the form has that image
    /// field; nil when the form has no such field.
    public var applicantSealKey: String? {
        let key = applicantSeal ?? SealConvention.applicantKey
        return field(atPath: key)?.type == .image ? key : nil
    }
}
