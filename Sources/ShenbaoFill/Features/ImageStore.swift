import Foundation
import ShenbaoCore
import ShenbaoOOXML

/// Places images for `{{%path}}`: reads the file named in the data (relative to the data file),
/// sizes it in millimetres keeping its aspect, and adds media, relationships and content types.
/// A seal (key ending in 公章, or an image field marked `isSeal` in the options) floats in front of the text, centred
/// on the tag, 42 mm wide unless told otherwise.
final class ImageStore: ImagePlacing {
    static let sealWidthMillimetres = 42.0
    static let defaultWidthMillimetres = 42.0
    private static let emuPerMillimetre = 36_000.0
    /// Half a line of 三号 (16 pt) text: a seal is centred on the middle of the tag's line. The
    /// vertical position is taken from the paragraph's top, which Word and LibreOffice agree on
    /// (LibreOffice measures offsets from a "line" upwards, Word downwards).
    private static let imageRelationship = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/image"

    private let archive: ZipArchive
    private let dataDirectory: String?
    private let options: FillOptions
    /// Media added, by file digest: entry name.
    private var media: [String: String] = [:]
    private var mediaOrder: [(name: String, bytes: [UInt8])] = []
    /// Relationships to add per part: (part, id, target), in order.
    private var relationships: [(part: String, id: String, target: String)] = []
    private var formats: Set<ImageFile.Format> = []

    init(archive: ZipArchive, dataDirectory: String?, options: FillOptions) {
        self.archive = archive
        self.dataDirectory = dataDirectory
        self.options = options
    }

    struct Problem: Error, CustomStringConvertible {
        var description: String
    }

