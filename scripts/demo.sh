#!/usr/bin/env bash
# The seed's update flow end to end: on the embedded sandbox by default, from
# the CLI, Rust, Python (the installed wheel), Go (the staged module), PHP (the Composer package),
# Node (the npm tarball),
# Ruby (the installed gem, when ruby and its ffi
# gem are here), Kotlin (when Maven is here) and Swift (when a Swift toolchain is here); and the
# Powerpack's number pool from the CLI.
#
#   scripts/demo.sh                      sandbox, no credentials needed
#   PLIVO_DEMO_TLS=1 scripts/demo.sh     the same over HTTPS: the sandbox makes a CA at start and
#                                        every client trusts it through PLIVO_CA_BUNDLE
#   scripts/demo.sh --live <uuid>        the real API: needs PLIVO_AUTH_ID and
#                                        PLIVO_AUTH_TOKEN, and changes that Powerpack
#
# `make demo` builds what this needs first (the workspace, and every package staged by
# scripts/dist.sh into target/dist/).
set -euo pipefail
cd "$(dirname "$0")/.."

BIN=target/debug
CLI="$BIN/plivo-powerpack"
PY=.venv/bin/python
step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

if [[ "${1:-}" == "--live" ]]; then
    uuid="${2:?usage: scripts/demo.sh --live <powerpack_uuid>}"
    : "${PLIVO_AUTH_ID:?set PLIVO_AUTH_ID}" "${PLIVO_AUTH_TOKEN:?set PLIVO_AUTH_TOKEN}"
    unset PLIVO_BASE_URL
    echo "LIVE: this changes Powerpack $uuid on api.plivo.com (Ctrl-C within 5 s to stop)"
    sleep 5
    step "get";    "$CLI" get "$uuid"
    step "update"; "$CLI" update "$uuid" --name "${PLIVO_DEMO_NAME:-plivo-powerpack-demo}"
    step "get";    "$CLI" get "$uuid"
    exit 0
fi

step "start the sandbox (port 0, rate limit off${PLIVO_DEMO_TLS:+, HTTPS})"
sandbox_out=$(mktemp)
tls_args=() curl_tls=()
if [[ -n "${PLIVO_DEMO_TLS:-}" ]]; then
    export PLIVO_CA_BUNDLE; PLIVO_CA_BUNDLE=$(mktemp --suffix .pem)
    tls_args=(--tls --tls-ca-out "$PLIVO_CA_BUNDLE") curl_tls=(--cacert "$PLIVO_CA_BUNDLE")
fi
"$BIN/powerpack-sandbox" --port 0 --rate-limit off --seed examples/sandbox/rented-numbers.json "${tls_args[@]}" >"$sandbox_out" &
sandbox_pid=$!
trap 'kill $sandbox_pid 2>/dev/null; wait $sandbox_pid 2>/dev/null; rm -f "$sandbox_out" "${PLIVO_CA_BUNDLE:-}"' EXIT
for _ in $(seq 50); do [[ -s "$sandbox_out" ]] && break; sleep 0.1; done
export PLIVO_BASE_URL; PLIVO_BASE_URL=$(head -n1 "$sandbox_out")
export PLIVO_AUTH_ID=MASANDBOX00000000001 PLIVO_AUTH_TOKEN=sandbox-auth-token
echo "sandbox at $PLIVO_BASE_URL, account $PLIVO_AUTH_ID"

step "CLI: create a Powerpack"
uuid=$("$CLI" create demo-powerpack --json | "$PY" -c 'import json,sys; print(json.load(sys.stdin)["uuid"])')
"$CLI" get "$uuid"

step "CLI: the seed's update (name, sticky_sender, local_connect, application)"
"$CLI" update "$uuid" --name your_powerpack_name --sticky-sender false --local-connect false --xml-app 20342783288007824
step "CLI: get again"
"$CLI" get "$uuid"

step "CLI: the Powerpack's number pool (the account rents 4 numbers; the seed file)"
curl -s "${curl_tls[@]}" -X POST "$PLIVO_BASE_URL/__admin/seed" \
    -d "{\"shortcodes\": [{\"shortcode\": \"444444\", \"country_iso2\": \"US\", \"powerpack\": \"$uuid\"}]}"
