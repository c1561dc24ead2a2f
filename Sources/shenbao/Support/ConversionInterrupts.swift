import Dispatch
import Foundation
import ShenbaoPDF

/// LibreOffice runs in its own process groups, out of reach of the terminal's Ctrl-C: while a
/// conversion runs, SIGINT and SIGTERM stop the converters ourselves (the pool then cleans up and
/// the command exits 130).
enum ConversionInterrupts {
    /// Runs `body` with SIGINT and SIGTERM cancelling every `ConverterPool` conversion.
    static func whileConverting<T>(_ body: () throws -> T) rethrows -> T {
        let sources = [SIGINT, SIGTERM].map { number -> DispatchSourceSignal in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { ConverterPool.cancelAll() }
            source.resume()
            return source
        }
        defer { sources.forEach { $0.cancel() } }
        return try body()
    }
}
