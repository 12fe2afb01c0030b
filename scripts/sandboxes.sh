# Sourced by a suite's build script: sandboxes for one test run, stopped when the script exits.
#   start_sandbox NAME ARGS...   the debug sandbox on a free port, rate limit off; its base URL is
#                                the first line of $sandbox_work/NAME.url once this returns
#   start_plain_and_tls          plain HTTP and HTTPS (a CA made at start), exported as
#                                POWERPACK_SANDBOX_URL, POWERPACK_TLS_SANDBOX_URL, POWERPACK_TLS_CA_FILE
sandbox_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
sandbox_work=$(mktemp -d)
sandbox_pids=()
trap 'kill "${sandbox_pids[@]}" 2>/dev/null; wait "${sandbox_pids[@]}" 2>/dev/null; rm -rf "$sandbox_work"' EXIT

start_sandbox() {
    local name=$1; shift
    "$sandbox_root/target/debug/powerpack-sandbox" --port 0 --rate-limit off "$@" >"$sandbox_work/$name.url" &
    sandbox_pids+=($!)
    for _ in $(seq 100); do [[ -s "$sandbox_work/$name.url" ]] && break; sleep 0.1; done
}

start_plain_and_tls() {
    start_sandbox plain
    start_sandbox tls --tls --tls-ca-out "$sandbox_work/tls-ca.pem"
    export POWERPACK_SANDBOX_URL POWERPACK_TLS_SANDBOX_URL POWERPACK_TLS_CA_FILE="$sandbox_work/tls-ca.pem"
    POWERPACK_SANDBOX_URL=$(head -n1 "$sandbox_work/plain.url")
    POWERPACK_TLS_SANDBOX_URL=$(head -n1 "$sandbox_work/tls.url")
}
