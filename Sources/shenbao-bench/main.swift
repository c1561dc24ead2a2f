import Foundation

/// `swift run -c release shenbao-bench [data|fill|pdf|check|summary]...`: runs the named
/// benchmarks (all when none is named) and prints their numbers; BENCHMARKS.md records them.
let benchmarks: [(name: String, run: () -> Void)] = [
    ("data", runDataBenchmark),
    ("fill", runFillBenchmark),
    ("pdf", runPDFBenchmark),
    ("check", runCheckBenchmark),
    ("summary", runSummaryBenchmark),
]
let requested = Array(CommandLine.arguments.dropFirst())
let unknown = requested.filter { name in !benchmarks.contains { $0.name == name } }
if !unknown.isEmpty {
    FileHandle.standardError.write(Data("unknown benchmark \(unknown.joined(separator: ", ")); choose from \(benchmarks.map(\.name).joined(separator: ", "))\n".utf8))
    exit(2)
}
for benchmark in benchmarks where requested.isEmpty || requested.contains(benchmark.name) {
    benchmark.run()
    print()
}