    func drawing(for value: DataValue, key: String, label: String, part: String, ids: IDAllocator) throws -> [UInt8] {
        let path: String
        var width = options.imageFields[label]?.widthMillimetres
        if let map = value.map {
            guard let p = map["path"]?.text else { throw Problem(description: "an image needs `path:`") }
            path = p
            if let w = map["width_mm"]?.text {
                guard let mm = Double(w), mm > 0 else { throw Problem(description: "width_mm “\(w)” is not a positive number") }
                width = mm
            }
        } else if let p = value.text {
            path = p
        } else {
            throw Problem(description: "an image is a file path or {path: …, width_mm: …}")
        }
        let isSeal = options.imageFields[label]?.isSeal ?? false || key.hasSuffix("公章")
        let size: ImageFile
        let bytes: [UInt8]
        do {
            if options.imagePlaceholders {
                (size, bytes) = (try ImageFile(bytes: Self.placeholderPNG), Self.placeholderPNG)
            } else {
                let full = path.hasPrefix("/") ? path : ((dataDirectory ?? ".") as NSString).appendingPathComponent(path)
                (size, bytes) = try ImageFile.read(full)
            }
        } catch let error as InputFileError {
            throw Problem(description: "图片「\(path)」\(error.cause)")
        } catch {
            throw Problem(description: "图片「\(path)」不是完好的 PNG 或 JPEG 图片：\(error)")
        }
        formats.insert(size.format)
        let digest = SHA256.hex(bytes)
        let mediaName: String
        if let existing = media[digest] {
            mediaName = existing
        } else {
            mediaName = "word/media/shenbao-image\(media.count + 1).\(size.format == .png ? "png" : "jpeg")"
            media[digest] = mediaName
            mediaOrder.append((mediaName, bytes))
        }
        let relID = "rIdShenbaoImage\(relationships.count + 1)"
        relationships.append((part, relID, relativeTarget(mediaName, from: part)))
        let widthMM = width ?? (isSeal ? Self.sealWidthMillimetres : Self.defaultWidthMillimetres)
        let cx = Int((widthMM * Self.emuPerMillimetre).rounded())
        let cy = Int((Double(cx) * Double(size.height) / Double(size.width)).rounded())
        let id = ids.drawing()
        func e(_ name: String, _ attributes: [(String, String)] = [], _ children: [XMLElement] = []) -> XMLElement {
            XMLElement(name, attributes: attributes.map { XMLAttribute($0.0, $0.1) }, children: children.map { .element($0) })
        }
        func text(_ name: String, _ value: String) -> XMLElement { XMLElement(name, children: [.text(value)]) }
        let zero = [("distT", "0"), ("distB", "0"), ("distL", "0"), ("distR", "0")]
        let extent = e("wp:extent", [("cx", "\(cx)"), ("cy", "\(cy)")])
        let effectExtent = e("wp:effectExtent", [("l", "0"), ("t", "0"), ("r", "0"), ("b", "0")])
        let docPr = e("wp:docPr", [("id", "\(id)"), ("name", "\(key) \(id)")])
        let graphic = e("a:graphic", [("xmlns:a", "http://schemas.openxmlformats.org/drawingml/2006/main")], [
            e("a:graphicData", [("uri", "http://schemas.openxmlformats.org/drawingml/2006/picture")], [
                e("pic:pic", [("xmlns:pic", "http://schemas.openxmlformats.org/drawingml/2006/picture")], [
                    e("pic:nvPicPr", [], [e("pic:cNvPr", [("id", "\(id)"), ("name", "\(key) \(id)")]), e("pic:cNvPicPr")]),
                    e("pic:blipFill", [], [e("a:blip", [("r:embed", relID)]), e("a:stretch", [], [e("a:fillRect")])]),
                    e("pic:spPr", [], [
                        e("a:xfrm", [], [e("a:off", [("x", "0"), ("y", "0")]), e("a:ext", [("cx", "\(cx)"), ("cy", "\(cy)")])]),
                        e("a:prstGeom", [("prst", "rect")], [e("a:avLst")]),
                    ]),
                ]),
            ]),
        ])
        let body: XMLElement
        if isSeal {
            // Centred on the tag: horizontally by an offset from its character, vertically by
            // centring on its line. (An offset from the line, -cy/2, is read with the opposite
            // sign by LibreOffice 7.4, which put seals 42 mm too low in the PDF.)
            body = e("wp:anchor", zero + [
                ("simplePos", "0"), ("relativeHeight", "251659264"), ("behindDoc", "0"), ("locked", "0"), ("layoutInCell", "1"), ("allowOverlap", "1"),
            ], [
                e("wp:simplePos", [("x", "0"), ("y", "0")]),
                e("wp:positionH", [("relativeFrom", "character")], [text("wp:posOffset", "\(-cx / 2)")]),
                e("wp:positionV", [("relativeFrom", "line")], [text("wp:align", "center")]),
                extent, effectExtent, e("wp:wrapNone"), docPr, e("wp:cNvGraphicFramePr"), graphic,
            ])
        } else {
            body = e("wp:inline", zero, [extent, effectExtent, docPr, e("wp:cNvGraphicFramePr"), graphic])
        }
        let drawing = e("w:drawing", [
            ("xmlns:wp", "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"),
            ("xmlns:r", "http://schemas.openxmlformats.org/officeDocument/2006/relationships"),
        ], [body])
        var out = Array("</w:t>".utf8)
        XMLSerializer.write(drawing, into: &out)
        out += Array("<w:t xml:space=\"preserve\">".utf8)
        return out
    }

    /// A 1×1 transparent PNG, for `FillOptions.imagePlaceholders`.
    static let placeholderPNG: [UInt8] = [
        0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52,
        0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1F, 0x15, 0xC4,
        0x89, 0x00, 0x00, 0x00, 0x0B, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9C, 0x63, 0x60, 0x00, 0x02, 0x00,
        0x00, 0x05, 0x00, 0x01, 0x7A, 0x5E, 0xAB, 0x3F, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4E, 0x44,
        0xAE, 0x42, 0x60, 0x82,
    ]

    /// Adds the media, relationships and content types gathered while rendering.
    func write(into output: inout ZipArchive) throws {
        guard !mediaOrder.isEmpty else { return }
        for m in mediaOrder { output[m.name] = m.bytes }
        for r in relationships {
            try WordPackage.addRelationship(from: r.part, id: r.id, type: Self.imageRelationship, target: r.target, in: &output)
        }
        if formats.contains(.png) { try WordPackage.ensureDefault("png", type: "image/png", in: &output) }
        if formats.contains(.jpeg) { try WordPackage.ensureDefault("jpeg", type: "image/jpeg", in: &output) }
    }

    private func relativeTarget(_ media: String, from part: String) -> String {
        let dir = part.split(separator: "/").dropLast().joined(separator: "/")
        if !dir.isEmpty, media.hasPrefix(dir + "/") { return String(media.dropFirst(dir.count + 1)) }
        return "/" + media
    }
}
