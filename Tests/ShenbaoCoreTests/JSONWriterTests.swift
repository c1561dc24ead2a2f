import Foundation
import ShenbaoCore
import Testing

/// The one JSON printer: deterministic key order, escaping that reads back the same, reports
/// encoded as `JSONEncoder` encodes them.
@Suite struct JSONWriterTests {
    @Test func keysComeOutInOneOrderWhateverTheyWereAddedIn() {
        var a: [String: JSONValue] = [:]
        for key in ["联系人", "b", "a", "单位", "B", "a1"] { a[key] = .string(key) }
        var b: [String: JSONValue] = [:]
        for key in ["a1", "B", "单位", "a", "b", "联系人"] { b[key] = .string(key) }
        #expect(JSONWriter.pretty(.object(a)) == JSONWriter.pretty(.object(b)))
        // Unicode scalar order: upper case before lower, 单 (U+5355) before 联 (U+8054).
        #expect(JSONWriter.compact(.object(a)) == #"{"B":"B","a":"a","a1":"a1","b":"b","单位":"单位","联系人":"联系人"}"#)
    }

    @Test func prettyLayoutIsTwoSpacesAndSpacedColons() {
        let value: JSONValue = ["matches": true, "pages": 3, "differences": [["kind": "text"]], "warnings": [], "data": nil]
        #expect(JSONWriter.pretty(value) == """
            {
              "data" : null,
              "differences" : [
                {
                  "kind" : "text"
                }
              ],
              "matches" : true,
              "pages" : 3,
              "warnings" : []
            }

            """)
    }

    @Test func stringsEscapeControlsAndReadBackTheSame() throws {
        let text = "引号\" 反斜杠\\ 换行\n 制表\t 响铃\u{07} DEL\u{7F} C1\u{85}\u{9B} 斜杠/ é 𪚥"
        let printed = JSONWriter.compact(["s": .string(text)])
        #expect(printed == #"{"s":"引号\" 反斜杠\\ 换行\n 制表\t 响铃\u0007 DEL\u007f C1\u0085\u009b 斜杠/ é 𪚥"}"#)
        let back = try JSONSerialization.jsonObject(with: Data(printed.utf8)) as? [String: String]
        #expect(back?["s"] == text)
    }

    @Test func canonicalDataJSONKeepsItsBytes() {
        // The digest contract: written key order, no whitespace, C1 characters raw.
        let data = DataValue(.map(DataMap([
            DataMap.Entry(key: "乙", value: .string("a\"b\u{85}\n")), DataMap.Entry(key: "甲", value: DataValue(.number("1.50"))),
        ])))
        #expect(String(decoding: data.canonicalJSON(), as: UTF8.self) == "{\"乙\":\"a\\\"b\u{85}\\n\",\"甲\":1.50}")
    }

    private struct Report: Encodable {
        enum Kind: String, Encodable { case text, pageSize = "page-size" }
        var kind: Kind
        var page: Int?
        var box: [Double]
        var name: String
        var nested: [String: Int]
        var missing: String?
    }

    @Test func encodableValuesComeOutAsJSONEncoderWritesThem() throws {
        let report = Report(kind: .pageSize, page: 2, box: [1.5, 2, 0.1], name: "申报书/附件", nested: ["b": 2, "a": 1], missing: nil)
        let ours = try JSONSerialization.jsonObject(with: Data(JSONWriter.pretty(try JSONValue(encoding: report)).utf8)) as? NSDictionary
        let encoder = JSONEncoder()
        let theirs = try JSONSerialization.jsonObject(with: try encoder.encode(report)) as? NSDictionary
        #expect(ours != nil && ours == theirs)
        #expect(JSONWriter.compact(try JSONValue(encoding: report)) == #"{"box":[1.5,2,0.1],"kind":"page-size","name":"申报书/附件","nested":{"a":1,"b":2},"page":2}"#)
    }

    @Test func foundationObjectsConvert() {
        let object: [String: Any] = ["n": 1, "ok": true, "x": 0.5, "list": ["a", 2], "none": NSNull(), "maybe": Optional<String>.none as Any]
        #expect(JSONValue(any: object).map(JSONWriter.compact) == #"{"list":["a",2],"maybe":null,"n":1,"none":null,"ok":true,"x":0.5}"#)
        #expect(JSONValue(any: Date()) == nil)
    }
}
