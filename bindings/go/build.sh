#!/usr/bin/env bash
# Checks and tests the staged Go module (target/dist/go, made by scripts/dist.sh: the sources,
# include/plivo_powerpack.h, lib/linux_amd64/libplivo_powerpack_c.a), never the source tree:
#   bindings/go/build.sh test     gofmt -l, go vet, go test -race against a fresh sandbox
#   bindings/go/build.sh demo <uuid>   the seed's Go flow (needs PLIVO_* and a running sandbox)
# Needs a Go toolchain ($GO, else go on PATH). Standard library only: the module proxy is never
# asked (GOPROXY=off).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
go=${GO:-go}
stage="$root/target/dist/go"
[[ -f "$stage/go.mod" && -f "$stage/lib/linux_amd64/libplivo_powerpack_c.a" ]] ||
    { echo "no staged Go module: run 'make dist-go' (scripts/dist.sh go) first" >&2; exit 1; }
export GOFLAGS=-mod=mod GOPROXY=off GOTOOLCHAIN=local GOTELEMETRY=off CGO_ENABLED=1

case "${1:-test}" in
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
        echo "usage: build.sh test|demo <uuid>" >&2
        exit 2
        ;;
esac
