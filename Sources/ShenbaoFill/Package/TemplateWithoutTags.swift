import ShenbaoCore

extension Diagnostic {
    /// A template with no tag and no checkbox control: filled, it is the blank form, though it
    /// would still carry the data. `fill`, `tags` and `lint` refuse it with this diagnostic.
    static func templateWithoutTags(_ path: String, delimiters: Delimiters) -> Diagnostic {
        .error(
            .templateNoTags, at: .file(path), place: "word/document.xml",
            "模板中没有任何标签（如 \(delimiters.open)主申报单位名称\(delimiters.close)），也没有复选框控件：填出的表格不会显示任何数据。"
                + "请在要填写的位置写上 \(delimiters.open)字段\(delimiters.close)，或检查 --delimiters 是否与模板一致")
    }
}
