#!/usr/bin/env bash
# Runs the Swift suite against the sandbox (needs a Swift toolchain and `make bindings`).
# Not verified on the project's CI machine, which has no Swift toolchain: `make test`
# prints "SKIPPED: swift (no swift toolchain)" there.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
gen="$root/target/bindings/swift"
[[ -f "$gen/PlivoPowerpack.swift" ]] || { echo "run 'make bindings' first" >&2; exit 1; }
work="$root/target/swift-package"
rm -rf "$work" && mkdir -p "$work/Sources/PlivoPowerpackFFI" "$work/Sources/PlivoPowerpack" "$work/lib"
cp -r "$here/Package.swift" "$here/Tests" "$work/"
cp "$gen/PlivoPowerpackFFI.h" "$work/Sources/PlivoPowerpackFFI/"
cp "$gen/PlivoPowerpackFFI.modulemap" "$work/Sources/PlivoPowerpackFFI/module.modulemap"
cp "$gen/PlivoPowerpack.swift" "$work/Sources/PlivoPowerpack/"
# Only the static library in the link directory, so the linker cannot pick the .so.
cp "$root/target/debug/libplivo_powerpack.a" "$work/lib/"
cd "$work"
POWERPACK_SANDBOX_BIN="$root/target/debug/powerpack-sandbox" \
    swift test -Xlinker -L"$work/lib" -Xlinker -lplivo_powerpack
