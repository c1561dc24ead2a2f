// swift-tools-version: 6.0
// libFuzzer targets for shenbao's readers, kept out of the main package so that a normal
// `swift build` never links libFuzzer. Built and run by `make fuzz` (scripts/fuzz.sh) with
// -sanitize=fuzzer,address and -enable-testing (the tag lexer is internal to ShenbaoFill).
import PackageDescription

let package = Package(
    name: "shenbao-fuzz",
    dependencies: [.package(name: "shenbao", path: "..")],
    targets: [
        // The libFuzzer driver shared by every target.
        .target(name: "FuzzDriver"),
        .executableTarget(name: "FuzzJSON", dependencies: ["FuzzDriver", .product(name: "ShenbaoData", package: "shenbao")]),
        .executableTarget(name: "FuzzYAML", dependencies: ["FuzzDriver", .product(name: "ShenbaoData", package: "shenbao")]),
        .executableTarget(name: "FuzzTagLexer", dependencies: ["FuzzDriver", .product(name: "ShenbaoFill", package: "shenbao")]),
        .executableTarget(name: "FuzzPackage", dependencies: ["FuzzDriver", .product(name: "ShenbaoFill", package: "shenbao")]),
        .executableTarget(name: "FuzzImage", dependencies: ["FuzzDriver", .product(name: "ShenbaoFill", package: "shenbao")]),
    ]
)
