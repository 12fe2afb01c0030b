#!/usr/bin/env bash
# The C ABI's test: the hand-written header compiled as C11 and as C++ (it must stand alone), and
# tests/abi_test.c linked against the static library with AddressSanitizer and LeakSanitizer,
# run against a fresh sandbox (seeded with the demo's rented numbers).
# It compiles against the staged copy (target/dist/c, made by scripts/dist.sh), and needs the
# debug build's powerpack-sandbox and cc.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
staged="$root/target/dist/c"
lib="$staged/lib/libplivo_powerpack_c.a"
[[ -f "$lib" && -f "$staged/include/plivo_powerpack.h" ]] ||
    { echo "no staged C library: run 'make dist-c' (scripts/dist.sh c) first" >&2; exit 1; }
out="$root/target/c-test"
mkdir -p "$out"
cc=${CC:-cc}

echo '#include "plivo_powerpack.h"' | "$cc" -std=c11 -Wall -Wextra -Wstrict-prototypes -pedantic -Werror \
    -I"$staged/include" -x c -fsyntax-only -
if command -v c++ >/dev/null; then
    echo '#include "plivo_powerpack.h"' | c++ -Wall -Wextra -pedantic -Werror -I"$staged/include" -x c++ -fsyntax-only -
fi

sanitize=(-fsanitize=address -fno-omit-frame-pointer)
if ! echo 'int main(void){return 0;}' | "$cc" "${sanitize[@]}" -x c - -o "$out/probe" 2>/dev/null; then
    echo "note: $cc cannot link AddressSanitizer here; the C test runs without leak checking"
    sanitize=()
fi
"$cc" -std=c11 -D_DEFAULT_SOURCE -Wall -Wextra -Werror -g "${sanitize[@]}" -I"$staged/include" \
    "$here/tests/abi_test.c" "$lib" -lpthread -ldl -lm -o "$out/abi_test"

work=$(mktemp -d)
"$root/target/debug/powerpack-sandbox" --port 0 --rate-limit off --seed "$root/examples/sandbox/rented-numbers.json" \
    >"$work/url" & pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 100); do [[ -s "$work/url" ]] && break; sleep 0.1; done
# detect_leaks: LeakSanitizer reports memory the library or the test lost; the runtime's threads
# and its connection pool stay reachable for the life of the process and are not leaks.
ASAN_OPTIONS=detect_leaks=1:abort_on_error=0 "$out/abi_test" "$(head -n1 "$work/url")"
