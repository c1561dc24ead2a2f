import Foundation
import ShenbaoCore
import Testing

@testable import ShenbaoData

/// The JSON reader reuses the last row's keys and, while a row's keys are the last row's in order,
/// skips the duplicate search. Rows drawn at random (repeated keys, reordered keys, escaped keys,
/// short and long rows) must still give exactly the tree and the duplicates a plain
/// reading gives.
@Suite struct JSONKeyReuseTests {
    static let keys = ["姓名", "职务", "单位", "电话", "a", "b", "名\\u79f0", "名称", "x\\\"y"]

    /// The key as JSON decodes it.
    static func decoded(_ key: String) -> String {
        key.replacingOccurrences(of: "\\u79f0", with: "称").replacingOccurrences(of: "\\\"", with: "\"")
    }

    @Test(arguments: 0..<40)
    func rowsGiveTheSameTreeAndDuplicatesAsAPlainReading(_ seed: Int) throws {
        var random = SeededRandom(seed: UInt64(seed) &+ 1)
        var rows: [[String]] = []
        let base = Array(Self.keys.shuffled(using: &random).prefix(Int.random(in: 2...6, using: &random)))
        for _ in 0..<Int.random(in: 2...30, using: &random) {
            var row = base
            switch Int.random(in: 0..<6, using: &random) {
            case 0: row.append(row[Int.random(in: 0..<row.count, using: &random)])  // a duplicate at the end
            case 1: row.insert(row[0], at: Int.random(in: 1...row.count, using: &random))  // a duplicate inside
            case 2: row.shuffle(using: &random)
            case 3: row.removeLast()
            case 4: row.append(Self.keys.randomElement(using: &random)!)
            default: break
            }
            rows.append(row)
        }
        let text = "{\"人员\": [" + rows.enumerated().map { n, row in
            "{" + row.enumerated().map { k, key in "\"\(key)\": \"\(n)-\(k)\"" }.joined(separator: ", ") + "}"
        }.joined(separator: ",\n") + "]}"
        let (value, duplicates) = try DataFile.parseKeepingDuplicates(Array(text.utf8), path: "d.json", format: .json)

        var expectedDuplicates = 0
        let parsedRows = try #require(value["人员"]?.list)
        #expect(parsedRows.count == rows.count)
        for (n, row) in rows.enumerated() {
            var seen: [String: Int] = [:]
            for (k, key) in row.enumerated() {
                let name = Self.decoded(key)
                if seen[name] != nil { expectedDuplicates += 1 } else { seen[name] = k }
            }
            let map = try #require(parsedRows[n].map)
            #expect(map.keys == seen.sorted { $0.value < $1.value }.map(\.key), "第 \(n) 行：\(row)")
            for (name, k) in seen { #expect(map[name]?.text == "\(n)-\(k)", "第 \(n) 行的 \(name)") }
        }
        #expect(duplicates.count == expectedDuplicates, "\(rows)")
        #expect(duplicates.allSatisfy { $0.code == .duplicateKey })
    }
}

/// A small deterministic generator, so that a failing seed can be run again.
struct SeededRandom: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
