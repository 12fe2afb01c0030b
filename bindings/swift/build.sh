#!/usr/bin/env bash
# Builds and tests the staged Swift package (target/dist/swift, made by scripts/dist.sh), or runs
# its demo:
#   bindings/swift/build.sh test          build it and run its XCTest suite against fresh sandboxes
#   bindings/swift/build.sh demo <uuid>   run the seed flow (Sources/SeedFlow) with PLIVO_AUTH_ID,
#                                         PLIVO_AUTH_TOKEN and PLIVO_BASE_URL from the environment
# Warnings are errors (-warnings-as-errors), so the Swift 6 language mode's concurrency
# diagnostics cannot pass unnoticed.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
stage="$root/target/dist/swift"
[[ -f "$stage/Sources/PlivoPowerpack/PlivoPowerpack.swift" && -f "$stage/lib/libplivo_powerpack_ffi.a" ]] ||
    { echo "no staged Swift package: run 'make dist-swift' (scripts/dist.sh swift) first" >&2; exit 1; }
command -v swift >/dev/null || PATH="/opt/swift/usr/bin:$PATH"
# SwiftPM does not track a library passed with -Xlinker, so a .build from an older stage could
# keep the old library.
rm -rf "$stage/.build"
swift_args=(--package-path "$stage" -Xlinker -L"$stage/lib" -Xlinker -lplivo_powerpack_ffi -Xswiftc -warnings-as-errors)

case "${1:-test}" in
    test)
        # Three sandboxes: plain HTTP for most tests; HTTPS with a certificate for the loopback
        # names, and HTTPS with a certificate for another name (its CA written next to it).
        work=$(mktemp -d)
        pids=()
        trap 'kill "${pids[@]}" 2>/dev/null; wait "${pids[@]}" 2>/dev/null; rm -rf "$work"' EXIT
        start() {  # start NAME ARGS...: serve, wait for the base URL, print it
            local name=$1; shift
            "$root/target/debug/powerpack-sandbox" --port 0 --rate-limit off "$@" >"$work/$name.url" 2>&1 &
            pids+=($!)
            for _ in $(seq 100); do [[ -s "$work/$name.url" ]] && break; sleep 0.1; done
        }
        start plain
        start tls --tls --tls-ca-out "$work/tls-ca.pem"
        start other --tls --tls-names api.example.test --tls-ca-out "$work/other-ca.pem"
        url=$(head -n1 "$work/plain.url")
        [[ "$url" == http://127.0.0.1:* ]] || { echo "the sandbox did not start: $(cat "$work/plain.url")" >&2; exit 1; }
        swift --version 2>&1 | head -n1
        POWERPACK_SANDBOX_URL="$url" POWERPACK_REPO_ROOT="$root" \
            POWERPACK_TLS_SANDBOX_URL="$(head -n1 "$work/tls.url")" POWERPACK_TLS_CA_FILE="$work/tls-ca.pem" \
            POWERPACK_OTHER_NAME_URL="$(head -n1 "$work/other.url")" POWERPACK_OTHER_NAME_CA_FILE="$work/other-ca.pem" \
            timeout 900 swift test "${swift_args[@]}"
        ;;
    demo)
        swift build "${swift_args[@]}" --product SeedFlow 2>&1 | tail -n1
        "$(swift build "${swift_args[@]}" --show-bin-path)/SeedFlow" "${2:?usage: build.sh demo <uuid>}"
        ;;
    *) echo "usage: $0 test|demo <uuid>" >&2; exit 2 ;;
esac
