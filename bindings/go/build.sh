#!/usr/bin/env bash
# Stages the Go module with what it links (target/dist/go: the sources, include/plivo_powerpack.h,
# lib/linux_amd64/libplivo_powerpack_c.a) and runs its checks and tests there, against the staged
# copy and never the source tree:
#   bindings/go/build.sh stage
#   bindings/go/build.sh test     gofmt -l, go vet, go test -race against a fresh sandbox
#   bindings/go/build.sh demo <uuid>   the seed's Go flow (needs PLIVO_* and a running sandbox)
# Needs the debug build and a Go toolchain ($GO, else go on PATH). Standard library only: the
# module proxy is never asked (GOPROXY=off).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
go=${GO:-go}
# STAGE and LIB_DIR: where the module goes and which build's library it takes (bench: release).
stage=${STAGE:-$root/target/dist/go}
lib_dir=${LIB_DIR:-$root/target/debug}
rm -rf "$stage"
mkdir -p "$stage/lib/linux_amd64" "$stage/include"
cp -r "$here"/*.go "$here/go.mod" "$here/README.md" "$here/examples" "$stage/"
cp "$root/bindings/c/include/plivo_powerpack.h" "$stage/include/"
cp "$lib_dir/libplivo_powerpack_c.a" "$stage/lib/linux_amd64/"
export GOFLAGS=-mod=mod GOPROXY=off GOTOOLCHAIN=local GOTELEMETRY=off CGO_ENABLED=1

case "${1:-test}" in
    stage) ;;
    test)
        cd "$stage"
        gofmt="$(dirname "$(command -v "$go")")/gofmt"
        [[ -x "$gofmt" ]] || gofmt=gofmt
        unformatted=$("$gofmt" -l .)
        if [[ -n "$unformatted" ]]; then
            echo "gofmt: not formatted: $unformatted" >&2
            exit 1
        fi
        "$go" vet ./...
        POWERPACK_SANDBOX_BIN="$root/target/debug/powerpack-sandbox" \
            POWERPACK_SANDBOX_SEED="$root/examples/sandbox/rented-numbers.json" \
            POWERPACK_VECTORS_DIR="$root/tests/vectors" POWERPACK_VECTORS_OUT="$root/target/vectors/go.json" \
            "$go" test -race -count=1 -v ${GO_TEST_FLAGS:-} ./... | grep -v "^=== \(RUN\|PAUSE\|CONT\)"; exit "${PIPESTATUS[0]}"
        ;;
    demo)
        cd "$stage" && "$go" run ./examples/seedflow "${2:?usage: build.sh demo <uuid>}"
        ;;
    *)
        echo "usage: build.sh stage|test|demo <uuid>" >&2
        exit 2
        ;;
esac