echo "\$ plivo-powerpack numbers add 14155550100 --powerpack $uuid      # never buys: \"rent\": false"
"$CLI" numbers add 14155550100 --powerpack "$uuid"
echo "\$ plivo-powerpack numbers add 14155550199 --buy --service mms --powerpack $uuid"
"$CLI" numbers add 14155550199 --buy --service mms --powerpack "$uuid"
"$CLI" tollfree add 18005550100 --powerpack "$uuid" >/dev/null
echo "\$ plivo-powerpack numbers list --country US --starts-with 1415 --powerpack $uuid"
"$CLI" numbers list --country US --starts-with 1415 --powerpack "$uuid"
echo "\$ plivo-powerpack tollfree list --powerpack $uuid"
"$CLI" tollfree list --powerpack "$uuid"
echo "\$ plivo-powerpack shortcodes list --powerpack $uuid"
"$CLI" shortcodes list --powerpack "$uuid"
echo "\$ plivo-powerpack numbers remove 14155550100 --powerpack $uuid    # stays rented: \"unrent\": false"
"$CLI" numbers remove 14155550100 --powerpack "$uuid"
echo "\$ plivo-powerpack numbers add +14155550100 --powerpack $uuid     # refused before sending"
"$CLI" numbers add +14155550100 --powerpack "$uuid" && exit 1 || echo "exit code $?"

step "Rust: examples/seed_flow.rs"
"$BIN/examples/seed_flow" "$uuid"

step "Python: examples/python/seed_flow.py (the installed wheel)"
"$PY" -m pip install -q --force-reinstall --no-deps target/dist/python/*.whl
(cd examples/python && ../../"$PY" seed_flow.py "$uuid")

if command -v ruby >/dev/null && ruby -e 'require "ffi"' 2>/dev/null; then
    step "Ruby: bindings/ruby/seed_flow.rb (the installed gem)"
    bindings/ruby/build.sh demo "$uuid"
else
    echo "SKIPPED: ruby demo (no ruby with the ffi gem: make test-ruby installs it)"
fi

go_bin=${GO:-$(command -v go || true)}
if [[ -x "$go_bin" ]]; then
    step "Go: bindings/go/examples/seedflow (the staged module, cgo on the C ABI)"
    GO="$go_bin" bindings/go/build.sh demo "$uuid"
else
    echo "SKIPPED: go demo (no Go toolchain: make go-toolchain installs one)"
fi

if command -v php >/dev/null && php -r 'exit(extension_loaded("ffi") ? 0 : 1);' && command -v composer >/dev/null; then
    step "PHP: bindings/php/examples/seed_flow.php (the Composer package, ext-ffi)"
    bindings/php/build.sh demo "$uuid"
else
    echo "SKIPPED: php demo (no php with FFI and composer: make test-php installs them)"
fi

if command -v node >/dev/null && ls target/dist/node/plivo-powerpack-*.tgz >/dev/null 2>&1; then
    step "Node: bindings/node/examples/seed_flow.mjs (the npm tarball in a fresh project)"
    bindings/node/build.sh demo "$uuid"
else
    echo "SKIPPED: node demo (no node, or no staged tarball: make dist-node stages it)"
fi

if command -v mvn >/dev/null && [[ -f bindings/kotlin/pom.xml ]]; then
    step "Kotlin: the seed flow on the JVM"
    bindings/kotlin/build.sh demo "$uuid"
else
    echo "SKIPPED: kotlin demo (no maven)"
fi

swift_bin=${SWIFT_BIN:-$(command -v swift || true)}
if [[ -n "$swift_bin" ]]; then
    step "Swift: the seed flow with async/await (bindings/swift/Sources/SeedFlow)"
    PATH="$(dirname "$swift_bin"):$PATH" bindings/swift/build.sh demo "$uuid"
else
    echo "SKIPPED: swift demo (no swift toolchain)"
fi

step "errors handled well"
echo "\$ plivo-powerpack update $uuid        # nothing to change: refused before sending"
"$CLI" update "$uuid" && exit 1 || echo "exit code $?"
echo "\$ plivo-powerpack get no-such-uuid"
"$CLI" get no-such-uuid && exit 1 || echo "exit code $?"

step "done: the sandbox saw $(curl -s "${curl_tls[@]}" "$PLIVO_BASE_URL/__admin/journal" | "$PY" -c 'import json,sys; print(len(json.load(sys.stdin)))') requests"
