/// The sizes and times a server accepts; over a size, a request gets 413.
package struct ServeLimits: Sendable {
    /// Largest request body, in bytes, images included (16 MB).
    package var maximumBody = 16 * 1024 * 1024
    /// Largest single image once decoded, in bytes (5 MB).
    package var maximumImage = 5 * 1024 * 1024
    /// Largest image side in pixels.
    package var maximumImageSide = 10_000
    /// Seconds one LibreOffice conversion may take before its process is killed and restarted.
    package var conversionTimeout: Double = 60
    /// Requests filling, converting or checking at the same time; later ones wait their turn.
    package var concurrentJobs = 4

    package init() {}
}
