import Foundation
import ShenbaoCore
import ShenbaoOOXML

/// Checks one scalar value against its field: type, options, length, pattern, range, image file.
struct FieldChecks {
    let dataPath: String?
    var diagnostics: [Diagnostic] = []

    init(dataPath: String?) { self.dataPath = dataPath }

    /// The typed value (see `ValidationResult.normalized`); the value as written when it fails.
    /// The label (`labelPrefix` + the field's label) is only built for a message.
    mutating func check(_ field: FieldSpec, _ value: DataValue, labelPrefix: String) -> DataValue {
        let raw = value.text ?? ""
        let text = raw.trimmed
        let at = value.location
        var label: String { labelPrefix + field.label }
        func fail(_ code: DiagnosticCode, _ message: String) -> DataValue {
            diagnostics.append(.error(code, at: at, label: label, message))
            return value
        }
        var typed = DataValue(.string(raw), at: at)
        switch field.type {
        case .text, .multiline:
            if field.type == .text && raw.utf8.contains(0x0A) {
                diagnostics.append(.warning(.lineBreakInText, at: at, label: label, "单行文字中有换行；多行内容请用 multiline 字段"))
            }
        case .choice:
            guard field.options.contains(text) else {
                return fail(.notAnOption, "「\(text)」不是可选项；可选：\(field.options.joined(separator: "、"))")
            }
            typed = DataValue(.string(text), at: at)
        case .date:
            guard let date = ScalarParsers.date(text) else {
                return fail(.notADate, "「\(text)」不是有效日期，应写成 2022-12-10、2022/12/10 或 2022年12月10日")
            }
            typed = DataValue(.string(date.iso), at: at)
        case .integer:
            guard let n = ScalarParsers.integer(text) else { return fail(.notAnInteger, "「\(text)」不是整数") }
            if let failed = range(Double(n), field, text) { return fail(.outOfRange, failed) }
            typed = DataValue(.number(String(n)), at: at)
        case .number:
            guard let n = ScalarParsers.number(text) else { return fail(.notANumber, "「\(text)」不是数字") }
            if let failed = range(n, field, text) { return fail(.outOfRange, failed) }
            typed = DataValue(.number(text), at: at)
        case .amount:
            guard let plain = ScalarParsers.amount(text), let n = Double(plain) else {
                return fail(.notAnAmount, "「\(text)」不是金额，应写成 250000 或 250,000.00（单位：元）")
            }
            if let failed = range(n, field, text) { return fail(.outOfRange, failed) }
            typed = DataValue(.number(plain), at: at)
        case .phone:
            guard let phone = ScalarParsers.phone(text) else {
                return fail(.notAPhone, "「\(text)」不是有效的电话号码，应为手机号（13912345678）或带区号的座机（0531-51785094）")
            }
            typed = DataValue(.string(phone), at: at)
        case .email:
            guard let email = ScalarParsers.email(text) else { return fail(.notAnEmail, "「\(text)」不是有效的电子邮箱") }
            typed = DataValue(.string(email), at: at)
        case .bool:
            if case .bool(let b) = value.kind { typed = DataValue(.bool(b), at: at); break }
            guard let b = ScalarParsers.bool(text) else { return fail(.notABool, "「\(text)」应为 true/false 或 是/否") }
            typed = DataValue(.bool(b), at: at)
        case .image:
            guard let resolved = checkImage(text, at: at, label: label) else { return value }
            typed = DataValue(.string(resolved), at: at)
        case .table, .group, .multichoice:
            return value
        }
        if (field.type.isTextual || field.type == .choice) && (field.maxLength != nil || field.minLength != nil) {
            // Characters as an editor counts them for Chinese text: Unicode scalars, line breaks not counted.
            let length = raw.unicodeScalars.lazy.filter { $0 != "\n" && $0 != "\r" }.count
            if let maximum = field.maxLength, length > maximum {
                return fail(.tooLong, "共 \(length) 字，超过上限 \(maximum) 字")
            }
            if let minimum = field.minLength, length < minimum {
                return fail(.tooShort, "共 \(length) 字，少于下限 \(minimum) 字")
            }
        }
        if let pattern = field.pattern, !PatternCache.matches(pattern, raw) {
            return fail(.patternMismatch, field.patternMessage ?? "「\(text)」不符合格式要求（\(pattern)）")
        }
        return typed
    }

    private func range(_ n: Double, _ field: FieldSpec, _ text: String) -> String? {
        switch (field.minimum, field.maximum) {
        case (let lo?, let hi?) where n < lo || n > hi: return "「\(text)」超出范围，应在 \(Self.show(lo)) 到 \(Self.show(hi)) 之间"
        case (let lo?, nil) where n < lo: return "「\(text)」应不小于 \(Self.show(lo))"
        case (nil, let hi?) where n > hi: return "「\(text)」应不大于 \(Self.show(hi))"
        default: return nil
        }
    }

    private static func show(_ d: Double) -> String {
        d == d.rounded() && abs(d) < 1e15 ? String(Int(d)) : String(d)
    }

    /// The image's absolute path when it exists and is a whole PNG or JPEG of a sane size (`ImageFile`).
    private mutating func checkImage(_ text: String, at: SourceLocation?, label: String) -> String? {
        let base = dataPath.map { URL(fileURLWithPath: $0).deletingLastPathComponent() }
            ?? URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        let url = text.hasPrefix("/") ? URL(fileURLWithPath: text) : base.appendingPathComponent(text)
        let path = url.standardizedFileURL.path
        guard FileManager.default.fileExists(atPath: path) else {
            diagnostics.append(.error(.imageNotFound, at: at, label: label, "找不到图片文件「\(text)」（相对于数据文件所在目录 \(base.path)）"))
            return nil
        }
        do {
            _ = try ImageFile.read(path)
        } catch let error as InputFileError {
            diagnostics.append(.error(error.code == .fileTooLarge ? .imageTooLarge : .imageUnreadable, at: at, label: label, "图片「\(text)」\(error.cause)"))
            return nil
        } catch let error as ImageError where error == ImageError.notAnImage {
            diagnostics.append(.error(.notAnImage, at: at, label: label, "「\(text)」不是 PNG 或 JPEG 图片"))
            return nil
        } catch {
            diagnostics.append(.error(.brokenImage, at: at, label: label, "「\(text)」不是完好的图片：\(error)"))
            return nil
        }
        return path
    }
}
