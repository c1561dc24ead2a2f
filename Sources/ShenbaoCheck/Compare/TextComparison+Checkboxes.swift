/// Naming a checkbox for its report: the field it belongs to and the option it stands for.
extension TextComparison {
    /// What a checkbox is for: `主申报单位性质「高校」`, from the label cell before it in the row
    /// (or the paragraph text before the first box) and the option text after it.
    func checkboxField(at i: Int) -> String {
        var j = i + 1
        while j < docx.scalars.count, j - i <= 12, !TextNormalizer.isCheckbox(docx.scalars[j]),
              docx.locationIndex[j] == docx.locationIndex[i] {
            j += 1
        }
        let option = TextNormalizer.displayText(docx.originals, (i + 1)..<j)
        let label = checkboxLabel(at: i)
        return (label.isEmpty ? "" : label) + "「\(String(option))」"
    }

    func checkboxLabel(at i: Int) -> String {
        let here = docx.locationIndex[i]
        var start = i
        while start > 0 && docx.locationIndex[start - 1] == here { start -= 1 }
        // Text before the first box in the same paragraph or cell: "性质：☑高校□…".
        let firstBox = docx.scalars[start..<i].firstIndex(where: TextNormalizer.isCheckbox) ?? i
        var label = TextNormalizer.displayText(docx.originals, start..<firstBox)
        if label.isEmpty, let location = docx.location(at: i), let cell = location.cell, cell > 1 {
            var previous = location
            previous.cell = cell - 1
            if let n = docx.locations.firstIndex(of: previous),
               let first = docx.locationIndex.firstIndex(of: Int32(n)) {
                var end = first
                while end < docx.locationIndex.count && docx.locationIndex[end] == Int32(n) { end += 1 }
                label = TextNormalizer.displayText(docx.originals, first..<end)
            }
        }
        while let last = label.last, "：:".contains(last) { label.removeLast() }
        return String(label.prefix(30))
    }
}
