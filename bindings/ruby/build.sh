#!/usr/bin/env bash
# Builds the Ruby gem and runs its minitest suite against the installed gem, or its demo.
#   bindings/ruby/build.sh test           gem build, gem install into target/ruby-gems, minitest vs a fresh sandbox
#   bindings/ruby/build.sh demo <uuid>    the seed's Ruby flow (needs PLIVO_* and a running sandbox)
# Needs the debug build (the library and uniffi-bindgen) and ruby with the ffi and minitest gems.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
stage="$root/target/ruby-gem"
gems="$root/target/ruby-gems"
rm -rf "$stage" "$gems"
mkdir -p "$stage/lib/plivo_powerpack"
cp "$here/plivo_powerpack.gemspec" "$here/README.md" "$stage/"
cp "$here/lib/plivo_powerpack.rb" "$stage/lib/"
"$root/target/debug/uniffi-bindgen" generate --library "$root/target/debug/libplivo_powerpack_ffi.so" \
    --language ruby --no-format --out-dir "$stage/lib/plivo_powerpack" >/dev/null
cp "$root/target/debug/libplivo_powerpack_ffi.so" "$stage/lib/plivo_powerpack/"
export PLIVO_POWERPACK_VERSION="$("$root/scripts/version.sh")"
(cd "$stage" && gem build --quiet plivo_powerpack.gemspec >/dev/null)
# ffi comes from the system (Debian's ruby-ffi); nothing is fetched from rubygems.org.
gem install --local --install-dir "$gems" --ignore-dependencies --no-document "$stage"/plivo_powerpack-*.gem >/dev/null
export GEM_HOME="$gems" GEM_PATH="$gems:$(ruby -e 'print Gem.default_path.join(":")')"

case "${1:-test}" in
    test)
        # Two sandboxes: plain HTTP, and HTTPS with a CA made at start (written to tls-ca.pem).
        work=$(mktemp -d)
        pids=()
        trap 'kill "${pids[@]}" 2>/dev/null; wait "${pids[@]}" 2>/dev/null; rm -rf "$work"' EXIT
        "$root/target/debug/powerpack-sandbox" --port 0 --rate-limit off >"$work/plain.url" & pids+=($!)
        "$root/target/debug/powerpack-sandbox" --port 0 --rate-limit off --tls --tls-ca-out "$work/tls-ca.pem" \
            >"$work/tls.url" & pids+=($!)
        for _ in $(seq 100); do [[ -s "$work/plain.url" && -s "$work/tls.url" ]] && break; sleep 0.1; done
        # Only the test directory is on the load path: the package comes from the installed gem.
        POWERPACK_SANDBOX_URL=$(head -n1 "$work/plain.url") POWERPACK_TLS_SANDBOX_URL=$(head -n1 "$work/tls.url") \
            POWERPACK_TLS_CA_FILE="$work/tls-ca.pem" ruby -I"$here/test" \
            -e 'Dir[ARGV[0] + "/test_*.rb"].sort.each { |f| require f }' "$here/test"
        ;;
    demo)
        ruby "$here/seed_flow.rb" "${2:?usage: build.sh demo <uuid>}"
        ;;
    *) echo "usage: $0 test|demo <uuid>" >&2; exit 2 ;;
esac
