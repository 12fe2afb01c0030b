#!/usr/bin/env bash
# The Node package's steps, from the one build of the workspace (make build):
#   bindings/node/build.sh tools               npm ci: @napi-rs/cli, typescript, @types/node (package-lock.json)
#   bindings/node/build.sh stage <dist> <lib>  the npm tarball into <dist> from <lib>/libplivo_powerpack_node.so
#   bindings/node/build.sh test                node --test against the tarball installed in a fresh project
#   bindings/node/build.sh demo <uuid>         the seed's Node flow (needs PLIVO_* and a running sandbox)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)

tools() {
    # Reinstalled only when the lock file changed since the last install.
    if [[ ! -f "$here/node_modules/.package-lock.json" || "$here/package-lock.json" -nt "$here/node_modules/.package-lock.json" ]]; then
        (cd "$here" && npm ci --no-audit --no-fund --loglevel=error)
    fi
}

stage() {
    local dist=$1 lib=$2 version
    version=$("$root/scripts/version.sh")
    tools
    local pkg="$dist/package"
    rm -rf "$dist" && mkdir -p "$pkg"
    cp -R "$here/package.json" "$here/README.md" "$here/lib" "$pkg/"
    # The version is the workspace's (scripts/version.sh), as for every other package.
    node -e 'const f=process.argv[1],p=require(f);p.version=process.argv[2];delete p.devDependencies;delete p.scripts;require("fs").writeFileSync(f,JSON.stringify(p,null,2)+"\n")' \
        "$pkg/package.json" "$version"
    # Without debug info (the symbols stay): a tenth of the size to pack and install.
    objcopy --strip-debug "$lib/libplivo_powerpack_node.so" "$pkg/plivo-powerpack.linux-x64-gnu.node"
    (cd "$here" && node scripts/stage.mjs "$pkg" "$root/target/napi-typedef")
    (cd "$dist" && npm pack --silent "$pkg" >/dev/null)
    rm -rf "$pkg"
}

# A fresh project with the tarball installed from its file (no registry is asked for it: it has
# no runtime dependencies), and the test tools linked from the package's own node_modules.
install_fresh() {
    local project=$1 tarball
    tarball=$(ls "$root"/target/dist/node/plivo-powerpack-*.tgz 2>/dev/null | head -n1 || true)
    [[ -n "$tarball" ]] || { echo "no staged tarball: run 'make dist-node' (scripts/dist.sh node) first" >&2; exit 1; }
    rm -rf "$project" && mkdir -p "$project"
    cp -R "$here/test" "$here/examples" "$project/"
    printf '{"name":"plivo-powerpack-test","private":true,"version":"0.0.0"}\n' >"$project/package.json"
    (cd "$project" && npm install --no-audit --no-fund --loglevel=error --offline "$tarball" >/dev/null)
    ln -s "$here/node_modules/typescript" "$here/node_modules/@types" "$project/node_modules/" 2>/dev/null || true
    mkdir -p "$project/node_modules/.bin" && ln -sf ../typescript/bin/tsc "$project/node_modules/.bin/tsc"
}

case "${1:-test}" in
    tools) tools ;;
    stage) stage "${2:?dist dir}" "${3:?lib dir}" ;;
    test)
        tools
        project="$root/target/node-test"
        install_fresh "$project"
        # Two sandboxes: plain HTTP, and HTTPS with a CA made at start.
        source "$root/scripts/sandboxes.sh"
        start_plain_and_tls
        cd "$project"
        POWERPACK_SANDBOX_BIN="$root/target/debug/powerpack-sandbox" POWERPACK_ROOT="$root" \
            node --test --test-concurrency=1 test/
        ;;
    demo)
        project="$root/target/node-demo"
        install_fresh "$project"
        (cd "$project" && node examples/seed_flow.mjs "${2:?usage: build.sh demo <uuid>}")
        ;;
    *) echo "usage: $0 tools|stage <dist> <lib>|test|demo <uuid>" >&2; exit 2 ;;
esac
