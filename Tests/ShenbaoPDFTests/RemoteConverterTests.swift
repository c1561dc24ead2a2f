import Foundation
import ShenbaoOOXML
import ShenbaoTestSupport
import Testing

@testable import ShenbaoPDF

/// `--remote`: documents converted on two real unoserver instances, one killed mid-batch.
@Suite struct RemoteConverterTests {
    @Test func remoteListIsReadAndWrongEntriesNamed() throws {
        #expect(try UnoserverEndpoint.list("10.0.0.5:2003, host-b:2004,10.0.0.5:2003,[::1]:2005").map(\.description)
            == ["10.0.0.5:2003", "host-b:2004", "[::1]:2005"])
        for wrong in ["10.0.0.5", "a:0", "a:70000", ":2003", ","] {
            #expect(throws: RemoteListError.self) { try UnoserverEndpoint.list(wrong) }
        }
    }

    @Test func xmlRPCCallAndResponseGoThroughTheXMLLayer() throws {
        let call = String(decoding: XMLRPC.call("convert", [.null, .bytes([0, 255]), .string("a&b"), .array([.string("x=1")])]), as: UTF8.self)
        #expect(call.contains("<methodName>convert</methodName>"))
        #expect(call.contains("<param><value><nil/></value></param><param><value><base64>AP8=</base64></value></param>"))
        #expect(call.contains("<string>a&amp;b</string>"))
        let ok = Array("<?xml version='1.0'?>\n<methodResponse><params><param><value><base64>\nJVBE\nRg==\n</base64></value></param></params></methodResponse>".utf8)
        #expect(try XMLRPC.response(ok) == .bytes(Array("%PDF".utf8)))
        let fault = Array("<methodResponse><fault><value><struct><member><name>faultCode</name><value><int>1</int></value></member><member><name>faultString</name><value><string>&lt;class 'RuntimeError'&gt;:bad</string></value></member></struct></value></fault></methodResponse>".utf8)
        #expect(throws: XMLRPCError.fault("<class 'RuntimeError'>:bad")) { try XMLRPC.response(fault) }
    }

    @Test func nothingListeningFailsEveryDocumentWithoutWritingOne() throws {
        let scratch = try Scratch("remote-none")
        defer { scratch.remove() }
        let input = scratch.file("a.docx")
        try SpecimenForm(number: 1).archive(path: input).write(to: input)
        let converter = RemoteConverter(endpoints: [UnoserverEndpoint(host: "127.0.0.1", port: try UnoserverInstance.freePort())], timeout: 5)
        let results = converter.convert([input], outputDirectory: scratch.file("out"))
        #expect(results.map(\.succeeded) == [false])
        #expect(results[0].diagnostics.map(\.code) == [.remoteUnreachable])
        #expect(!FileManager.default.fileExists(atPath: scratch.file("out/a.pdf")))
    }

    @Test(.enabled(if: RequiredTools.present(.unoserver, .libreOffice, .poppler)))
    func anInstanceKilledMidBatchLosesNoDocument() throws {
        let scratch = try Scratch("remote")
        defer { scratch.remove() }
        let inputs = try (0..<8).map { number in
            let path = scratch.file("form\(number).docx")
            try SpecimenForm(number: number).archive(path: path).write(to: path)
            return path
        }
        let survivor = try UnoserverInstance(scratch: scratch, name: "a")
        let victim = try UnoserverInstance(scratch: scratch, name: "b")
        try survivor.waitUntilReady()
        try victim.waitUntilReady()
        let output = scratch.file("out")
        // The victim dies as soon as the batch has made its first PDF: it is busy by then.
        let killer = Thread {
            let deadline = Date().addingTimeInterval(120)
            while (try? FileManager.default.contentsOfDirectory(atPath: output))?.contains(where: { $0.hasSuffix(".pdf") }) != true,
                Date() < deadline
            {
                Thread.sleep(forTimeInterval: 0.02)
            }
            victim.kill()
        }
        killer.start()
        let converter = RemoteConverter(endpoints: [victim.endpoint, survivor.endpoint], timeout: 60)
        let results = converter.convert(inputs, outputDirectory: output)
        #expect(results.allSatisfy { $0.succeeded }, "\(results.flatMap(\.diagnostics).map(\.description))")
        #expect(results.contains { $0.attempts == 2 }, "the document the victim had was sent again")
        for (number, result) in results.enumerated() {
            let pdf = try #require(result.output)
            #expect(pdf == "\(output)/form\(number).pdf")
            #expect(try Poppler.compactText(pdf).contains(SpecimenForm(number: number).company))
            // The profile's font table reached the remote LibreOffice: 宋/仿宋 print in a serif face.
            #expect(try Poppler.run("pdffonts", [pdf]).contains("NotoSerifCJK"))
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: output).sorted() == (0..<8).map { "form\($0).pdf" }.sorted())
    }
}
