// swift-tools-version:6.0
//
// The Swift binding of plivo-powerpack: the Swift that UniFFI generates from the Rust core, plus
// a small hand-written layer (Sources/PlivoPowerpack/*.swift in git) that makes it read as Swift.
//
// Nothing generated is committed. scripts/dist.sh stages this package under target/dist/swift with
// - Sources/PlivoPowerpackFFI: the generated C header and module map (a system library target),
// - Sources/PlivoPowerpack/PlivoPowerpack.swift: the generated Swift,
// - lib/libplivo_powerpack_ffi.a: the Rust static library, linked with `-Xlinker -L<lib>`,
// and bindings/swift/build.sh builds and tests it there. See the README's Swift section, and its iOS recipe (XCFramework +
// `.binaryTarget`, not verified here: it needs macOS).
//
// Language mode: Swift 6 (tools-version 6.0 sets it), with complete strict concurrency checking.
// UniFFI 0.32.2's generated Swift compiles in it without a warning, and `build.sh` passes
// `-warnings-as-errors` so that a future generator (or a test) cannot bring one in unseen.
import PackageDescription

let package = Package(
    name: "PlivoPowerpack",
    platforms: [.macOS(.v12), .iOS(.v15)],
    products: [
        .library(name: "PlivoPowerpack", targets: ["PlivoPowerpack"]),
    ],
    targets: [
        // The C header and module map of the Rust library (ffi_module_name in uniffi.toml).
        .systemLibrary(name: "PlivoPowerpackFFI", path: "Sources/PlivoPowerpackFFI"),
        // The generated Swift plus the hand-written Swift idioms over it.
        .target(name: "PlivoPowerpack", dependencies: ["PlivoPowerpackFFI"], path: "Sources/PlivoPowerpack"),
        // The seed's flow as a command-line program; `make demo` runs it.
        .executableTarget(name: "SeedFlow", dependencies: ["PlivoPowerpack"], path: "Sources/SeedFlow"),
        // XCTest against the sandbox that build.sh starts (POWERPACK_SANDBOX_URL).
        .testTarget(name: "PlivoPowerpackTests", dependencies: ["PlivoPowerpack"], path: "Tests/PlivoPowerpackTests"),
    ]
)
