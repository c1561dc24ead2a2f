import ShenbaoCore

/// Makes the drawing XML for an image tag `{{%path}}` and registers the image with the part
/// (media entry, relationship, content type).
protocol ImagePlacing: AnyObject {
    /// The `<w:drawing>` run content for `value` (a path, or a map with `path` and `width_mm`).
    func drawing(for value: DataValue, key: String, label: String, part: String, ids: IDAllocator) throws -> [UInt8]
}
