#!/usr/bin/env bash
# The one staging step: every language's package, made from the one build of the workspace and
# written to target/dist/<language>/. Every suite of `make test`, the demo and the benchmarks
# consume these, never the source tree:
#
#   target/dist/c/        include/plivo_powerpack.h, lib/libplivo_powerpack_c.{a,so}, README.md
#   target/dist/python/   the manylinux2014 wheel (linked by zig against glibc 2.17) and the sdist
#   target/dist/kotlin/   plivo-powerpack-<v>.jar (with the .so under linux-x86-64/), -sources.jar,
#                         -javadoc.jar, the pom with its version; the tests compiled beside it
#   target/dist/swift/    the SwiftPM package: sources, the generated Swift, header, module map and
#                         lib/libplivo_powerpack_ffi.a
#   target/dist/ruby/     plivo_powerpack-<v>-x86_64-linux.gem
#   target/dist/go/       the Go module with include/ and lib/linux_amd64/libplivo_powerpack_c.a
#   target/dist/php/      the Composer package with lib/libplivo_powerpack_c.so
#   target/dist/node/     plivo-powerpack-<v>.tgz (npm pack) with the linux-x64-gnu addon
#
#   scripts/dist.sh [language...]      all of them when none is named
#
# Environment: LIB_DIR (the build whose libraries are staged; target/debug, or target/release for
# the benchmarks), DIST (target/dist), PY_VENV (the tool venv with maturin, zig, auditwheel).
# A language whose packaging tool is missing prints SKIPPED and why; any other failure stops.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
lib_dir=${LIB_DIR:-$root/target/debug}
dist=${DIST:-$root/target/dist}
py_venv=${PY_VENV:-$root/.venv}
version=$(scripts/version.sh)
ffi_lib="$lib_dir/libplivo_powerpack_ffi.so"
bindgen="$lib_dir/uniffi-bindgen"

# generate LANGUAGE OUT: UniFFI's sources for LANGUAGE from the built library.
generate() {
    rm -rf "$2"
    "$bindgen" generate --library "$ffi_lib" --language "$1" --out-dir "$2" --no-format >/dev/null
}

fresh() { rm -rf "$dist/$1" && mkdir -p "$dist/$1"; }

stage_c() {
    fresh c
    mkdir -p "$dist/c/include" "$dist/c/lib"
    cp bindings/c/include/plivo_powerpack.h "$dist/c/include/"
    cp "$lib_dir/libplivo_powerpack_c.a" "$lib_dir/libplivo_powerpack_c.so" "$dist/c/lib/"
    cp bindings/c/README.md "$dist/c/"
}

