#!/usr/bin/env bash
# Installs the staged gem (target/dist/ruby, made by scripts/dist.sh) into target/ruby-gems and
# runs the minitest suite against that installed copy, or the demo:
#   bindings/ruby/build.sh test           minitest against fresh sandboxes
#   bindings/ruby/build.sh demo <uuid>    the seed's Ruby flow (needs PLIVO_* and a running sandbox)
# Needs ruby with the ffi and minitest gems (Debian's).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
gem_file=$(ls "$root"/target/dist/ruby/plivo_powerpack-*.gem 2>/dev/null | head -n1 || true)
[[ -n "$gem_file" ]] || { echo "no staged gem: run 'make dist-ruby' (scripts/dist.sh ruby) first" >&2; exit 1; }
gems="$root/target/ruby-gems"
export PLIVO_POWERPACK_VERSION="$("$root/scripts/version.sh")"
rm -rf "$gems"
# ffi comes from the system (Debian's ruby-ffi); nothing is fetched from rubygems.org.
gem install --local --install-dir "$gems" --ignore-dependencies --no-document "$gem_file" >/dev/null
export GEM_HOME="$gems" GEM_PATH="$gems:$(ruby -e 'print Gem.default_path.join(":")')"

case "${1:-test}" in
    test)
        # Two sandboxes: plain HTTP, and HTTPS with a CA made at start.
        source "$root/scripts/sandboxes.sh"
        start_plain_and_tls
        # Only the test directory is on the load path: the package comes from the installed gem.
        ruby -I"$here/test" \
            -e 'Dir[ARGV[0] + "/test_*.rb"].sort.each { |f| require f }' "$here/test"
        ;;
    demo)
        ruby "$here/seed_flow.rb" "${2:?usage: build.sh demo <uuid>}"
        ;;
    *) echo "usage: $0 test|demo <uuid>" >&2; exit 2 ;;
esac
