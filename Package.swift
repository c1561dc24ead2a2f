// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "shenbao",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "shenbao", targets: ["shenbao"]),
        .library(name: "ShenbaoData", targets: ["ShenbaoData"]),
        .library(name: "ShenbaoFill", targets: ["ShenbaoFill"]),
        .library(name: "ShenbaoPDF", targets: ["ShenbaoPDF"]),
        .library(name: "ShenbaoCheck", targets: ["ShenbaoCheck"]),
        .library(name: "ShenbaoSummary", targets: ["ShenbaoSummary"]),
        .library(name: "ShenbaoBuild", targets: ["ShenbaoBuild"]),
        .library(name: "ShenbaoServe", targets: ["ShenbaoServe"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        // `shenbao serve`: the web form and HTTP API.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        // SHA-256 for the data digest: BoringSSL's (SHA-NI), 6x our hand-written one (docs/bench-fill.md).
        .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
    ],
    targets: [
        // C libraries, declared once. Only ShenbaoOOXML imports them.
        .systemLibrary(
            name: "CLibXML2", pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"]), .brew(["libxml2"])]),
        .systemLibrary(
            name: "CLibZip", pkgConfig: "libzip",
            providers: [.apt(["libzip-dev"]), .brew(["libzip"])]),
        // zlib, for the first piece of a large part deflated on two cores (SplitDeflate).
        .systemLibrary(
            name: "CZlib", pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"]), .brew(["zlib"])]),
        // glibc's mallopt, for the command line's allocator tuning (Sources/shenbao/Support/ProcessMemory.swift).
        .systemLibrary(name: "CGlibcMalloc"),
        .systemLibrary(
            name: "CLibDeflate", pkgConfig: "libdeflate",
            providers: [.apt(["libdeflate-dev"]), .brew(["libdeflate"])]),

        // What every stage shares: source locations, diagnostics, the data value tree, processes.
        .target(name: "ShenbaoCore", dependencies: [.product(name: "Crypto", package: "swift-crypto")]),
        // The one Swift layer over libzip and libxml2.
        .target(name: "ShenbaoOOXML", dependencies: ["CLibXML2", "CLibZip", "CLibDeflate", "CZlib", "ShenbaoCore"]),
        // Stage 1: parse and validate application data.
        // (ShenbaoOOXML for ImageFile: an image field's file is proven a whole PNG or JPEG.)
        .target(name: "ShenbaoData", dependencies: ["ShenbaoCore", "ShenbaoOOXML", .product(name: "Yams", package: "Yams")]),
        // Stage 2: fill DOCX templates.
        .target(name: "ShenbaoFill", dependencies: ["ShenbaoCore", "ShenbaoOOXML", "ShenbaoData"]),
        // Stage 3: DOCX to PDF through LibreOffice.
        .target(name: "ShenbaoPDF", dependencies: ["ShenbaoCore", "ShenbaoOOXML"]),
        // Stage 4: check that a PDF and a DOCX say the same thing.
        .target(name: "ShenbaoCheck", dependencies: ["ShenbaoCore", "ShenbaoOOXML", "ShenbaoData", "ShenbaoFill", "ShenbaoPDF"]),
        // The pipeline driver above the stages: validate, fill, convert, check (`SubmissionBuilder`).
        .target(name: "ShenbaoBuild", dependencies: ["ShenbaoCore", "ShenbaoOOXML", "ShenbaoData", "ShenbaoFill", "ShenbaoPDF", "ShenbaoCheck"]),
        // `shenbao serve`: the web form generated from each spec, and the HTTP API over the pipeline.
        .target(
            name: "ShenbaoServe",
            dependencies: ["ShenbaoCore", "ShenbaoOOXML", "ShenbaoData", "ShenbaoFill", "ShenbaoPDF", "ShenbaoCheck", "ShenbaoBuild",
                           .product(name: "Hummingbird", package: "hummingbird")]),
        // Bureaus' recommendation summary sheets.
        // (ShenbaoCheck: a submitted DOCX must show the data it carries.)
        .target(name: "ShenbaoSummary", dependencies: ["ShenbaoCore", "ShenbaoOOXML", "ShenbaoData", "ShenbaoFill", "ShenbaoCheck"]),

        .executableTarget(
            name: "shenbao",
            dependencies: ["ShenbaoCore", "ShenbaoOOXML", "ShenbaoData", "ShenbaoFill", "ShenbaoPDF", "ShenbaoCheck",
                           "ShenbaoBuild", "ShenbaoSummary", "ShenbaoServe", "CGlibcMalloc",
                           .product(name: "ArgumentParser", package: "swift-argument-parser")]),
        .executableTarget(
            name: "shenbao-bench",
            dependencies: ["ShenbaoCore", "ShenbaoOOXML", "ShenbaoData", "ShenbaoFill", "ShenbaoPDF", "ShenbaoCheck", "ShenbaoBuild", "ShenbaoSummary",
                           "ShenbaoTestSupport"],
            swiftSettings: [.unsafeFlags(["-Ounchecked"])]),

        // What every test target shares: the built binary, the checkout, scratch folders, required tools,
        // the specimen form and seal image (shenbao-bench converts the specimen too).
        .target(name: "ShenbaoTestSupport", dependencies: ["ShenbaoCore", "ShenbaoOOXML", "ShenbaoPDF", "ShenbaoCheck"], path: "Tests/ShenbaoTestSupport"),
        .testTarget(name: "ShenbaoCoreTests", dependencies: ["ShenbaoTestSupport", "ShenbaoCore"]),
        .testTarget(name: "ShenbaoOOXMLTests", dependencies: ["ShenbaoTestSupport", "ShenbaoOOXML"]),
        .testTarget(name: "ShenbaoDataTests", dependencies: ["ShenbaoTestSupport", "ShenbaoData"]),
        .testTarget(name: "ShenbaoFillTests", dependencies: ["ShenbaoTestSupport", "ShenbaoFill", "ShenbaoOOXML", "ShenbaoData"], exclude: ["Fixtures"]),
        .testTarget(name: "ShenbaoPDFTests", dependencies: ["ShenbaoTestSupport", "ShenbaoPDF", "ShenbaoFill", "ShenbaoOOXML"]),
        .testTarget(name: "ShenbaoCheckTests", dependencies: ["ShenbaoTestSupport", "ShenbaoCheck", "ShenbaoPDF", "ShenbaoFill", "ShenbaoData", "ShenbaoOOXML", "ShenbaoCore"]),
        .testTarget(name: "ShenbaoSummaryTests", dependencies: ["ShenbaoTestSupport", "ShenbaoSummary", "ShenbaoFill", "ShenbaoData", "ShenbaoOOXML", "ShenbaoCore"]),
        .testTarget(name: "ShenbaoServeTests", dependencies: ["ShenbaoTestSupport", "ShenbaoCore", "ShenbaoData", "ShenbaoServe"], exclude: ["Browser"]),
        .testTarget(name: "ShenbaoCLITests", dependencies: ["ShenbaoTestSupport", "ShenbaoCore", "ShenbaoOOXML", "ShenbaoData"], exclude: ["Fixtures"]),
    ]
)