stage_python() {
    fresh python
    # The zig build is the wheel's own (an explicit target triple, so it does not share
    # target/debug: see the Makefile's header), without debug info: nobody debugs the test wheel
    # and it links faster and installs smaller (strip=none: without debug info cargo would strip,
    # and zig's linker then drops the symbol table with UniFFI's metadata). maturin generates the Python from that library
    # with the generator the workspace build made (scripts/maturin-shim/cargo says why).
    (cd bindings/python && REAL_CARGO="$(command -v cargo)" PLIVO_BINDGEN="$bindgen" CARGO_PROFILE_DEV_DEBUG=0 CARGO_PROFILE_DEV_STRIP=none \
        PATH="$root/scripts/maturin-shim:$py_venv/bin:$PATH" "$py_venv/bin/maturin" build --zig \
        --compatibility manylinux2014 --out "$dist/python")
    scripts/check_wheel.sh "$dist"/python/*.whl "$py_venv/bin/auditwheel"
    (cd bindings/python && "$py_venv/bin/maturin" sdist --out "$dist/python")
}

stage_kotlin() {
    if ! command -v mvn >/dev/null || ! command -v java >/dev/null; then
        echo "SKIPPED: kotlin staging (no maven or java)"
        return
    fi
    fresh kotlin
    generate kotlin target/bindings/kotlin
    # package compiles the tests too (the kotlin suite runs them against the staged jar), and
    # makes the sources and javadoc jars a Central deploy needs.
    mvn -B -q --no-transfer-progress -f bindings/kotlin/pom.xml -DskipTests "-Drevision=$version" \
        "-Dnative.lib.dir=$lib_dir" package
    cp bindings/kotlin/target/plivo-powerpack-"$version"{,-sources,-javadoc}.jar "$dist/kotlin/"
    sed "s|<version>\${revision}</version>|<version>$version</version>|" bindings/kotlin/pom.xml \
        >"$dist/kotlin/plivo-powerpack-$version.pom"
}

stage_swift() {
    local out="$dist/swift"
    fresh swift
    cp -R bindings/swift/Package.swift bindings/swift/README.md bindings/swift/Sources bindings/swift/Tests "$out/"
    generate swift target/bindings/swift
    mkdir -p "$out/Sources/PlivoPowerpackFFI" "$out/lib"
    cp target/bindings/swift/PlivoPowerpackFFI.h "$out/Sources/PlivoPowerpackFFI/"
    cp target/bindings/swift/PlivoPowerpackFFI.modulemap "$out/Sources/PlivoPowerpackFFI/module.modulemap"
    cp target/bindings/swift/PlivoPowerpack.swift "$out/Sources/PlivoPowerpack/"
    # Only the static library in the link directory, so the linker cannot pick the .so.
    cp "$lib_dir/libplivo_powerpack_ffi.a" "$out/lib/"
}

stage_ruby() {
    if ! command -v gem >/dev/null; then
        echo "SKIPPED: ruby staging (no gem command: make ruby-deps installs Debian's ruby)"
        return
    fi
    local build="$root/target/ruby-gem"
    fresh ruby
    rm -rf "$build" && mkdir -p "$build/lib"
    cp bindings/ruby/plivo_powerpack.gemspec bindings/ruby/README.md "$build/"
    cp bindings/ruby/lib/plivo_powerpack.rb "$build/lib/"
    generate ruby "$build/lib/plivo_powerpack"
    cp "$ffi_lib" "$build/lib/plivo_powerpack/"
    (cd "$build" && PLIVO_POWERPACK_VERSION="$version" gem build --quiet plivo_powerpack.gemspec --output "$dist/ruby/plivo_powerpack-$version-x86_64-linux.gem" >/dev/null)
}

stage_go() {
    local out="$dist/go"
    fresh go
    mkdir -p "$out/lib/linux_amd64" "$out/include"
    cp -r bindings/go/*.go bindings/go/go.mod bindings/go/README.md bindings/go/examples "$out/"
    cp bindings/c/include/plivo_powerpack.h "$out/include/"
    cp "$lib_dir/libplivo_powerpack_c.a" "$out/lib/linux_amd64/"
}

stage_php() {
    fresh php
    mkdir -p "$dist/php/lib"
    cp -r bindings/php/composer.json bindings/php/README.md bindings/php/src "$dist/php/"
    cp "$lib_dir/libplivo_powerpack_c.so" "$dist/php/lib/"
}

stage_node() {
    if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
        echo "SKIPPED: node staging (no node or npm)"
        return
    fi
    bindings/node/build.sh stage "$dist/node" "$lib_dir"
}

languages=("$@")
[[ ${#languages[@]} -gt 0 ]] || languages=(c python kotlin swift ruby go php node)
for lang in "${languages[@]}"; do
    started=$(date +%s)
    case "$lang" in
        c|python|kotlin|swift|ruby|go|php|node) "stage_$lang" ;;
        *) echo "dist.sh: no language '$lang' (c python kotlin swift ruby go php node)" >&2; exit 2 ;;
    esac
    echo "staged $lang: $(cd "$dist" && find "$lang" -maxdepth 2 -type f 2>/dev/null | grep -v '/Sources\|/Tests\|/src/\|\.go$' | sort | tr '\n' ' ')($(( $(date +%s) - started )) s)"
done
