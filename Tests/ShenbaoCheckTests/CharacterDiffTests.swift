import Foundation
import Testing
@testable import ShenbaoCheck

@Suite("Myers character diff")
struct CharacterDiffTests {
    private func codes(_ s: String) -> [UInt32] { s.unicodeScalars.map(\.value) }

    /// Rebuilds `b` from `a` and the runs: proves the runs describe a real alignment.
    private func apply(_ runs: [EditRun], _ a: [UInt32], _ b: [UInt32]) -> [UInt32] {
        var out: [UInt32] = []
        var i = 0
        for run in runs {
            out += a[i..<run.a.lowerBound]
            out += b[run.b]
            i = run.a.upperBound
        }
        return out + a[i...]
    }

    /// Edit distance (insertions + deletions) by dynamic programming, for small inputs.
    private func distance(_ a: [UInt32], _ b: [UInt32]) -> Int {
        var previous = Array(0...b.count)
        for i in 1...max(a.count, 1) where !a.isEmpty {
            var row = [i] + Array(repeating: 0, count: b.count)
            for j in 1...max(b.count, 1) where !b.isEmpty {
                row[j] = a[i - 1] == b[j - 1] ? previous[j - 1] : min(previous[j], row[j - 1]) + 1
            }
            previous = row
        }
        return a.isEmpty ? b.count : previous[b.count]
    }

    @Test func equalTextsHaveNoRuns() {
        #expect(CharacterDiff.runs(codes("申报书"), codes("申报书")) == [])
        #expect(CharacterDiff.runs([], []) == [])
    }

    @Test(arguments: [
        ("山东大学", "山东大字", [EditRun(a: 3..<4, b: 3..<4)]),
        ("甲乙丙", "甲丙", [EditRun(a: 1..<2, b: 1..<1)]),
        ("甲丙", "甲乙丙", [EditRun(a: 1..<1, b: 1..<2)]),
        ("☑高校□科研院所", "□高校☑科研院所", [EditRun(a: 0..<1, b: 0..<1), EditRun(a: 3..<4, b: 3..<4)]),
        ("", "新", [EditRun(a: 0..<0, b: 0..<1)]),
    ])
    func smallCases(a: String, b: String, expected: [EditRun]) {
        #expect(CharacterDiff.runs(codes(a), codes(b)) == expected)
    }

    @Test func randomPairsAlignMinimally() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<300 {
            let a = (0..<Int.random(in: 0...30, using: &generator)).map { _ in UInt32.random(in: 0...3, using: &generator) }
            let b = (0..<Int.random(in: 0...30, using: &generator)).map { _ in UInt32.random(in: 0...3, using: &generator) }
            let runs = CharacterDiff.runs(a, b)!
            #expect(apply(runs, a, b) == b)
            let edits = runs.reduce(0) { $0 + $1.a.count + $1.b.count }
            #expect(edits == distance(a, b), "a=\(a) b=\(b)")
        }
    }

    @Test func hundredPagesWithOneDifferenceNearTheEndIsInstant() {
        // ~100 pages of 22 lines × 28 characters, repetitive like a real form.
        var a: [UInt32] = []
        for page in 1...100 {
            for line in 1...22 { a += codes("第\(page)页第\(line)行：围绕关键技术开展系统研究，形成成果。") }
        }
        var b = a
        let position = a.count - 500
        b[position] = "字".unicodeScalars.first!.value
        let start = Date()
        let runs = CharacterDiff.runs(a, b)
        let seconds = Date().timeIntervalSince(start)
        #expect(a.count > 50_000)
        #expect(runs == [EditRun(a: position..<(position + 1), b: position..<(position + 1))])
        #expect(seconds < 0.5, "took \(seconds) s")
    }

    @Test func scatteredDifferencesStayLinearish() {
        var a: [UInt32] = []
        for i in 0..<60_000 { a.append(UInt32(0x4E00 + (i * 7919) % 2000)) }
        var b = a
        for k in stride(from: 100, to: 60_000, by: 600) { b[k] = 0x3000 }  // 100 changes
        let start = Date()
        let runs = CharacterDiff.runs(a, b)
        #expect(runs?.count == 100)
        #expect(Date().timeIntervalSince(start) < 1)
    }

    @Test func unrelatedTextsExceedTheBound() {
        let a = (0..<5_000).map { UInt32(0x4E00 + $0 % 97) }
        let b = (0..<5_000).map { UInt32(0x6000 + $0 % 89) }
        #expect(CharacterDiff.runs(a, b, maximumEdits: 1_000) == nil)
    }
}
