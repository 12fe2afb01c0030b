// swift-tools-version:5.9
// The Swift binding. `test.sh` fills Sources/ from the generated bindings
// (target/bindings/swift) and links the static library; nothing generated is committed.
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
        // The generated Swift, importing PlivoPowerpackFFI.
        .target(name: "PlivoPowerpack", dependencies: ["PlivoPowerpackFFI"], path: "Sources/PlivoPowerpack"),
        .testTarget(name: "PlivoPowerpackTests", dependencies: ["PlivoPowerpack"], path: "Tests/PlivoPowerpackTests"),
    ]
)
