#!/usr/bin/env bash
# `make bench`: release builds of everything, then every contender side by side (bench/run.py).
# Not part of `make test`. Writes BENCHMARKS.md and docs/benchmarks.png.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS="${RUNS:-3}"
VENV=target/bench-venv

echo "== release build (core cdylib, sandbox, Rust contenders, uniffi-bindgen)"
mkdir -p target/napi-typedef
NAPI_TYPE_DEF_TMP_FOLDER="$PWD/target/napi-typedef" cargo build --release --workspace --features plivo-powerpack/bindgen

echo "== bench venv: release wheel, official plivo, matplotlib"
[[ -x $VENV/bin/python ]] || python3 -m venv $VENV
$VENV/bin/pip install -q "maturin==1.16.0" "plivo==4.63.0" "matplotlib>=3.8,<4"
rm -rf target/wheels-release
(cd bindings/python && ../../$VENV/bin/maturin build --release --out ../../target/wheels-release)
$VENV/bin/pip install -q --force-reinstall --no-deps target/wheels-release/*.whl

echo "== Kotlin binding with the release library, and the JVM contenders"
rm -rf target/bindings/kotlin
target/release/uniffi-bindgen generate --library target/release/libplivo_powerpack_ffi.so \
    --language kotlin --out-dir target/bindings/kotlin --no-format
version=$(scripts/version.sh)
mvn -B -q --no-transfer-progress -f bindings/kotlin/pom.xml -DskipTests clean -Dnative.lib.dir="$PWD/target/release" "-Drevision=$version" install
mvn -B -q --no-transfer-progress -f bench/jvm/pom.xml "-Drevision=$version" package dependency:build-classpath \
    -Dmdep.outputFile="$PWD/bench/jvm/target/classpath.txt"

echo "== Go binding with the release library (skipped without a Go toolchain)"
GO=${GO:-$(command -v go || echo "$PWD/target/go-venv/go/bin/go")}
if [[ -x "$GO" ]]; then
    DIST="$PWD/target/dist-release" LIB_DIR="$PWD/target/release" scripts/dist.sh go
    (cd bench/go && GOFLAGS=-mod=mod GOPROXY=off GOTOOLCHAIN=local "$GO" build -o ../../target/release/powerpack-bench-go .)
else
    echo "SKIPPED: Go contender (no Go toolchain; make go-toolchain installs one)"
fi

echo "== PHP binding with the release library (skipped without php and its FFI extension)"
if command -v php >/dev/null && php -r 'exit(extension_loaded("ffi") ? 0 : 1);'; then
    DIST="$PWD/target/dist-release" LIB_DIR="$PWD/target/release" scripts/dist.sh php
else
    echo "SKIPPED: PHP contender (no php with FFI; make php-deps installs it)"
fi

echo "== Node binding with the release addon, and plivo-node (skipped without node and npm)"
if command -v node >/dev/null && command -v npm >/dev/null; then
    DIST="$PWD/target/dist-release" LIB_DIR="$PWD/target/release" scripts/dist.sh node
    (cd bench/node && npm ci --no-audit --no-fund --loglevel=error &&
        npm install --no-save --no-audit --no-fund --loglevel=error ../../target/dist-release/node/plivo-powerpack-*.tgz) ||
        echo "SKIPPED: Node contenders (npm could not install plivo-node or the staged tarball)"
else
    echo "SKIPPED: Node contenders (no node or npm)"
fi

echo "== run ($RUNS runs per contender)"
$VENV/bin/python bench/run.py --runs "$RUNS" ${BENCH_ONLY:+--only "$BENCH_ONLY"}
