import Foundation
import ShenbaoCore
import ShenbaoTestSupport
import Testing

@testable import ShenbaoOOXML

/// `ImageFile` proves an image whole: the regressions of issue 14, item 7 (a truncated seal, a
/// PNG header followed by junk, a 60000×60000 PNG all passed a magic-bytes check).
@Suite struct ImageFileTests {
    static let seal = [UInt8](FileManager.default.contents(atPath: Checkout.path("samples/sd-lab-2022/公章.png")) ?? Data())
    /// An 85×110 JPEG made by `pdftoppm -jpeg -r 10` (baseline, SOF0, one scan).
    static let jpeg = [UInt8](Data(base64Encoded: "/9j/4AAQSkZJRgABAQEACgAKAAD/2wBDAAgGBgcGBQgHBwcJCQgKDBQNDAsLDBkSEw8UHRofHh0aHBwgJC4nICIsIxwcKDcpLDAxNDQ0Hyc5PTgyPC4zNDL/2wBDAQkJCQwLDBgNDRgyIRwhMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjL/wAARCABuAFUDASIAAhEBAxEB/8QAHwAAAQUBAQEBAQEAAAAAAAAAAAECAwQFBgcICQoL/8QAtRAAAgEDAwIEAwUFBAQAAAF9AQIDAAQRBRIhMUEGE1FhByJxFDKBkaEII0KxwRVS0fAkM2JyggkKFhcYGRolJicoKSo0NTY3ODk6Q0RFRkdISUpTVFVWV1hZWmNkZWZnaGlqc3R1dnd4eXqDhIWGh4iJipKTlJWWl5iZmqKjpKWmp6ipqrKztLW2t7i5usLDxMXGx8jJytLT1NXW19jZ2uHi4+Tl5ufo6erx8vP09fb3+Pn6/8QAHwEAAwEBAQEBAQEBAQAAAAAAAAECAwQFBgcICQoL/8QAtREAAgECBAQDBAcFBAQAAQJ3AAECAxEEBSExBhJBUQdhcRMiMoEIFEKRobHBCSMzUvAVYnLRChYkNOEl8RcYGRomJygpKjU2Nzg5OkNERUZHSElKU1RVVldYWVpjZGVmZ2hpanN0dXZ3eHl6goOEhYaHiImKkpOUlZaXmJmaoqOkpaanqKmqsrO0tba3uLm6wsPExcbHyMnK0tPU1dbX2Nna4uPk5ebn6Onq8vP09fb3+Pn6/9oADAMBAAIRAxEAPwD3+iiigAooooAKKKKACiiigAooooAKKKKACiiq15eCzRWNvcTbjjEEZcj6+lAFmis9tXjUf8el8TgnAtX7fhjnFaFABRRRQAUUUUAFFFFABRRRQAVT1LTINVt1guJLtEVw4Nrdy27ZwRy0bKSOemcdPQVcooA5/wD4Q3S/+frXP/B7e/8Ax6j/AIQ3S/8An61z/wAHt7/8eroKKAOf/wCEN0v/AJ+tc/8AB7e//HqP+EN0v/n61z/we3v/AMeroKKAObPguwyNt7rQGec63fH/ANrUg8F2fe/1g/8Acavv/j9dLRQBzP8AwhVrj/j/ANXz/wBhm+/+P10VvCttbRQIXZY0CAySM7EAY5ZiSx9yST3qSigAooooAKKKKACiiigAooooAKKKKACiiigAooooAKKKKACiiigAooooAKKKKACiiigAooooAKQsqkBmAz0yaWsPxPe6fp1nBc6ldQ20PmFFkmmhjBYqeMy8E4B49vagDbDKSQGGR1GaWuGm8WeDXyra7pDKQRkX1kcduhOP8irFt4+8LW/yDxDp7xgEDdqFoAMZ6AODz/h70AdjRXL/APCxPCuX/wCJ9pOAOD/adv8ANx/10pT8QvCmDjxBpBwcY/tK359/v0AdPRXLP8RfCq4xrulMM441K2/+OVIvxB8JGVUPiPR1BGdx1GDA9uHoA6Wiuf8A+E78H/8AQ16H/wCDGH/4qtyCeG6t4ri3ljmglQPHJGwZXUjIII4II5zQBJRRRQAUUUUAFFFFABRRRQAUUUUAFFFFABRRRQB//9k=")!)

    @Test func theSampleSealIsAWholePNG() throws {
        let image = try ImageFile(bytes: Self.seal)
        #expect(image.format == .png)
        #expect(image.width > 100 && image.height > 100)
        #expect(image.hasAlpha)
    }

    @Test func truncatedPNGSealIsRefused() {
        for keep in [Self.seal.count / 2, Self.seal.count - 12, 40] {
            #expect(throws: ImageError.self) { try ImageFile(bytes: Array(Self.seal.prefix(keep))) }
        }
    }

    @Test func pngHeaderFollowedByJunkIsRefused() {
        let junk = Array(Self.seal.prefix(33)) + (0..<5000).map { UInt8(truncatingIfNeeded: $0 &* 7919) }
        #expect(throws: ImageError.self) { try ImageFile(bytes: junk) }
    }

    @Test func flippedCRCInAPNGChunkIsRefused() {
        var bytes = Self.seal
        bytes[29] ^= 0xFF  // the IHDR's CRC
        #expect(throws: ImageError("PNG 数据块 IHDR 的校验和（CRC）不符，文件已损坏")) { try ImageFile(bytes: bytes) }
    }

    @Test func png60000By60000PixelsIsRefusedBeforeInflating() {
        let huge = PNGSurgery.withSize(Self.seal, width: 60_000, height: 60_000)
        #expect(throws: ImageError("图片有 60000×60000 像素，超过上限（每边 20000 像素、共 40 百万像素）")) { try ImageFile(bytes: huge) }
    }

    @Test func pngWhoseImageDataIsShortForItsSizeIsRefused() throws {
        let image = try ImageFile(bytes: Self.seal)
        let taller = PNGSurgery.withSize(Self.seal, width: UInt32(image.width), height: UInt32(image.height + 1))
        #expect {
            try ImageFile(bytes: taller)
        } throws: { error in
            (error as? ImageError)?.reason.hasPrefix("PNG 图像数据不完整") == true
        }
    }

    @Test func jpegIsWalkedToItsEndMarker() throws {
        #expect(try ImageFile(bytes: Self.jpeg) == ImageFile(format: .jpeg, width: 85, height: 110))
        #expect(throws: ImageError.self) { try ImageFile(bytes: Array(Self.jpeg.dropLast(200))) }
        #expect(throws: ImageError.self) { try ImageFile(bytes: Array(Self.jpeg.prefix(400))) }
    }

    @Test func otherFilesAreNotImages() {
        #expect(throws: ImageError.notAnImage) { try ImageFile(bytes: Array("GIF89a........".utf8)) }
        #expect(throws: ImageError.notAnImage) { try ImageFile(bytes: []) }
    }

    @Test func aFIFONamedAsAnImageIsRefusedAtOnce() throws {
        let scratch = try Scratch("image-fifo")
        defer { scratch.remove() }
        let fifo = scratch.file("公章.png")
        #expect(mkfifo(fifo, 0o644) == 0)
        let started = Date()
        #expect(throws: InputFileError(path: fifo, what: "图片", cause: "不是普通文件（是一个管道 FIFO），拒绝读取")) { try ImageFile.read(fifo) }
        #expect(Date().timeIntervalSince(started) < 1)
    }
}
